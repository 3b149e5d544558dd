using Parley.Model;
using Parley.Processing;
using Parley.Syntax;

namespace Parley.Tests.Syntax;

public sealed class NlpEvaluatorTests
{
    // A stage that copies gold-like answers: every token is a NOUN whose lemma is its form, attached to the first token.
    private sealed class NounStage : IStage
    {
        public string Name => "test.nouns.v1";
        public Layers Requires => Layers.Tokens | Layers.Sentences;
        public Layers Provides => Layers.Tags | Layers.Dependencies;

        public void Process(Document document, StageContext context)
        {
            var analyses = new TokenAnalysis[document.Tokens.Length];
            foreach (var sentence in document.Sentences)
            {
                for (var t = sentence.FirstToken; t < sentence.EndToken; t++)
                {
                    analyses[t] = new TokenAnalysis("NOUN", "NN", document.TokenText(t).ToString(),
                        t == sentence.FirstToken ? -1 : sentence.FirstToken, t == sentence.FirstToken ? "root" : "dep");
                }
            }
            document.Analyses = analyses;
        }
    }

    [Fact]
    public void Scores_each_layer_the_pipeline_produced()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, TinyTreebank.Conllu());
            var pipeline = Pipeline.Build([new NounStage()], Layers.Text | Layers.Tokens | Layers.Sentences);
            var result = NlpEvaluator.Evaluate(path, pipeline);
            var sentences = TinyTreebank.Sentences();
            long words = 0, nouns = 0, sameLemma = 0;
            foreach (var sentence in sentences)
            {
                foreach (var word in sentence.Words)
                {
                    words++;
                    nouns += word.Upos == "NOUN" ? 1 : 0;
                    sameLemma += word.Lemma == word.Form ? 1 : 0;
                }
            }
            Assert.Equal(words, result.GoldWords);
            Assert.Equal(words, result.AlignedWords);
            Assert.Equal(nouns, result.UposCorrect);
            Assert.Equal(sameLemma, result.LemmaCorrect);
            // The tiny treebank attaches every word to the first: all heads right, labels "dep"/"root" too.
            Assert.Equal(words, result.HeadCorrect);
            Assert.Equal(words, result.LabeledCorrect);
            Assert.False(result.HasEntities);
            var text = result.Format();
            Assert.Contains("UPOS:", text, StringComparison.Ordinal);
            Assert.Contains("LAS (full label):", text, StringComparison.Ordinal);
            Assert.Contains("tokens/s", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Aligns_words_to_tokens_by_character_span()
    {
        Token[] gold = [new(0, 3), new(3, 6), new(7, 10)];
        Token[] predicted = [new(0, 6), new(7, 10)];
        Assert.Equal([-1, -1, 1], NlpEvaluator.Align(gold, predicted));
        Assert.Equal([0, 1, 2], NlpEvaluator.Align(gold, gold));
    }
}
