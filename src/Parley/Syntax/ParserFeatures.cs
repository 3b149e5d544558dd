using Parley.Learning;

namespace Parley.Syntax;

/// <summary>
/// The feature templates of the parser (after Zhang and Nivre, 2011): words and tags of the stack top,
/// its head and grandparent, the next three buffer words, the outermost dependents of the stack top
/// and of the first buffer word with their labels, valencies, label sets and the distance between
/// stack and buffer, alone and in pairs and triples. Features are written as 64-bit hashes into a
/// caller's buffer; nothing is allocated.
/// </summary>
internal static class ParserFeatures
{
    /// <summary>Room a feature buffer needs.</summary>
    public const int MaxFeatures = 96;

    /// <summary>Hash of the artificial root's word and tag.</summary>
    public static readonly ulong RootWord = FeatureHash.Add(FeatureHash.Of(1), "<root>");

    /// <summary>Hash of the artificial root's tag.</summary>
    public static readonly ulong RootTag = FeatureHash.Add(FeatureHash.Of(2), "<ROOT>");

    private static readonly ulong NoWord = FeatureHash.Add(FeatureHash.Of(1), "<none>");
    private static readonly ulong NoTag = FeatureHash.Add(FeatureHash.Of(2), "<NONE>");

    /// <summary>The hash a word form contributes (lower-cased).</summary>
    public static ulong WordOf(ReadOnlySpan<char> form) => FeatureHash.AddLower(FeatureHash.Of(1), form);

    /// <summary>The tag the parser reads for a word: its Penn tag, or its universal tag when it has none.</summary>
    public static string TagName(string? xpos, string? upos) => xpos is { Length: > 0 } and not "_" ? xpos : upos ?? string.Empty;

    /// <summary>The hash a tag contributes.</summary>
    public static ulong TagOf(ReadOnlySpan<char> tag) => FeatureHash.Add(FeatureHash.Of(2), tag);

    /// <summary>Writes the features of the configuration into <paramref name="features"/>; returns how many.</summary>
    public static int Extract(ArcEagerState state, Span<ulong> features)
    {
        var word = state.Word;
        var tag = state.Tag;
        var label = state.Label;
        var s0 = state.S0;
        var n0 = state.Buffer;
        var count = state.Count;
        var n1 = n0 + 1 <= count ? n0 + 1 : -1;
        var n2 = n0 + 2 <= count ? n0 + 2 : -1;
        var s0h = s0 > 0 ? state.Head[s0] : -1;
        var s0h2 = s0h > 0 ? state.Head[s0h] : -1;
        var s0l = s0 >= 0 ? state.Left1[s0] : -1;
        var s0l2 = s0 >= 0 ? state.Left2[s0] : -1;
        var s0r = s0 >= 0 ? state.Right1[s0] : -1;
        var s0r2 = s0 >= 0 ? state.Right2[s0] : -1;
        var n0l = state.Left1[n0];
        var n0l2 = state.Left2[n0];
        var s1 = state.S1;

        var s0w = W(word, s0);
        var s0p = P(tag, s0);
        var n0w = W(word, n0);
        var n0p = P(tag, n0);
        var n1w = W(word, n1);
        var n1p = P(tag, n1);
        var n2w = W(word, n2);
        var n2p = P(tag, n2);
        var s0hw = W(word, s0h);
        var s0hp = P(tag, s0h);
        var s0h2w = W(word, s0h2);
        var s0h2p = P(tag, s0h2);
        var s0lw = W(word, s0l);
        var s0lp = P(tag, s0l);
        var s0l2w = W(word, s0l2);
        var s0l2p = P(tag, s0l2);
        var s0rw = W(word, s0r);
        var s0rp = P(tag, s0r);
        var s0r2w = W(word, s0r2);
        var s0r2p = P(tag, s0r2);
        var n0lw = W(word, n0l);
        var n0lp = P(tag, n0l);
        var n0l2w = W(word, n0l2);
        var n0l2p = P(tag, n0l2);
        var s0ll = L(label, s0l);
        var s0l2l = L(label, s0l2);
        var s0rl = L(label, s0r);
        var s0r2l = L(label, s0r2);
        var n0ll = L(label, n0l);
        var n0l2l = L(label, n0l2);
        var s0hl = s0 > 0 ? L(label, s0) : 0UL;
        var s1w = W(word, s1);
        var s1p = P(tag, s1);

        var distance = (ulong)Bucket(s0 >= 0 ? n0 - s0 : 0);
        var s0vl = (ulong)Math.Min(s0 >= 0 ? state.LeftCount[s0] : 0, 7);
        var s0vr = (ulong)Math.Min(s0 >= 0 ? state.RightCount[s0] : 0, 7);
        var n0vl = (ulong)Math.Min(state.LeftCount[n0], 7);
        var s0sl = s0 >= 0 ? state.LeftLabels[s0] : 0UL;
        var s0sr = s0 >= 0 ? state.RightLabels[s0] : 0UL;
        var n0sl = state.LeftLabels[n0];

        var i = 0;
        var t = 0;
        features[i++] = F(t++, 1);
        // Single words.
        features[i++] = F(t++, s0w, s0p);
        features[i++] = F(t++, s0w);
        features[i++] = F(t++, s0p);
        features[i++] = F(t++, n0w, n0p);
        features[i++] = F(t++, n0w);
        features[i++] = F(t++, n0p);
        features[i++] = F(t++, n1w, n1p);
        features[i++] = F(t++, n1w);
        features[i++] = F(t++, n1p);
        features[i++] = F(t++, n2w, n2p);
        features[i++] = F(t++, n2w);
        features[i++] = F(t++, n2p);
        // Pairs.
        features[i++] = F(t++, s0w, s0p, n0w, n0p);
        features[i++] = F(t++, s0w, s0p, n0w);
        features[i++] = F(t++, s0w, n0w, n0p);
        features[i++] = F(t++, s0w, s0p, n0p);
        features[i++] = F(t++, s0p, n0w, n0p);
        features[i++] = F(t++, s0w, n0w);
        features[i++] = F(t++, s0p, n0p);
        features[i++] = F(t++, n0p, n1p);
        // Triples of tags.
        features[i++] = F(t++, n0p, n1p, n2p);
        features[i++] = F(t++, s0p, n0p, n1p);
        features[i++] = F(t++, s0hp, s0p, n0p);
        features[i++] = F(t++, s0p, s0lp, n0p);
        features[i++] = F(t++, s0p, s0rp, n0p);
        features[i++] = F(t++, s0p, n0p, n0lp);
        // Distance.
        features[i++] = F(t++, s0w, distance);
        features[i++] = F(t++, s0p, distance);
        features[i++] = F(t++, n0w, distance);
        features[i++] = F(t++, n0p, distance);
        features[i++] = F(t++, s0w, n0w, distance);
        features[i++] = F(t++, s0p, n0p, distance);
        // Valency.
        features[i++] = F(t++, s0w, s0vr);
        features[i++] = F(t++, s0p, s0vr);
        features[i++] = F(t++, s0w, s0vl);
        features[i++] = F(t++, s0p, s0vl);
        features[i++] = F(t++, n0w, n0vl);
        features[i++] = F(t++, n0p, n0vl);
        // Head and outermost dependents.
        features[i++] = F(t++, s0hw);
        features[i++] = F(t++, s0hp);
        features[i++] = F(t++, s0hl);
        features[i++] = F(t++, s0lw);
        features[i++] = F(t++, s0lp);
        features[i++] = F(t++, s0ll);
        features[i++] = F(t++, s0rw);
        features[i++] = F(t++, s0rp);
        features[i++] = F(t++, s0rl);
        features[i++] = F(t++, n0lw);
        features[i++] = F(t++, n0lp);
        features[i++] = F(t++, n0ll);
        // Second order: grandparent and second outermost dependents.
        features[i++] = F(t++, s0h2w);
        features[i++] = F(t++, s0h2p);
        features[i++] = F(t++, s0l2w);
        features[i++] = F(t++, s0l2p);
        features[i++] = F(t++, s0l2l);
        features[i++] = F(t++, s0r2w);
        features[i++] = F(t++, s0r2p);
        features[i++] = F(t++, s0r2l);
        features[i++] = F(t++, n0l2w);
        features[i++] = F(t++, n0l2p);
        features[i++] = F(t++, n0l2l);
        features[i++] = F(t++, s0p, s0lp, s0l2p);
        features[i++] = F(t++, s0p, s0rp, s0r2p);
        features[i++] = F(t++, s0p, s0hp, s0h2p);
        features[i++] = F(t++, n0p, n0lp, n0l2p);
        // Label sets.
        features[i++] = F(t++, s0w, s0sr);
        features[i++] = F(t++, s0p, s0sr);
        features[i++] = F(t++, s0w, s0sl);
        features[i++] = F(t++, s0p, s0sl);
        features[i++] = F(t++, n0w, n0sl);
        features[i++] = F(t++, n0p, n0sl);
        // Labels of the dependents with the pair, which tells what the stack top still lacks.
        features[i++] = F(t++, s0p, n0p, s0ll, s0rl);
        features[i++] = F(t++, s0p, n0p, s0hl);
        // The word below the stack top: whether the top still waits for its head there or in the buffer.
        features[i++] = F(t++, s1w, s1p);
        features[i++] = F(t++, s1p);
        features[i++] = F(t++, s1p, s0p);
        features[i++] = F(t++, s1p, s0p, n0p);
        features[i++] = F(t++, s1w, s0w);
        features[i++] = F(t++, s1p, s0p, s0hl);
        return i;
    }

    private static ulong W(ulong[] word, int x) => x >= 0 ? word[x] : NoWord;

    private static ulong P(ulong[] tag, int x) => x >= 0 ? tag[x] : NoTag;

    private static ulong L(int[] label, int x) => x >= 0 ? (ulong)(label[x] + 2) : 0UL;

    private static int Bucket(int distance) => distance switch
    {
        <= 4 => distance,
        <= 7 => 5,
        <= 12 => 6,
        _ => 7,
    };

    private static ulong Seed(int template) => (ulong)(template + 1) * 0xD6E8FEB86659FD93UL;

    private static ulong Mix(ulong h, ulong v)
    {
        h = (h ^ v) * 0x9E3779B97F4A7C15UL;
        return h ^ (h >> 29);
    }

    private static ulong F(int template, ulong a) => Mix(Seed(template), a);

    private static ulong F(int template, ulong a, ulong b) => Mix(Mix(Seed(template), a), b);

    private static ulong F(int template, ulong a, ulong b, ulong c) => Mix(Mix(Mix(Seed(template), a), b), c);

    private static ulong F(int template, ulong a, ulong b, ulong c, ulong d) => Mix(Mix(Mix(Mix(Seed(template), a), b), c), d);
}
