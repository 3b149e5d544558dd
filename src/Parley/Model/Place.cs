namespace Parley.Model;

/// <summary>A place resolved in a gazetteer, with every mention of it.</summary>
public sealed record Place
{
    /// <summary>Document-local id (<c>p1</c> …).</summary>
    public required string Id { get; init; }
    /// <summary>Gazetteer name.</summary>
    public required string Name { get; init; }
    /// <summary>ISO-3166 alpha-2 country, or null for regions that span countries.</summary>
    public string? Country { get; init; }
    /// <summary>First-level subdivision, or null.</summary>
    public string? Admin1 { get; init; }
    /// <summary><c>city</c>, <c>country</c>, <c>admin1</c>, <c>region</c> …</summary>
    public required string Kind { get; init; }
    /// <summary>Latitude in degrees.</summary>
    public double Lat { get; init; }
    /// <summary>Longitude in degrees.</summary>
    public double Lon { get; init; }
    /// <summary>Id in the gazetteer's source (GeoNames id where there is one).</summary>
    public string? GazetteerId { get; init; }
    /// <summary>Every mention in text order.</summary>
    public IReadOnlyList<Mention> Mentions { get; init; } = [];
}
