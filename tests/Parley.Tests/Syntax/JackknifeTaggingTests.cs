using Parley.Model;
using Parley.Syntax;

namespace Parley.Tests.Syntax;

public sealed class JackknifeTaggingTests
{
    [Theory]
    [InlineData(12544, 4)]
    [InlineData(10, 4)]
    [InlineData(8, 5)]
    [InlineData(3, 2)]
    public void Folds_are_contiguous_near_equal_and_the_same_every_time(int count, int folds)
    {
        var fold = JackknifeTagging.FoldOf(count, folds);
        Assert.Equal(fold, JackknifeTagging.FoldOf(count, folds));
        Assert.Equal(count, fold.Length);
        var sizes = new int[folds];
        for (var s = 0; s < count; s++)
        {
            Assert.InRange(fold[s], 0, folds - 1);
            if (s > 0)
            {
                // In order: a fold starts where the previous one ends.
                Assert.InRange(fold[s] - fold[s - 1], 0, 1);
            }
            sizes[fold[s]]++;
        }
        Assert.InRange(sizes.Max() - sizes.Min(), 0, 1);
    }

    [Fact]
    public void Rejects_fewer_than_two_folds() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => JackknifeTagging.FoldOf(10, 1));

    [Fact]
    public void No_sentence_is_tagged_by_a_tagger_that_trained_on_it()
    {
        var train = TinyTreebank.Sentences();
        var seen = new List<HashSet<ConlluSentence>>();
        var tagged = JackknifeTagging.Retag(train, 4, rest =>
        {
            seen.Add([.. rest]);
            return TaggerTrainer.Train(rest, [], 3, 1, _ => { });
        });
        var fold = JackknifeTagging.FoldOf(train.Count, 4);
        Assert.Equal(4, seen.Count);
        for (var s = 0; s < train.Count; s++)
        {
            for (var f = 0; f < 4; f++)
            {
                // Its own fold's tagger never saw it; every other fold's tagger did.
                Assert.Equal(f != fold[s], seen[f].Contains(train[s]));
            }
        }
        Assert.Equal(train.Count, tagged.Count);
    }

    [Fact]
    public void Retagging_keeps_words_and_trees_and_takes_the_taggers_tags()
    {
        var train = TinyTreebank.Sentences();
        var tagger = TaggerTrainer.Train(train, [], 3, 1, _ => { });
        var tagged = JackknifeTagging.Retag(train, tagger);
        var analyses = tagger.Analyze(ConlluDocuments.ToDocument("d", train));
        var t = 0;
        for (var s = 0; s < train.Count; s++)
        {
            Assert.Equal(train[s].SentenceId, tagged[s].SentenceId);
            Assert.Equal(train[s].Words.Count, tagged[s].Words.Count);
            for (var w = 0; w < train[s].Words.Count; w++)
            {
                var gold = train[s].Words[w];
                var word = tagged[s].Words[w];
                TokenAnalysis analysis = analyses[t++];
                Assert.Equal((gold.Id, gold.Form, gold.Head, gold.Relation, gold.Misc), (word.Id, word.Form, word.Head, word.Relation, word.Misc));
                Assert.Equal((analysis.Upos, analysis.Xpos, analysis.Lemma), (word.Upos, word.Xpos, word.Lemma));
            }
        }
    }

    [Fact]
    public void Jackknifing_twice_gives_the_same_tags()
    {
        var train = TinyTreebank.Sentences();
        static TaggerModel Tagger(IReadOnlyList<ConlluSentence> rest) => TaggerTrainer.Train(rest, [], 3, 1, _ => { });
        var a = JackknifeTagging.Retag(train, 4, Tagger);
        var b = JackknifeTagging.Retag(train, 4, Tagger);
        for (var s = 0; s < train.Count; s++)
        {
            Assert.Equal(a[s].Words, b[s].Words);
        }
    }
}
