namespace Parley.Store;

/// <summary>
/// Filters over merged events; every one that is set must hold. Values are always sent to the
/// database as parameters, never written into the query text.
/// </summary>
public sealed record EventQuery
{
    /// <summary>Actor code prefix of the source or target actor (<c>RUSGOV</c>; <c>RUS</c>, a country, finds all its actors).</summary>
    public string? ActorCode { get; init; }
    /// <summary>Start of the source or target actor's name, case-insensitive.</summary>
    public string? ActorName { get; init; }
    /// <summary>CAMEO code prefix (<c>19</c>, <c>036</c>).</summary>
    public string? Code { get; init; }
    /// <summary>CAMEO root code (<c>03</c>).</summary>
    public string? Root { get; init; }
    /// <summary>PLOVER event type (<c>CONSULT</c>).</summary>
    public string? Plover { get; init; }
    /// <summary>QuadClass 1–4.</summary>
    public int? Quad { get; init; }
    /// <summary>Lowest Goldstein score, inclusive.</summary>
    public double? GoldsteinMin { get; init; }
    /// <summary>Highest Goldstein score, inclusive.</summary>
    public double? GoldsteinMax { get; init; }
    /// <summary>Event mode (<c>asserted</c>, <c>negated</c> …).</summary>
    public string? Mode { get; init; }
    /// <summary>Country of the event's place, ISO alpha-2.</summary>
    public string? Country { get; init; }
    /// <summary>Name of the event's place, case-insensitive.</summary>
    public string? Place { get; init; }
    /// <summary>Events placed within a circle.</summary>
    public GeoCircle? Near { get; init; }
    /// <summary>First event day, inclusive.</summary>
    public DateOnly? From { get; init; }
    /// <summary>Last event day, inclusive.</summary>
    public DateOnly? To { get; init; }
    /// <summary>Words that must all occur in an article reporting the event (full-text search).</summary>
    public string? Text { get; init; }
    /// <summary>Start of the name of a quoted speaker in an article reporting the event, case-insensitive.</summary>
    public string? Speaker { get; init; }
    /// <summary>Part of a quotation's text in an article reporting the event.</summary>
    public string? Quote { get; init; }
    /// <summary>At most this many events (0: all).</summary>
    public int Limit { get; init; }
}
