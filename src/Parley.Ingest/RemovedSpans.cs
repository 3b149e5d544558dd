using Parley.Model;

namespace Parley.Ingest;

/// <summary>Keeps <see cref="Document.Removed"/> in text order and free of overlaps.</summary>
internal static class RemovedSpans
{
    /// <summary>Inserts <paramref name="span"/> in order unless it overlaps a span already removed.</summary>
    public static bool TryAdd(Document document, RemovedSpan span)
    {
        var removed = document.Removed;
        var index = removed.Count;
        while (index > 0 && removed[index - 1].Start > span.Start)
        {
            index--;
        }
        if ((index > 0 && removed[index - 1].End > span.Start) || (index < removed.Count && removed[index].Start < span.End))
        {
            return false;
        }
        removed.Insert(index, span);
        return true;
    }
}
