using Parley.Model;
using Parley.Processing;
using Parley.Syntax;

namespace Parley.Tests.Syntax;

/// <summary>The shipped tagger model on UD English-EWT test. Passes trivially when the corpus is absent.</summary>
[Trait("Category", "Slow")]
public sealed class EwtTaggerTests
{
    [Fact]
    public void Shipped_model_scores_on_ewt_test()
    {
        var model = TestPaths.File("data/models/tagger-v1.bin");
        var test = Path.Combine(TestPaths.Corpora, "ud-english-ewt", "en_ewt-ud-test.conllu");
        if (!File.Exists(model) || !File.Exists(test))
        {
            return;
        }
        var tagger = new PerceptronTagger(model);
        var pipeline = Pipeline.Build([tagger], Layers.Text | Layers.Tokens | Layers.Sentences);
        var result = NlpEvaluator.Evaluate(test, pipeline);
        // The shipped model learned from the dev sentences too, so it is held to test: measured
        // 95.72 / 95.28 / 97.33 when the model was trained; a drop means a regression.
        Assert.True(result.Upos >= 95.5, result.Format());
        Assert.True(result.Xpos >= 95.0, result.Format());
        Assert.True(result.Lemma >= 97.0, result.Format());
    }
}
