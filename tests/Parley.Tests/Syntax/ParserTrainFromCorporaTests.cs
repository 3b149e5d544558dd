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
}
