namespace Parley.Ingest;

/// <summary>Settings for <see cref="ArticleReader"/>.</summary>
public sealed record IngestOptions
{
    /// <summary>One mebibyte.</summary>
    private const long MiB = 1024 * 1024;

    /// <summary>Publication date given to documents that carry none of their own.</summary>
    public DateOnly? Published { get; init; }

    /// <summary>Largest article (a file, a JSON line, a CSV record) that is read; larger ones fail with E205
    /// before they are loaded.</summary>
    public long MaxArticleBytes { get; init; } = 10 * MiB;

    /// <summary>Largest feed file that is read; a feed holds many articles, so it gets its own limit.</summary>
    public long MaxFeedBytes { get; init; } = 64 * MiB;

    /// <summary>The input format; <see cref="InputFormat.Auto"/> decides per file.</summary>
    public InputFormat Format { get; init; } = InputFormat.Auto;

    /// <summary>Identify the language of each document and warn (W304) when it is not English.</summary>
    public bool DetectLanguage { get; init; } = true;

    /// <summary>Mark short lines repeated across many articles of one source as removed ("repeated").</summary>
    public bool DetectRepeatedLines { get; init; } = true;

    /// <summary>A line is repeated when at least this many articles of its source hold it…</summary>
    public int RepeatedMinDocuments { get; init; } = 3;

    /// <summary>…and at least this share of the source's articles does.</summary>
    public double RepeatedMinFraction { get; init; } = 0.2;

    /// <summary>Longer lines are never treated as repeated boilerplate: two articles quoting the same
    /// sentence are not site furniture.</summary>
    public int RepeatedMaxLineLength { get; init; } = 100;
}
