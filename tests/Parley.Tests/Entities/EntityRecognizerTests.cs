using Parley.Entities;
using Parley.Learning;
using Parley.Model;
using Parley.Processing;
using Parley.Syntax;

namespace Parley.Tests.Entities;

public sealed class EntityRecognizerTests
{
    private static readonly Lazy<EntityModel> Model = new(EntityTestData.Train);

    private static byte[] Bytes(EntityModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    private static Document Tagged(int sentence)
    {
        var gold = EntityTestData.Sentences()[sentence];
        var document = ConlluDocuments.ToDocument("d", [gold]);
        var analyses = new TokenAnalysis[gold.Words.Count];
        for (var i = 0; i < analyses.Length; i++)
        {
            analyses[i] = new TokenAnalysis(gold.Words[i].Upos, gold.Words[i].Xpos, gold.Words[i].Lemma, -1, "");
        }
        document.Analyses = analyses;
        document.AddLayers(Layers.Tags);
        return document;
    }

    [Fact]
    public void Declares_itself()
    {
        var stage = new PerceptronEntityRecognizer(Model.Value);
        Assert.Equal("ner.perceptron.v1", stage.Name);
        Assert.Equal(Layers.Tokens | Layers.Sentences | Layers.Tags, stage.Requires);
        Assert.Equal(Layers.Entities, stage.Provides);
    }

    [Fact]
    public void Finds_the_entities_it_was_trained_on()
    {
        var document = Tagged(4);
        var pipeline = Pipeline.Build([new PerceptronEntityRecognizer(Model.Value)], Layers.Text | Layers.Tokens | Layers.Sentences | Layers.Tags);
        pipeline.Process(document);
        Assert.False(document.IsFailed);
        var found = Array.ConvertAll(document.Entities, e => $"{document.Slice(e.Span)}/{e.Type}");
        Assert.Equal(["Maria Kovacs/Person", "New York/Location"], found);
        Assert.All(document.Entities, e => Assert.Equal(document.Tokens[e.FirstToken].Start, e.Start));
    }

    [Fact]
    public void Training_is_deterministic_and_models_round_trip()
    {
        var first = Bytes(EntityTestData.Train());
        Assert.Equal(first, Bytes(EntityTestData.Train()));
        var loaded = EntityModel.Load(new MemoryStream(first));
        Assert.Equal(first, Bytes(loaded));
        Assert.Equal(Model.Value.Recognize(Tagged(1)), loaded.Recognize(Tagged(1)));
    }

    [Fact]
    public void Rejects_other_files() =>
        Assert.Throws<InvalidDataException>(() => EntityModel.Load(new MemoryStream(new byte[64])));

    [Fact]
    public void Decoding_never_yields_broken_spans()
    {
        // Every token's own features vote for opening a person name and nothing else; the decoder
        // must still return a sequence in which each span opened is closed before the sentence ends.
        var document = Tagged(0);
        var count = document.Tokens.Length;
        var cases = new CaseLexicon([]);
        var scratch = new EntityScratch();
        var trainer = new PerceptronTrainer(EntityTags.Scored);
        EntityFeatures.Prepare(document, 0, count, EntityTestData.Gazetteer(), cases, WordClusters.Empty, scratch);
        for (var i = 0; i < count; i++)
        {
            var n = EntityFeatures.Extract(document, 0, count, i, scratch);
            trainer.Update(scratch.Features.AsSpan(0, n), EntityTags.Begin(EntityType.Person), -1, 10f);
        }
        EntityModel.Decode(null, trainer, EntityTestData.Gazetteer(), cases, WordClusters.Empty, document, 0, count, scratch);
        var previous = -1;
        for (var i = 0; i < count; i++)
        {
            Assert.True(EntityTags.Allowed(previous, scratch.Classes[i], i == count - 1), $"class {scratch.Classes[i]} after {previous} at {i}");
            previous = scratch.Classes[i];
        }
        Assert.Contains(EntityTags.Begin(EntityType.Person), scratch.Classes.AsSpan(0, count).ToArray());
    }

    [Fact]
    public void Decoding_finds_the_best_scoring_valid_sequence()
    {
        // Weights drawn at random over tags and over (previous tag, tag) pairs; the decoder's
        // sequence must score as well as the best one found by trying every valid sequence.
        var document = Tagged(0);
        var count = document.Tokens.Length;
        var scratch = new EntityScratch();
        var trainer = new PerceptronTrainer(EntityTags.Scored);
        var random = new Random(7);
        EntityFeatures.Prepare(document, 0, count, EntityTestData.Gazetteer(), new CaseLexicon([]), WordClusters.Empty, scratch);
        for (var i = 0; i < count; i++)
        {
            var n = EntityFeatures.Extract(document, 0, count, i, scratch);
            var t = EntityFeatures.ExtractTransitions(count, i, scratch, scratch.Features.AsSpan(n));
            for (var k = 0; k < 30; k++)
            {
                trainer.Update(scratch.Features.AsSpan(0, n), random.Next(EntityTags.Count), -1, (float)random.NextDouble() - 0.5f);
                trainer.Update(scratch.Features.AsSpan(n, t), EntityTags.Pair(random.Next(-1, EntityTags.Count), random.Next(EntityTags.Count)), -1, (float)random.NextDouble() - 0.5f);
            }
        }
        var rows = new float[count][];
        for (var i = 0; i < count; i++)
        {
            var n = EntityFeatures.Extract(document, 0, count, i, scratch);
            n += EntityFeatures.ExtractTransitions(count, i, scratch, scratch.Features.AsSpan(n));
            rows[i] = new float[EntityTags.Scored];
            trainer.Score(scratch.Features.AsSpan(0, n), rows[i]);
        }
        float Total(int[] tags)
        {
            var total = 0f;
            for (var i = 0; i < tags.Length; i++)
            {
                total += rows[i][EntityTags.Pair(i == 0 ? -1 : tags[i - 1], tags[i])] + rows[i][tags[i]];
            }
            return total;
        }
        var best = float.NegativeInfinity;
        var sequence = new int[count];
        void Search(int i)
        {
            if (i == count)
            {
                best = Math.Max(best, Total(sequence));
                return;
            }
            for (var c = 0; c < EntityTags.Count; c++)
            {
                if (EntityTags.Allowed(i == 0 ? -1 : sequence[i - 1], c, i == count - 1))
                {
                    sequence[i] = c;
                    Search(i + 1);
                }
            }
        }
        Search(0);
        EntityModel.Decode(null, trainer, EntityTestData.Gazetteer(), new CaseLexicon([]), WordClusters.Empty, document, 0, count, scratch);
        Assert.Equal(best, Total(scratch.Classes.AsSpan(0, count).ToArray()), 3);
    }

    [Fact]
    public void Models_of_the_left_to_right_format_are_refused()
    {
        using var stream = new MemoryStream();
        Model.Value.Save(stream);
        var bytes = stream.ToArray();
        BitConverter.GetBytes(2).CopyTo(bytes, 4);
        var error = Assert.Throws<InvalidDataException>(() => EntityModel.Load(new MemoryStream(bytes)));
        Assert.Contains("format 2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "B-PER", "I-PER", "O", "B-LOC" }, "0+2 Person;3+1 Location")]
    [InlineData(new[] { "B-OTH", "I-OTH", "B-O", "I-O" }, "")]
    [InlineData(new[] { "I-ORG", "I-ORG", "B-ORG" }, "0+2 Organization;2+1 Organization")]
    [InlineData(new[] { "B-PER", "I-LOC" }, "0+1 Person;1+1 Location")]
    public void Reads_iob2_spans(string[] tags, string expected)
    {
        var spans = GoldEntities.Spans(tags);
        Assert.Equal(expected, string.Join(";", spans.ConvertAll(s => $"{s.First}+{s.Count} {s.Type}")));
    }

    [Fact]
    public void Maps_gold_spans_across_different_tokenisations()
    {
        var iob = new Iob2Sentence("x", ["join", "#", "audiobooks", "in", "New", "York"], ["O", "O", "O", "O", "B-LOC", "I-LOC"]);
        var words = new List<ConlluWord>();
        foreach (var form in new[] { "join", "#audiobooks", "in", "New", "York" })
        {
            words.Add(new ConlluWord(words.Count + 1, form, form, "X", "X", "_", 0, "dep", "_"));
        }
        Assert.Equal([(3, 2, EntityType.Location)], GoldEntities.OnWords(iob, words));
    }
}
