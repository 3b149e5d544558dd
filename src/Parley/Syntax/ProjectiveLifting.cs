namespace Parley.Syntax;

/// <summary>
/// Pseudo-projective parsing (Nivre and Nilsson, 2005, "head" encoding). Before training, each
/// non-projective arc is lifted to the head's head until the tree is projective, and the lifted word's
/// label records the relation of the head it left (<c>obj|xcomp</c>: an <c>obj</c> whose head was an
/// <c>xcomp</c>). After parsing, a word with such a label is moved back down to the first word
/// labelled <c>xcomp</c> found breadth-first under its head. Trees are arrays indexed by position:
/// 0 is the artificial root, words are 1..n, <c>heads[0]</c> is unused.
/// </summary>
internal static class ProjectiveLifting
{
    /// <summary>Separates a relation from the relation of the head it was lifted from.</summary>
    public const char Marker = '|';

    /// <summary>
    /// Lifts non-projective arcs, shortest first, until the tree is projective; decorates the labels of
    /// lifted words when <paramref name="decorate"/>. Returns the number of lifts.
    /// </summary>
    public static int Lift(int[] heads, string[] labels, int n, bool decorate)
    {
        var lifts = 0;
        while (true)
        {
            var best = -1;
            var bestLength = int.MaxValue;
            for (var d = 1; d <= n; d++)
            {
                var h = heads[d];
                if (h <= 0)
                {
                    continue;
                }
                var length = Math.Abs(h - d);
                if (length < bestLength && !IsProjectiveArc(heads, h, d))
                {
                    best = d;
                    bestLength = length;
                }
            }
            if (best < 0)
            {
                return lifts;
            }
            var head = heads[best];
            // Every word is dominated by the root word, so a non-projective arc never starts at it and
            // lifting never reaches the artificial root.
            heads[best] = heads[head];
            if (decorate && labels[best].IndexOf(Marker, StringComparison.Ordinal) < 0)
            {
                labels[best] = labels[best] + Marker + BaseOf(labels[head]);
            }
            lifts++;
        }
    }

    /// <summary>True when every word between <paramref name="head"/> and <paramref name="dependent"/> is dominated by <paramref name="head"/>.</summary>
    public static bool IsProjectiveArc(ReadOnlySpan<int> heads, int head, int dependent)
    {
        var from = Math.Min(head, dependent) + 1;
        var to = Math.Max(head, dependent);
        for (var k = from; k < to; k++)
        {
            var a = k;
            var steps = 0;
            while (a != head && a > 0 && steps++ <= heads.Length)
            {
                a = heads[a];
            }
            if (a != head)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>True when the tree over words 1..n has no crossing arcs.</summary>
    public static bool IsProjective(ReadOnlySpan<int> heads, int n)
    {
        for (var d = 1; d <= n; d++)
        {
            if (heads[d] > 0 && !IsProjectiveArc(heads[..(n + 1)], heads[d], d))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The relation without the lifting decoration.</summary>
    public static string BaseOf(string label)
    {
        var i = label.IndexOf(Marker, StringComparison.Ordinal);
        return i < 0 ? label : label[..i];
    }

    /// <summary>
    /// Moves lifted words back under the word their label names and replaces every label by its base.
    /// <paramref name="baseOf"/> maps a label id to its undecorated id; <paramref name="liftedFrom"/> to the
    /// id of the head relation it records, or -1. <paramref name="queue"/> needs room for n + 1 items.
    /// </summary>
    public static void Lower(Span<int> heads, Span<int> labels, int n, ReadOnlySpan<int> baseOf, ReadOnlySpan<int> liftedFrom, Span<int> queue)
    {
        for (var d = 1; d <= n; d++)
        {
            var wanted = liftedFrom[labels[d]];
            if (wanted < 0)
            {
                continue;
            }
            var target = FindBreadthFirst(heads, labels, n, heads[d], d, wanted, baseOf, queue);
            if (target > 0)
            {
                heads[d] = target;
            }
        }
        for (var d = 1; d <= n; d++)
        {
            labels[d] = baseOf[labels[d]];
        }
    }

    // Breadth-first, left to right, below `from`, never entering the subtree of `skip` (so no cycle
    // can be made). Returns the first word whose undecorated label is `wanted`, or -1.
    private static int FindBreadthFirst(ReadOnlySpan<int> heads, ReadOnlySpan<int> labels, int n, int from, int skip, int wanted, ReadOnlySpan<int> baseOf, Span<int> queue)
    {
        var read = 0;
        var write = 0;
        queue[write++] = from;
        while (read < write)
        {
            var node = queue[read++];
            for (var k = 1; k <= n; k++)
            {
                if (heads[k] != node || k == skip)
                {
                    continue;
                }
                if (baseOf[labels[k]] == wanted)
                {
                    return k;
                }
                if (write < queue.Length)
                {
                    queue[write++] = k;
                }
            }
        }
        return -1;
    }
}
