namespace Parley.Store;

/// <summary>
/// An event merged across the articles that report it. <see cref="Articles"/> counts reports,
/// <see cref="Sources"/> distinct outlets, and <see cref="Independent"/> outlets after collapsing
/// near-duplicate copies onto their original.
/// </summary>
public sealed record StoredEvent
{
    /// <summary>Stable id: a hash of the merge key and the first mention.</summary>
    public required string Id { get; init; }
    /// <summary>CAMEO code of the first mention.</summary>
    public required string Code { get; init; }
    /// <summary>CAMEO name.</summary>
    public string? Name { get; init; }
    /// <summary>CAMEO root code.</summary>
    public required string Root { get; init; }
    /// <summary>PLOVER type.</summary>
    public string? PloverType { get; init; }
    /// <summary>PLOVER mode.</summary>
    public string? PloverMode { get; init; }
    /// <summary>Goldstein score.</summary>
    public double Goldstein { get; init; }
    /// <summary>QuadClass 1–4.</summary>
    public int Quad { get; init; }
    /// <summary>Event mode.</summary>
    public string? Mode { get; init; }
    /// <summary>Source actor code.</summary>
    public string? SourceCode { get; init; }
    /// <summary>Source actor name.</summary>
    public string? SourceName { get; init; }
    /// <summary>Source actor country (alpha-3).</summary>
    public string? SourceCountry { get; init; }
    /// <summary>Target actor code.</summary>
    public string? TargetCode { get; init; }
    /// <summary>Target actor name.</summary>
    public string? TargetName { get; init; }
    /// <summary>Target actor country (alpha-3).</summary>
    public string? TargetCountry { get; init; }
    /// <summary>Event day (the event's own date, else its article's), YYYY-MM-DD, or null.</summary>
    public string? Date { get; init; }
    /// <summary>Country of the place (alpha-2).</summary>
    public string? Country { get; init; }
    /// <summary>Place name.</summary>
    public string? PlaceName { get; init; }
    /// <summary>Place first-level division.</summary>
    public string? Admin1 { get; init; }
    /// <summary>Place kind (city, country …).</summary>
    public string? PlaceKind { get; init; }
    /// <summary>Latitude.</summary>
    public double? Lat { get; init; }
    /// <summary>Longitude.</summary>
    public double? Lon { get; init; }
    /// <summary>Gazetteer id of the place.</summary>
    public string? GazetteerId { get; init; }
    /// <summary>Id of the article of the first mention.</summary>
    public required string FirstArticle { get; init; }
    /// <summary>URL of the first mention's article.</summary>
    public string? Url { get; init; }
    /// <summary>Mentions (sentences) of the event.</summary>
    public int Mentions { get; init; }
    /// <summary>Articles reporting it.</summary>
    public int Articles { get; init; }
    /// <summary>Distinct outlets reporting it.</summary>
    public int Sources { get; init; }
    /// <summary>Distinct outlets after collapsing near-duplicate copies onto their original.</summary>
    public int Independent { get; init; }
}
