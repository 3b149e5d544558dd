using Parley.Entities;
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
        // Whatever the scores, a span opened must close before the sentence ends.
        var scores = new float[EntityTags.Count];
        scores[EntityTags.Begin(EntityType.Person)] = 10;
        Assert.NotEqual(EntityTags.Begin(EntityType.Person), EntityModel.Best(scores, -1, last: true));
        Assert.Equal(EntityTags.Last(EntityType.Person), EntityModel.Best(new float[EntityTags.Count], EntityTags.Begin(EntityType.Person), last: true));
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
