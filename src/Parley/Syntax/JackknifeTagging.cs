using Parley.Model;

namespace Parley.Syntax;

/// <summary>
/// Gives training sentences the tags a tagger would really give them. A parser trained on gold tags
/// learns to trust them, and loses accuracy on new text where the tagger is wrong one word in twenty.
/// Jackknifing splits the training sentences into folds, trains a tagger on all folds but one and
/// tags the held-out fold with it, so every sentence is tagged by a model that never saw it, with
/// errors like those on unseen text. Heads and relations stay gold. Deterministic: the folds depend
/// only on the number of sentences, and the taggers come from the caller's (seeded) training.
/// </summary>
public static class JackknifeTagging
{
    /// <summary>
    /// The fold of each of <paramref name="count"/> sentences: <paramref name="folds"/> contiguous
    /// blocks of near-equal size, in order. Contiguous rather than interleaved because the corpus keeps
    /// a document's sentences together: a sentence's neighbours share its names and topic, and a tagger
    /// that trained on them would tag it better than it tags new text.
    /// </summary>
    public static int[] FoldOf(int count, int folds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var fold = new int[count];
        for (var f = 0; f < folds; f++)
        {
            var (start, end) = Block(count, folds, f);
            for (var s = start; s < end; s++)
            {
                fold[s] = f;
            }
        }
        return fold;
    }

    /// <summary>
    /// Retags <paramref name="train"/> by jackknifing: for each of <paramref name="folds"/> folds (see
    /// <see cref="FoldOf"/>), <paramref name="trainTagger"/> is given the sentences of the other folds
    /// and the model it returns tags the fold. Returns new sentences in the input's order, with
    /// predicted universal and Penn tags and lemmas, and gold words, heads and relations.
    /// </summary>
    public static IReadOnlyList<ConlluSentence> Retag(IReadOnlyList<ConlluSentence> train, int folds,
        Func<IReadOnlyList<ConlluSentence>, TaggerModel> trainTagger, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(trainTagger);
        var fold = FoldOf(train.Count, folds);
        var result = new ConlluSentence[train.Count];
        for (var f = 0; f < folds; f++)
        {
            var rest = new List<ConlluSentence>(train.Count);
            var heldOut = new List<ConlluSentence>();
            for (var s = 0; s < train.Count; s++)
            {
                (fold[s] == f ? heldOut : rest).Add(train[s]);
            }
            var tagger = trainTagger(rest);
            var tagged = Retag(heldOut, tagger);
            var (start, _) = Block(train.Count, folds, f);
            for (var i = 0; i < tagged.Count; i++)
            {
                result[start + i] = tagged[i];
            }
            log?.Invoke(FormattableString.Invariant($"jackknife fold {f + 1}/{folds}: tagger trained on {rest.Count} sentences tagged {heldOut.Count}"));
        }
        return result;
    }

    /// <summary>
    /// Copies of <paramref name="sentences"/> with the tags and lemmas <paramref name="tagger"/> predicts
    /// on their gold words; everything else is kept. Used to score a parser on dev as it will run.
    /// </summary>
    public static IReadOnlyList<ConlluSentence> Retag(IReadOnlyList<ConlluSentence> sentences, TaggerModel tagger)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(tagger);
        var result = new ConlluSentence[sentences.Count];
        // Tagged a few hundred sentences at a time: the tagger looks at no context across sentences,
        // so batching changes nothing but the number of documents built.
        const int batchSize = 256;
        for (var start = 0; start < sentences.Count; start += batchSize)
        {
            var count = Math.Min(batchSize, sentences.Count - start);
            var batch = new ConlluSentence[count];
            for (var i = 0; i < count; i++)
            {
                batch[i] = sentences[start + i];
            }
            var document = ConlluDocuments.ToDocument("jackknife", batch);
            var analyses = tagger.Analyze(document);
            var t = 0;
            for (var i = 0; i < count; i++)
            {
                var sentence = batch[i];
                var words = new ConlluWord[sentence.Words.Count];
                for (var w = 0; w < words.Length; w++)
                {
                    TokenAnalysis a = analyses[t++];
                    words[w] = sentence.Words[w] with { Upos = a.Upos, Xpos = a.Xpos, Lemma = a.Lemma };
                }
                result[start + i] = new ConlluSentence
                {
                    SentenceId = sentence.SentenceId,
                    Text = sentence.Text,
                    NewDocument = sentence.NewDocument,
                    NewParagraph = sentence.NewParagraph,
                    Words = words,
                    MultiwordTokens = sentence.MultiwordTokens,
                };
            }
        }
        return result;
    }

    private static (int Start, int End) Block(int count, int folds, int fold) =>
        ((int)((long)count * fold / folds), (int)((long)count * (fold + 1) / folds));
}
