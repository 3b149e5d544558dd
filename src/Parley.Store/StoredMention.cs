namespace Parley.Store;

/// <summary>One sentence of one article that reports a merged event, and why it was merged.</summary>
public sealed record StoredMention
{
    /// <summary>The merged event.</summary>
    public required string EventId { get; init; }
    /// <summary>The article.</summary>
    public required string ArticleId { get; init; }
    /// <summary>The event's id within its article's record (<c>e1</c>).</summary>
    public required string LocalId { get; init; }
    /// <summary>The article's outlet (its source, else its URL's host, else its id).</summary>
    public required string Outlet { get; init; }
    /// <summary>The article's URL.</summary>
    public string? Url { get; init; }
    /// <summary>The article this one is a near-duplicate copy of, or null.</summary>
    public string? DuplicateOf { get; init; }
    /// <summary>Sentence index in the article.</summary>
    public int Sentence { get; init; }
    /// <summary>Trigger span start.</summary>
    public int TriggerStart { get; init; }
    /// <summary>Trigger span end (exclusive).</summary>
    public int TriggerEnd { get; init; }
    /// <summary>Trigger text.</summary>
    public required string TriggerText { get; init; }
    /// <summary>CAMEO code of this mention.</summary>
    public required string Code { get; init; }
    /// <summary>Mode of this mention.</summary>
    public string? Mode { get; init; }
    /// <summary>Coder confidence.</summary>
    public double Confidence { get; init; }
    /// <summary>The rule that coded it.</summary>
    public string? Rule { get; init; }
    /// <summary>Its day (event date, else the article's).</summary>
    public string? Date { get; init; }
    /// <summary>Why it joined this event (or why it started it).</summary>
    public required string Reason { get; init; }
}
