using Parley.Model;
using Parley.Processing;
using Parley.Syntax;

namespace Parley.Tests.Syntax;

public sealed class ParserModelTests
{
    private static readonly Lazy<ParserModel> Model = new(() => ParserSamples.Train());

    [Fact]
    public void Training_is_deterministic()
    {
        var first = ParserSamples.Bytes(ParserSamples.Train(epochs: 4, seed: 3));
        var second = ParserSamples.Bytes(ParserSamples.Train(epochs: 4, seed: 3));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Training_fits_the_sample_treebank_and_restores_the_non_projective_arc()
    {
        var (evaluation, _) = ParserSamples.ParseSamples(Model.Value);
        Assert.Equal(100.0, evaluation.Uas);
        Assert.Equal(100.0, evaluation.FullLas);
        Assert.Contains("nmod|nsubj:pass", Model.Value.Labels);
    }

    [Fact]
    public void Save_and_load_give_the_same_bytes_and_the_same_trees()
    {
        var bytes = ParserSamples.Bytes(Model.Value);
        using var stream = new MemoryStream(bytes);
        var loaded = ParserModel.Load(stream);
        Assert.Equal(bytes, ParserSamples.Bytes(loaded));

        var sentences = ParserSamples.Sentences();
        var a = ConlluDocuments.ToDocument("a", sentences);
        var b = ConlluDocuments.ToDocument("b", sentences);
        ParserEvaluation.FillGoldTags(a, sentences);
        ParserEvaluation.FillGoldTags(b, sentences);
        Model.Value.Parse(a);
        loaded.Parse(b);
        Assert.Equal(a.Analyses, b.Analyses);
    }

    [Fact]
    public void Load_refuses_other_data()
    {
        using var stream = new MemoryStream("PARLEYDX0000"u8.ToArray());
        Assert.Throws<InvalidDataException>(() => ParserModel.Load(stream));
        var bytes = ParserSamples.Bytes(Model.Value);
        bytes[8] = 99; // the format version follows the eight magic bytes
        using var changed = new MemoryStream(bytes);
        Assert.Throws<InvalidDataException>(() => ParserModel.Load(changed));
    }

    [Fact]
    public void Stage_declares_itself()
    {
        var stage = new ArcEagerParser(Model.Value);
        Assert.Equal("parse.arceager.v1", stage.Name);
        Assert.Equal(Layers.Tokens | Layers.Sentences | Layers.Tags, stage.Requires);
        Assert.Equal(Layers.Dependencies, stage.Provides);
    }

    [Fact]
    public void Stage_gives_every_sentence_of_a_hand_built_document_a_well_formed_tree()
    {
        // Two sentences the model has not seen, plus a one-word sentence and a run of punctuation.
        (string Word, string Upos, string Xpos)[][] sentences =
        [
            [("Officials", "NOUN", "NNS"), ("in", "ADP", "IN"), ("Kyiv", "PROPN", "NNP"), ("said", "VERB", "VBD"),
             ("the", "DET", "DT"), ("ministers", "NOUN", "NNS"), ("would", "AUX", "MD"), ("meet", "VERB", "VB"),
             ("again", "ADV", "RB"), ("on", "ADP", "IN"), ("Friday", "PROPN", "NNP"), (".", "PUNCT", ".")],
            [("Protesters", "NOUN", "NNS"), ("were", "AUX", "VBD"), ("arrested", "VERB", "VBN"), ("by", "ADP", "IN"),
             ("police", "NOUN", "NN"), ("and", "CCONJ", "CC"), ("released", "VERB", "VBN"), ("later", "ADV", "RB"), (".", "PUNCT", ".")],
            [("Thanks", "NOUN", "NNS")],
            [("!", "PUNCT", "."), ("!", "PUNCT", "."), ("?", "PUNCT", ".")],
        ];
        var document = Build(sentences);
        var stage = new ArcEagerParser(Model.Value);
        stage.Process(document, new StageContext(document, stage.Name));

        Assert.Empty(ParserSamples.TreeViolations(document));
        Assert.True(document.Layers.HasFlag(Layers.Dependencies));
        Assert.Equal(-1, document.Analyses[12 + 9].Head);   // the one-word sentence is its own root
    }

    private static Document Build((string Word, string Upos, string Xpos)[][] sentences)
    {
        var text = new System.Text.StringBuilder();
        var tokens = new List<Token>();
        var analyses = new List<TokenAnalysis>();
        var spans = new List<Sentence>();
        foreach (var sentence in sentences)
        {
            var first = tokens.Count;
            var start = text.Length;
            foreach (var (word, upos, xpos) in sentence)
            {
                var begin = text.Length;
                text.Append(word);
                tokens.Add(new Token(begin, text.Length));
                analyses.Add(new TokenAnalysis(upos, xpos, word.ToLowerInvariant(), -1, ""));
                text.Append(' ');
            }
            spans.Add(new Sentence(start, text.Length - 1, first, tokens.Count - first));
        }
        var document = new Document("hand-built", text.ToString())
        {
            Tokens = [.. tokens],
            Sentences = [.. spans],
            Analyses = [.. analyses],
        };
        document.AddLayers(Layers.Tokens | Layers.Sentences | Layers.Tags);
        return document;
    }
}
