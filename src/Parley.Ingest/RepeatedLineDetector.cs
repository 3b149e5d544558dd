using Parley.Model;
using Parley.Text;

namespace Parley.Ingest;

/// <summary>
/// Finds site furniture by repetition: a short line that many articles of the same source share ("Most
/// read", "Listen to this article", a standard sign-off) is marked removed with reason
/// <see cref="Reason"/>. Lines are compared case-insensitively with white space collapsed, by a 64-bit hash,
/// so memory grows with the number of distinct short lines per source, not with the text read.
/// </summary>
/// <remarks>
/// Used in two passes when the input can be read twice (<see cref="Observe"/> every document, then
/// <see cref="Mark"/> every document), so the first articles of a source are cleaned as well as the last.
/// On a stream read once (standard input) call <see cref="Observe"/> then <see cref="Mark"/> per document:
/// a line is only recognised once it has been seen often enough, so the first few articles of a source
/// keep their furniture. Not thread-safe; one instance serves one run.
/// </remarks>
public sealed class RepeatedLineDetector
{
    /// <summary>The reason recorded on the spans this detector removes.</summary>
    public const string Reason = "repeated";

    private readonly int _minDocuments;
    private readonly double _minFraction;
    private readonly int _maxLineLength;
    private readonly Dictionary<string, SourceLines> _sources = new(StringComparer.Ordinal);
    private readonly HashSet<ulong> _seenInDocument = [];

    /// <summary>Creates a detector.</summary>
    /// <param name="minDocuments">A line must occur in at least this many articles of its source…</param>
    /// <param name="minFraction">…and in at least this share of them.</param>
    /// <param name="maxLineLength">Longer lines are never marked: they are story text, even when quoted twice.</param>
    public RepeatedLineDetector(int minDocuments = 3, double minFraction = 0.2, int maxLineLength = 100)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minDocuments, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(minFraction);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineLength, 1);
        _minDocuments = minDocuments;
        _minFraction = minFraction;
        _maxLineLength = maxLineLength;
    }

    /// <summary>The key that groups documents into one source: the outlet, else the URL's host, else "" (unknown).</summary>
    public static string SourceKey(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!string.IsNullOrWhiteSpace(document.Source))
        {
            return document.Source.Trim();
        }
        if (document.Url is not null && Uri.TryCreate(document.Url, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host))
        {
            return uri.Host;
        }
        return string.Empty;
    }

    /// <summary>Counts the short lines of <paramref name="document"/> (each once per document).</summary>
    public void Observe(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.IsFailed)
        {
            return;
        }
        var key = SourceKey(document);
        if (!_sources.TryGetValue(key, out var source))
        {
            source = new SourceLines();
            _sources.Add(key, source);
        }
        source.Documents++;
        _seenInDocument.Clear();
        var text = document.Text;
        foreach (var line in Lines(text))
        {
            var hash = Hash(text.AsSpan(line.Start, line.Length));
            if (_seenInDocument.Add(hash))
            {
                source.Counts[hash] = source.Counts.GetValueOrDefault(hash) + 1;
            }
        }
    }

    /// <summary>Marks the lines of <paramref name="document"/> repeated across its source; returns how many.</summary>
    public int Mark(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.IsFailed || !_sources.TryGetValue(SourceKey(document), out var source))
        {
            return 0;
        }
        var needed = Math.Max(_minDocuments, (int)Math.Ceiling(_minFraction * source.Documents));
        var marked = 0;
        var text = document.Text;
        foreach (var line in Lines(text))
        {
            if (source.Counts.GetValueOrDefault(Hash(text.AsSpan(line.Start, line.Length))) >= needed
                && RemovedSpans.TryAdd(document, new RemovedSpan(line.Start, line.End, Reason)))
            {
                marked++;
            }
        }
        return marked;
    }

    /// <summary>The non-blank lines of <paramref name="text"/> short enough to be furniture, trimmed.</summary>
    private List<TextSpan> Lines(string text) => TextLines.Trimmed(text, _maxLineLength);

    /// <summary>FNV-1a over the line lower-cased with white space runs collapsed: stable across runs.</summary>
    private static ulong Hash(ReadOnlySpan<char> line)
    {
        var hash = 14695981039346656037UL;
        var pendingSpace = false;
        foreach (var c in line)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace)
            {
                hash = (hash ^ ' ') * 1099511628211UL;
                pendingSpace = false;
            }
            hash = (hash ^ char.ToLowerInvariant(c)) * 1099511628211UL;
        }
        return hash;
    }

    private sealed class SourceLines
    {
        public int Documents { get; set; }

        public Dictionary<ulong, int> Counts { get; } = [];
    }
}
