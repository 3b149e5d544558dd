using Parley.Learning;
using Parley.Model;
using Parley.Syntax;

namespace Parley.Entities;

/// <summary>
/// The recognizer's feature templates, shared by training and recognition: the word and its
/// neighbours, affixes, shape, predicted tags, the gazetteer's matches and the previous decisions.
/// </summary>
internal static class EntityFeatures
{
    private static readonly ulong Seed = FeatureHash.Of(100);
    private static readonly ulong StartWord = FeatureHash.Add(FeatureHash.Of(101), "<s>");
    private static readonly ulong EndWord = FeatureHash.Add(FeatureHash.Of(101), "</s>");

    /// <summary>Computes per-token hashes, flags and gazetteer matches of tokens <c>[first, first + count)</c>.</summary>
    public static void Prepare(Document document, int first, int count, EntityGazetteer gazetteer, CaseLexicon cases, WordClusters clusters, EntityScratch scratch)
    {
        scratch.Ensure(count);
        var text = document.Text;
        var tokens = document.Tokens;
        var analyses = document.Analyses;
        for (var i = 0; i < count; i++)
        {
            var token = tokens[first + i];
            var word = text.AsSpan(token.Start, token.Length);
            scratch.Form[i] = FeatureHash.Add(Seed, word);
            scratch.Lower[i] = FeatureHash.AddLower(Seed, word);
            scratch.Shape[i] = TaggerFeatures.ShapeHash(word);
            scratch.Flags[i] = TaggerFeatures.SurfaceFlags(word) | (i == 0 ? TaggerFeatures.SentenceStart : 0);
            scratch.Case[i] = cases.Lookup(word);
            scratch.Cluster[i] = clusters.Lookup(word);
            scratch.Remembered[i] = scratch.Memory.GetValueOrDefault(scratch.Lower[i]);
            var hasTags = analyses.Length == tokens.Length;
            scratch.Upos[i] = hasTags ? FeatureHash.Add(Seed, analyses[first + i].Upos) : 0;
            scratch.Xpos[i] = hasTags ? FeatureHash.Add(Seed, analyses[first + i].Xpos) : 0;
        }
        scratch.HasClusters = clusters.Count > 0;
        gazetteer.Match(text, tokens, first, count, scratch.GazetteerMask, scratch.GazetteerPosition);
        // Gazetteer categories further along the name this token may belong to: up to five tokens
        // that are capitalised or joiners ("of", "the", "and", "for", "&"), so "Superior" sees the
        // "Court" of "Superior Court of the District of Columbia" before it is decided.
        for (var i = 0; i < count; i++)
        {
            var ahead = 0;
            for (var k = i + 1; k < count && k <= i + 5 && Chains(text, tokens[first + k], scratch.Flags[k]); k++)
            {
                ahead |= scratch.GazetteerMask[k];
            }
            scratch.Ahead[i] = ahead;
            var behind = 0;
            for (var k = i - 1; k >= 0 && k >= i - 5 && Chains(text, tokens[first + k], scratch.Flags[k]); k--)
            {
                behind |= scratch.GazetteerMask[k];
            }
            scratch.Behind[i] = behind;
        }
        // Runs of capitalised words ("Maria Lindqvist", "Gondor Foreign Ministry"): each token
        // gets its run's length (capped at 4) and its place in the run, packed as length * 8 + place.
        var i0 = 0;
        while (i0 < count)
        {
            if ((scratch.Flags[i0] & TaggerFeatures.InitialUpper) == 0)
            {
                scratch.Run[i0++] = 0;
                continue;
            }
            var end = i0;
            while (end < count && (scratch.Flags[end] & TaggerFeatures.InitialUpper) != 0)
            {
                end++;
            }
            var length = end - i0;
            for (var k = i0; k < end; k++)
            {
                var place = length == 1 ? 4 : k == i0 ? 1 : k == end - 1 ? 3 : 2;
                scratch.Run[k] = Math.Min(length, 4) * 8 + place;
            }
            i0 = end;
        }
    }

    private static bool Chains(string text, Token token, int flags)
    {
        if ((flags & TaggerFeatures.InitialUpper) != 0)
        {
            return true;
        }
        var word = text.AsSpan(token.Start, token.Length);
        return word is "of" or "the" or "and" or "for" or "&" or "de" or "al";
    }

    /// <summary>
    /// Writes the features of token <paramref name="i"/> that do not depend on the previous class into
    /// <c>scratch.Features</c>; <see cref="ExtractTransitions"/> writes the ones that do.
    /// </summary>
    public static int Extract(Document document, int first, int count, int i, EntityScratch scratch)
    {
        var f = scratch.Features;
        var n = 0;
        var token = document.Tokens[first + i];
        var word = document.Text.AsSpan(token.Start, token.Length);
        var lower = scratch.Lower[i];
        var shape = scratch.Shape[i];
        f[n++] = FeatureHash.Of(102);
        f[n++] = FeatureHash.Add(FeatureHash.Of(103), scratch.Form[i]);
        f[n++] = FeatureHash.Add(FeatureHash.Of(104), lower);
        for (var k = 1; k <= 4; k++)
        {
            if (word.Length > k)
            {
                f[n++] = FeatureHash.AddLower(FeatureHash.Add(FeatureHash.Of(105), k), word[^k..]);
                if (k <= 3)
                {
                    f[n++] = FeatureHash.AddLower(FeatureHash.Add(FeatureHash.Of(106), k), word[..k]);
                }
            }
        }
        f[n++] = FeatureHash.Add(FeatureHash.Of(107), shape);
        f[n++] = FeatureHash.Add(FeatureHash.Of(108), scratch.Flags[i]);
        var upos = scratch.Upos[i];
        f[n++] = FeatureHash.Add(FeatureHash.Of(109), upos);
        f[n++] = FeatureHash.Add(FeatureHash.Of(110), scratch.Xpos[i]);
        var uposBefore = i >= 1 ? scratch.Upos[i - 1] : StartWord;
        var uposAfter = i + 1 < count ? scratch.Upos[i + 1] : EndWord;
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(111), uposBefore), upos);
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(112), upos), uposAfter);
        var before1 = i >= 1 ? scratch.Form[i - 1] : StartWord;
        var after1 = i + 1 < count ? scratch.Form[i + 1] : EndWord;
        f[n++] = FeatureHash.Add(FeatureHash.Of(113), i >= 1 ? scratch.Lower[i - 1] : StartWord);
        f[n++] = FeatureHash.Add(FeatureHash.Of(114), i + 1 < count ? scratch.Lower[i + 1] : EndWord);
        f[n++] = FeatureHash.Add(FeatureHash.Of(115), i >= 2 ? scratch.Lower[i - 2] : StartWord);
        f[n++] = FeatureHash.Add(FeatureHash.Of(116), i + 2 < count ? scratch.Lower[i + 2] : EndWord);
        f[n++] = FeatureHash.Add(FeatureHash.Of(117), before1);
        f[n++] = FeatureHash.Add(FeatureHash.Of(118), after1);
        f[n++] = FeatureHash.Add(FeatureHash.Of(119), i >= 1 ? scratch.Shape[i - 1] : StartWord);
        f[n++] = FeatureHash.Add(FeatureHash.Of(120), i + 1 < count ? scratch.Shape[i + 1] : EndWord);
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(126), lower), i + 1 < count ? scratch.Lower[i + 1] : EndWord);
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(127), i >= 1 ? scratch.Lower[i - 1] : StartWord), lower);
        var mask = scratch.GazetteerMask[i];
        var position = scratch.GazetteerPosition[i];
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(128), mask), position);
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(129), mask), position), scratch.Flags[i] & (TaggerFeatures.InitialUpper | TaggerFeatures.AllUpper));
        f[n++] = FeatureHash.Add(FeatureHash.Of(130), i >= 1 ? scratch.GazetteerMask[i - 1] : -1);
        f[n++] = FeatureHash.Add(FeatureHash.Of(131), i + 1 < count ? scratch.GazetteerMask[i + 1] : -1);
        f[n++] = FeatureHash.Add(FeatureHash.Of(133), i + 2 < count ? scratch.GazetteerMask[i + 2] : -1);
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(134), uposBefore), i >= 1 ? scratch.Lower[i - 1] : StartWord);
        var capital = scratch.Flags[i] & (TaggerFeatures.InitialUpper | TaggerFeatures.AllUpper | TaggerFeatures.SentenceStart);
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(140), scratch.Case[i]), capital);
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(141), scratch.Case[i]), capital), upos);
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(142), i >= 1 ? scratch.Case[i - 1] : -1), i + 1 < count ? scratch.Case[i + 1] : -1);
        f[n++] = FeatureHash.Add(FeatureHash.Of(143), i >= 2 ? scratch.Form[i - 2] : StartWord);
        f[n++] = FeatureHash.Add(FeatureHash.Of(144), i + 2 < count ? scratch.Form[i + 2] : EndWord);
        f[n++] = FeatureHash.Add(FeatureHash.Of(145), i >= 1 ? scratch.Xpos[i - 1] : StartWord);
        f[n++] = FeatureHash.Add(FeatureHash.Of(146), i + 1 < count ? scratch.Xpos[i + 1] : EndWord);
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(148), scratch.Form[i]), after1);
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(149), before1), scratch.Form[i]);
        // What earlier sentences of the document made of this word: names recur.
        var remembered = scratch.Remembered[i];
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(150), remembered), capital);
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(152), scratch.Ahead[i]), capital);
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(153), scratch.Behind[i]), capital);
        var run = scratch.Run[i];
        f[n++] = FeatureHash.Add(FeatureHash.Of(135), run);
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(136), run), upos);
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(138), run), i >= 1 ? scratch.Lower[i - 1] : StartWord);
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(139), run), mask);
        // Distributional classes from raw text: names of one kind keep company alike, which helps
        // with the names the training data never showed. Without classes the features are left out
        // altogether: constant copies of other features would still change what training learns.
        if (!scratch.HasClusters)
        {
            return n;
        }
        var cluster = scratch.Cluster[i];
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(155), cluster & 0xFFFF), capital);
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(156), cluster >> 16), capital);
        f[n++] = FeatureHash.Add(FeatureHash.Of(158), i >= 1 ? scratch.Cluster[i - 1] & 0xFFFF : -1);
        f[n++] = FeatureHash.Add(FeatureHash.Of(159), i + 1 < count ? scratch.Cluster[i + 1] & 0xFFFF : -1);
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(160), run), cluster >> 16);
        return n;
    }

    /// <summary>
    /// Writes the features of token <paramref name="i"/> whose weights pair the previous class with
    /// the class of the token (their classes are <see cref="EntityTags.Pair"/>), into
    /// <paramref name="f"/> (at least <see cref="MaxTransitionFeatures"/> long); returns their number.
    /// The first, present at every token, holds the transition weights alone.
    /// </summary>
    public static int ExtractTransitions(int count, int i, EntityScratch scratch, Span<ulong> f)
    {
        var n = 0;
        var mask = scratch.GazetteerMask[i];
        f[n++] = FeatureHash.Of(121);
        f[n++] = FeatureHash.Add(FeatureHash.Of(123), scratch.Lower[i]);
        f[n++] = FeatureHash.Add(FeatureHash.Of(124), scratch.Shape[i]);
        f[n++] = FeatureHash.Add(FeatureHash.Of(125), scratch.Upos[i]);
        f[n++] = FeatureHash.Add(FeatureHash.Of(132), mask);
        f[n++] = FeatureHash.Add(FeatureHash.Of(147), i + 1 < count ? scratch.Form[i + 1] : EndWord);
        f[n++] = FeatureHash.Add(FeatureHash.Of(151), scratch.Remembered[i]);
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(154), scratch.Ahead[i]), mask);
        f[n++] = FeatureHash.Add(FeatureHash.Of(137), scratch.Run[i]);
        if (scratch.HasClusters)
        {
            f[n++] = FeatureHash.Add(FeatureHash.Of(157), scratch.Cluster[i] & 0xFFFF);
        }
        return n;
    }

    /// <summary>Most features <see cref="ExtractTransitions"/> writes.</summary>
    public const int MaxTransitionFeatures = 10;
}
