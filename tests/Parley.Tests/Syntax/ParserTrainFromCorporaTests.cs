using Parley.Syntax;

namespace Parley.Tests.Syntax;

public sealed class ParserTrainFromCorporaTests
{
    // A corpora folder laid out as the shared one, holding the tiny treebank as train and dev.
    private static string TinyCorpora()
    {
        var root = Path.Combine(Path.GetTempPath(), "parley-tiny-corpora-" + Guid.NewGuid().ToString("N"));
        var ud = Path.Combine(root, "ud-english-ewt");
        Directory.CreateDirectory(ud);
        File.WriteAllText(Path.Combine(ud, "en_ewt-ud-train.conllu"), TinyTreebank.Conllu());
        File.WriteAllText(Path.Combine(ud, "en_ewt-ud-dev.conllu"), TinyTreebank.Conllu());
        return root;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void One_call_writes_the_same_model_bytes_every_time(int folds)
    {
        var corpora = TinyCorpora();
        try
        {
            var log = new StringWriter();
            ParserTrainer.TrainFromCorpora(corpora, Path.Combine(corpora, "a"), log, jackknifeFolds: folds, epochs: 2);
            ParserTrainer.TrainFromCorpora(corpora, Path.Combine(corpora, "b"), TextWriter.Null, jackknifeFolds: folds, epochs: 2);
            var a = File.ReadAllBytes(Path.Combine(corpora, "a", ParserTrainer.ModelFileName));
            var b = File.ReadAllBytes(Path.Combine(corpora, "b", ParserTrainer.ModelFileName));
            Assert.Equal(a, b);
            Assert.Equal(folds > 0, log.ToString().Contains("jackknife fold 4/4", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(corpora, recursive: true);
        }
    }

    [Fact]
    public void Several_seeds_give_one_averaged_parser_the_same_on_every_run()
    {
        var corpora = TinyCorpora();
        try
        {
            var log = new StringWriter();
            var options = new ParserTrainingOptions { Seeds = 3 };
            var mean = ParserTrainer.TrainFromCorpora(corpora, Path.Combine(corpora, "a"), log, jackknifeFolds: 0, epochs: 2, options: options);
            ParserTrainer.TrainFromCorpora(corpora, Path.Combine(corpora, "b"), TextWriter.Null, jackknifeFolds: 0, epochs: 2, options: options);
            ParserTrainer.TrainFromCorpora(corpora, Path.Combine(corpora, "c"), TextWriter.Null, jackknifeFolds: 0, epochs: 2);
            var a = File.ReadAllBytes(Path.Combine(corpora, "a", ParserTrainer.ModelFileName));
            Assert.Equal(a, File.ReadAllBytes(Path.Combine(corpora, "b", ParserTrainer.ModelFileName)));
            Assert.NotEqual(a, File.ReadAllBytes(Path.Combine(corpora, "c", ParserTrainer.ModelFileName)));
            var text = log.ToString();
            Assert.Contains("run 3: ", text, StringComparison.Ordinal);
            Assert.Contains("mean of 3 runs", text, StringComparison.Ordinal);
            Assert.True(mean.FeatureCount > 0);
        }
        finally
        {
            Directory.Delete(corpora, recursive: true);
        }
    }
}
