using System.Diagnostics;
using Parley.Syntax;

namespace Parley.Tests.Syntax;

/// <summary>Checks on UD English-EWT and the shipped model; skipped when the corpus is not next to the repository.</summary>
public sealed class ParserCorpusTests
{
    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
            {
                return dir.FullName;
            }
        }
        return null;
    }

    // The corpora live beside the repository (../shared/corpora) unless PARLEY_CORPORA says otherwise.
    private static string? Ewt(string part)
    {
        var root = RepositoryRoot();
        var corpora = Environment.GetEnvironmentVariable("PARLEY_CORPORA")
            ?? (root is null ? null : Path.Combine(root, "..", "shared", "corpora"));
        var path = corpora is null ? null : Path.Combine(corpora, "ud-english-ewt", $"en_ewt-ud-{part}.conllu");
        return path is not null && File.Exists(path) ? path : null;
    }

    private static string? ShippedModel()
    {
        var root = RepositoryRoot();
        var path = root is null ? null : Path.Combine(root, "data", "models", "parser-v1.bin");
        return path is not null && File.Exists(path) ? path : null;
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Oracle_rebuilds_every_lifted_training_tree()
    {
        var train = Ewt("train");
        if (train is null)
        {
            return;
        }
        var sentences = new List<ConlluSentence>(ConlluReader.ReadFile(train));
        var (prepared, _, _) = ParserTrainer.Prepare(sentences, new ParserTrainingOptions());
        foreach (var (words, heads, _) in prepared)
        {
            ParserTransitionTests.AssertOracleRebuilds(heads, words.Count);
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Shipped_model_loads_fast_and_meets_the_floors_on_dev()
    {
        var dev = Ewt("dev");
        var path = ShippedModel();
        if (dev is null || path is null)
        {
            return;
        }
        var model = ParserModel.Load(path);
        var evaluation = ParserEvaluation.Evaluate(model, dev);
        Assert.True(evaluation.Uas >= 87, evaluation.ToString());
        Assert.True(evaluation.Las >= 84, evaluation.ToString());
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Shipped_model_keeps_its_accuracy_on_dev_with_the_shipped_taggers_tags()
    {
        var dev = Ewt("dev");
        var path = ShippedModel();
        var taggerPath = RepositoryRoot() is { } root ? Path.Combine(root, "data", "models", "tagger-v1.bin") : null;
        if (dev is null || path is null || taggerPath is null || !File.Exists(taggerPath))
        {
            return;
        }
        var model = ParserModel.Load(path);
        var tagger = TaggerModel.Load(taggerPath);
        // The tags the parser gets in the pipeline: the measured figures, less a margin for a retrained tagger.
        var evaluation = ParserEvaluation.Evaluate(model, dev, document => document.Analyses = tagger.Analyze(document));
        Assert.True(evaluation.Uas >= 84.5, evaluation.ToString());
        Assert.True(evaluation.Las >= 81.5, evaluation.ToString());
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Parses_every_dev_sentence_into_a_well_formed_tree()
    {
        var dev = Ewt("dev");
        var path = ShippedModel();
        if (dev is null || path is null)
        {
            return;
        }
        var model = ParserModel.Load(path);
        foreach (var (document, gold) in ConlluDocuments.ReadDocuments(dev))
        {
            ParserEvaluation.FillGoldTags(document, gold);
            model.Parse(document);
            Assert.Empty(ParserSamples.TreeViolations(document));
        }
    }
}
