using Parley.Entities;
using Parley.Learning;
using Parley.Model;

namespace Parley.Syntax;

/// <summary>
/// The tagger's feature templates. Shared by training and tagging, so the two can never disagree.
/// Each token's word hashes are computed once per sentence (<see cref="Prepare"/>) and combined with
/// template ids per feature (<see cref="Extract"/>), which keeps the hot loop free of allocations.
/// </summary>
internal static class TaggerFeatures
{
    // Flag bits of a token's surface.
    public const int Hyphen = 1, Digit = 2, InitialUpper = 4, AllUpper = 8, SentenceStart = 16, AllDigits = 32, HasPeriod = 64, NoLetter = 128;

    private static readonly ulong Seed = FeatureHash.Of(0);
    private static readonly ulong StartWord = FeatureHash.Add(FeatureHash.Of(1), "<s>");
    private static readonly ulong EndWord = FeatureHash.Add(FeatureHash.Of(1), "</s>");
    private static readonly ulong RareWord = FeatureHash.Add(FeatureHash.Of(1), "<rare>");

    /// <summary>
    /// Computes the per-token hashes and flags of tokens <c>[first, first + count)</c> and, with a
    /// <paramref name="gazetteer"/>, the names they belong to. <paramref name="reversed"/> says the tokens
    /// are in reverse text order (a right-to-left pass's training sentence); names are still matched in
    /// text order.
    /// </summary>
    public static void Prepare(string text, Token[] tokens, int first, int count, TagLexicon lexicon, EntityGazetteer? gazetteer, TaggerScratch scratch, bool reversed = false)
    {
        scratch.Ensure(count);
        int words = 0, capitalised = 0, upper = 0;
        for (var i = 0; i < count; i++)
        {
            var token = tokens[first + i];
            var word = text.AsSpan(token.Start, token.Length);
            scratch.Ambiguity[i] = lexicon.Lookup(word);
            // Words seen once or never share one identity, so the word-form weights learned from
            // the training data's rare words transfer to the unseen words of new text.
            var rare = scratch.Ambiguity[i] == 0;
            scratch.Form[i] = rare ? RareWord : FeatureHash.Add(Seed, word);
            scratch.Lower[i] = rare ? RareWord : FeatureHash.AddLower(Seed, word);
            scratch.Suffix3[i] = FeatureHash.AddLower(Seed, word.Length > 3 ? word[^3..] : word);
            scratch.Shape[i] = ShapeHash(word);
            var flags = SurfaceFlags(word);
            scratch.Flags[i] = flags | (i == 0 ? SentenceStart : 0);
            if ((flags & NoLetter) == 0)
            {
                words++;
                upper += (flags & AllUpper) != 0 ? 1 : 0;
                capitalised += (flags & InitialUpper) != 0 ? 1 : 0;
            }
        }
        scratch.Casing = SentenceCasing(words, capitalised, upper);
        scratch.HasGazetteer = gazetteer is not null;
        if (gazetteer is null)
        {
            return;
        }
        if (!reversed)
        {
            gazetteer.Match(text, tokens, first, count, scratch.GazetteerMask, scratch.GazetteerPosition);
            return;
        }
        var inOrder = scratch.Reversed;
        for (var i = 0; i < count; i++)
        {
            inOrder[i] = tokens[first + count - 1 - i];
        }
        gazetteer.Match(text, inOrder, 0, count, scratch.GazetteerMask, scratch.GazetteerPosition);
        Array.Reverse(scratch.GazetteerMask, 0, count);
        Array.Reverse(scratch.GazetteerPosition, 0, count);
    }

    // How the sentence as a whole uses capitals: web text is often all lower case, all capitals or
    // in title case, where a capital says little about a proper noun.
    private static int SentenceCasing(int words, int capitalised, int upper) =>
        words < 3 ? 0
        : upper * 5 >= words * 3 ? 1
        : capitalised * 5 >= words * 3 ? 2
        : capitalised == 0 ? 3
        : 4;

    /// <summary>
    /// Writes the features of token <paramref name="i"/> of the prepared sentence given the classes
    /// predicted for the two tokens before it (the class count stands for "before the start").
    /// Returns the number of features written.
    /// </summary>
    public static int Extract(string text, Token[] tokens, int first, int count, int i, int prev1, int prev2, TaggerScratch scratch, int[]? firstPass = null, int sentinel = 0)
    {
        var f = scratch.Features;
        var n = 0;
        var token = tokens[first + i];
        var word = text.AsSpan(token.Start, token.Length);
        var lower = scratch.Lower[i];
        f[n++] = FeatureHash.Of(2);
        f[n++] = FeatureHash.Add(FeatureHash.Of(3), scratch.Form[i]);
        f[n++] = FeatureHash.Add(FeatureHash.Of(4), lower);
        for (var k = 1; k <= 4; k++)
        {
            if (word.Length > k)
            {
                f[n++] = FeatureHash.AddLower(FeatureHash.Add(FeatureHash.Of(5), k), word[..k]);
                f[n++] = FeatureHash.AddLower(FeatureHash.Add(FeatureHash.Of(6), k), word[^k..]);
            }
        }
        f[n++] = FeatureHash.Add(FeatureHash.Of(7), scratch.Shape[i]);
        f[n++] = FeatureHash.Add(FeatureHash.Of(8), scratch.Flags[i]);
        f[n++] = FeatureHash.Add(FeatureHash.Of(9), prev1);
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(10), prev1), prev2);
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(11), prev1), lower);
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(12), prev1), scratch.Suffix3[i]);
        var before1 = i >= 1 ? scratch.Lower[i - 1] : StartWord;
        var before2 = i >= 2 ? scratch.Lower[i - 2] : StartWord;
        var after1 = i + 1 < count ? scratch.Lower[i + 1] : EndWord;
        var after2 = i + 2 < count ? scratch.Lower[i + 2] : EndWord;
        f[n++] = FeatureHash.Add(FeatureHash.Of(13), before1);
        f[n++] = FeatureHash.Add(FeatureHash.Of(14), before2);
        f[n++] = FeatureHash.Add(FeatureHash.Of(15), after1);
        f[n++] = FeatureHash.Add(FeatureHash.Of(16), after2);
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(17), before1), lower);
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(18), lower), after1);
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(19), prev1), after1);
        f[n++] = FeatureHash.Add(FeatureHash.Of(20), i >= 1 ? scratch.Suffix3[i - 1] : StartWord);
        f[n++] = FeatureHash.Add(FeatureHash.Of(21), i + 1 < count ? scratch.Suffix3[i + 1] : EndWord);
        f[n++] = FeatureHash.Add(FeatureHash.Of(22), i + 1 < count ? scratch.Shape[i + 1] : EndWord);
        f[n++] = FeatureHash.Add(FeatureHash.Of(23), i >= 1 ? scratch.Shape[i - 1] : StartWord);
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(24), scratch.Flags[i]), scratch.Suffix3[i]);
        var casing = scratch.Casing;
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(43), casing), scratch.Flags[i]);
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(44), casing), lower);
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(45), casing), scratch.Flags[i]), scratch.Suffix3[i]);
        var ambiguity = scratch.Ambiguity[i];
        var ambiguityAfter = i + 1 < count ? scratch.Ambiguity[i + 1] : EndWord;
        f[n++] = FeatureHash.Add(FeatureHash.Of(27), ambiguityAfter);
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(28), ambiguity), ambiguityAfter);
        f[n++] = FeatureHash.Add(FeatureHash.Of(29), i + 2 < count ? scratch.Ambiguity[i + 2] : EndWord);
        if (scratch.HasGazetteer)
        {
            // The names of the project's lexicons (places, people, organisations) the word is part
            // of, with its capitals: a capitalised word inside a known name is a proper noun far more
            // often than the same word elsewhere.
            var mask = scratch.GazetteerMask[i];
            var position = scratch.GazetteerPosition[i];
            var capital = scratch.Flags[i] & (InitialUpper | AllUpper | SentenceStart);
            f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(60), mask), position);
            f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(61), mask), position), capital);
            f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(62), mask), casing), capital);
            f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(63), i >= 1 ? scratch.GazetteerMask[i - 1] : -1), mask);
            f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(64), mask), i + 1 < count ? scratch.GazetteerMask[i + 1] : -1);
        }
        if (firstPass is not null)
        {
            // The second pass sees the first pass's guesses for the words to the right, which a
            // greedy left-to-right tagger cannot otherwise know.
            var here = firstPass[i];
            var next1 = i + 1 < count ? firstPass[i + 1] : sentinel;
            var next2 = i + 2 < count ? firstPass[i + 2] : sentinel;
            f[n++] = FeatureHash.Add(FeatureHash.Of(31), here);
            f[n++] = FeatureHash.Add(FeatureHash.Of(32), next1);
            f[n++] = FeatureHash.Add(FeatureHash.Of(33), next2);
            f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(34), next1), next2);
            f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(35), here), next1);
            f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(36), next1), lower);
            f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(37), prev1), next1);
            f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(38), prev1), here), next1);
        }
        return n;
    }

    /// <summary>Surface flags of a word.</summary>
    public static int SurfaceFlags(ReadOnlySpan<char> word)
    {
        var flags = 0;
        var upper = 0;
        var letters = 0;
        var digits = 0;
        foreach (var c in word)
        {
            if (c == '-')
            {
                flags |= Hyphen;
            }
            else if (c == '.')
            {
                flags |= HasPeriod;
            }
            else if (char.IsDigit(c))
            {
                digits++;
            }
            else if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c))
                {
                    upper++;
                }
            }
        }
        if (digits > 0)
        {
            flags |= Digit;
            if (digits == word.Length)
            {
                flags |= AllDigits;
            }
        }
        if (word.Length > 0 && char.IsUpper(word[0]))
        {
            flags |= InitialUpper;
        }
        if (letters > 1 && upper == letters)
        {
            flags |= AllUpper;
        }
        if (letters == 0)
        {
            flags |= NoLetter;
        }
        return flags;
    }

    /// <summary>Hash of the word's shape: X for upper, x for lower, d for digit, other characters as they are; runs collapsed.</summary>
    public static ulong ShapeHash(ReadOnlySpan<char> word)
    {
        var hash = Seed;
        var last = '\0';
        var run = 0;
        foreach (var c in word)
        {
            var shape = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'x' : c;
            if (shape == last)
            {
                // Runs of more than two collapse, so "Xxxxx" and "Xxxxxxxx" share a shape.
                if (++run >= 2)
                {
                    continue;
                }
            }
            else
            {
                run = 0;
            }
            last = shape;
            hash = FeatureHash.Add(hash, (int)shape);
        }
        return hash;
    }
}
