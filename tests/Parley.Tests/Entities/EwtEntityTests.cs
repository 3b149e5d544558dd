using Parley.Entities;
using Parley.Model;
using Parley.Processing;
using Parley.Syntax;
using Parley.Tests.Syntax;

namespace Parley.Tests.Entities;

/// <summary>The shipped tagger and recognizer on Universal NER English-EWT dev. Passes trivially when the corpus is absent.</summary>
[Trait("Category", "Slow")]
public sealed class EwtEntityTests
{
    [Fact]
    public void Shipped_models_score_on_uner_ewt_dev()
    {
        var tagger = TestPaths.File("data/models/tagger-v1.bin");
        var ner = TestPaths.File("data/models/ner-v1.bin");
        var dev = Path.Combine(TestPaths.Corpora, "ud-english-ewt", "en_ewt-ud-dev.conllu");
        var gold = Path.Combine(TestPaths.Corpora, "uner-english-ewt", "en_ewt-ud-dev.iob2");
        if (!File.Exists(tagger) || !File.Exists(ner) || !File.Exists(dev) || !File.Exists(gold))
        {
            return;
        }
        var pipeline = Pipeline.Build([new PerceptronTagger(tagger), new PerceptronEntityRecognizer(ner)],
            Layers.Text | Layers.Tokens | Layers.Sentences);
        var result = NlpEvaluator.Evaluate(dev, pipeline, gold);
        Assert.True(result.HasEntities, result.Format());
        // Measured F1 70.09 when the model was trained; a drop means a regression.
        Assert.True(result.EntityScore().F1 >= 69, result.Format());
    }
}
