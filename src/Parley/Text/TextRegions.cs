using Parley.Model;

namespace Parley.Text;

/// <summary>The parts of a text left for analysis once the removed spans are taken out.</summary>
internal static class TextRegions
{
    /// <summary>
    /// The maximal non-empty spans of <c>[0, length)</c> that no removed span overlaps, in order.
    /// Removed spans may come in any order, overlap, be empty or reach outside the text.
    /// </summary>
    public static TextSpan[] Kept(int length, IReadOnlyList<RemovedSpan> removed)
    {
        if (removed.Count == 0)
        {
            return length == 0 ? [] : [new TextSpan(0, length)];
        }
        var cuts = Merged(length, removed);
        var kept = new List<TextSpan>(cuts.Count + 1);
        var position = 0;
        foreach (var cut in cuts)
        {
            if (cut.Start > position)
            {
                kept.Add(new TextSpan(position, cut.Start));
            }
            position = Math.Max(position, cut.End);
        }
        if (position < length)
        {
            kept.Add(new TextSpan(position, length));
        }
        return [.. kept];
    }

    /// <summary>The removed spans clipped to the text, without empty ones, sorted and merged.</summary>
    public static List<TextSpan> Merged(int length, IReadOnlyList<RemovedSpan> removed)
    {
        var spans = new List<TextSpan>(removed.Count);
        foreach (var span in removed)
        {
            var start = Math.Clamp(span.Start, 0, length);
            var end = Math.Clamp(span.End, 0, length);
            if (end > start)
            {
                spans.Add(new TextSpan(start, end));
            }
        }
        spans.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        var merged = new List<TextSpan>(spans.Count);
        foreach (var span in spans)
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
            {
                merged[^1] = new TextSpan(merged[^1].Start, Math.Max(merged[^1].End, span.End));
            }
            else
            {
                merged.Add(span);
            }
        }
        return merged;
    }
}
