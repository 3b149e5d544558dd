using Parley.Model;
using Parley.Processing;
using Parley.Syntax;

namespace Parley.Tests.Syntax;

public sealed class PerceptronTaggerTests
{
    private static readonly Lazy<TaggerModel> Model = new(() =>
        TaggerTrainer.Train(TinyTreebank.Sentences(), [], 6, 1, _ => { }));

    private static Document Hand(string text, params (int Start, int End)[] tokens)
    {
        var document = new Document("d", text)
        {
            Tokens = Array.ConvertAll(tokens, t => new Token(t.Start, t.End)),
            Sentences = [new Sentence(0, text.Length, 0, tokens.Length)],
        };
        document.AddLayers(Layers.Tokens | Layers.Sentences);
        return document;
    }

    [Fact]
    public void Declares_itself()
    {
        var stage = new PerceptronTagger(Model.Value);
        Assert.Equal("tag.perceptron.v1", stage.Name);
        Assert.Equal(Layers.Tokens | Layers.Sentences, stage.Requires);
        Assert.Equal(Layers.Tags, stage.Provides);
    }

    [Fact]
    public void Fills_analyses_parallel_to_tokens()
    {
        var document = Hand("The minister visited Moscow.", (0, 3), (4, 12), (13, 20), (21, 27), (27, 28));
        var pipeline = Pipeline.Build([new PerceptronTagger(Model.Value)], Layers.Text | Layers.Tokens | Layers.Sentences);
        pipeline.Process(document);
        Assert.False(document.IsFailed);
        Assert.True(document.Layers.HasFlag(Layers.Tags));
        Assert.Equal(5, document.Analyses.Length);
        Assert.Equal(["DET", "NOUN", "VERB", "PROPN", "PUNCT"], Array.ConvertAll(document.Analyses, a => a.Upos));
        Assert.Equal("visit", document.Analyses[2].Lemma);
        Assert.All(document.Analyses, a => Assert.Equal((-1, ""), (a.Head, a.Relation)));
    }

    [Fact]
    public void Tokens_outside_sentences_still_get_an_analysis()
    {
        var document = Hand("Paris .", (0, 5), (6, 7));
        document.Sentences = [new Sentence(0, 5, 0, 1)];
        new PerceptronTagger(Model.Value).Process(document, new StageContext(document, PerceptronTagger.StageName));
        Assert.Equal(2, document.Analyses.Length);
        Assert.Equal(".", document.Analyses[1].Lemma);
    }

    [Fact]
    public void An_empty_document_gets_no_analyses()
    {
        var document = Hand("");
        document.Sentences = [];
        new PerceptronTagger(Model.Value).Process(document, new StageContext(document, PerceptronTagger.StageName));
        Assert.Empty(document.Analyses);
    }
}
