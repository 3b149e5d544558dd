namespace Parley.Places;

/// <summary>
/// One place in the <see cref="Gazetteer"/>: a GeoNames city, an ISO 3166 country or subdivision, or a
/// region the project writes itself. Immutable and shared across threads.
/// </summary>
public sealed record GazetteerEntry
{
    /// <summary>Position of the entry in its gazetteer; stable for one loaded file.</summary>
    public required int Index { get; init; }

    /// <summary>
    /// Source id: the GeoNames id for cities (<c>524901</c>), <c>iso:UA</c> or <c>iso:UA-14</c> for ISO 3166
    /// countries and subdivisions, <c>parley:donbas</c> for the project's own regions.
    /// </summary>
    public required string Id { get; init; }

    /// <summary>Preferred name.</summary>
    public required string Name { get; init; }

    /// <summary>One of the <see cref="PlaceKinds"/> values.</summary>
    public required string Kind { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country, or null for regions that span countries.</summary>
    public string? Country { get; init; }

    /// <summary>
    /// First-level subdivision code: the GeoNames admin1 code for cities (<c>TX</c>, <c>ENG</c>, <c>05</c>) and for
    /// subdivisions tied to one; the ISO 3166-2 code for subdivisions that are not; null otherwise.
    /// </summary>
    public string? Admin1 { get; init; }

    /// <summary>Latitude in degrees.</summary>
    public double Latitude { get; init; }

    /// <summary>Longitude in degrees.</summary>
    public double Longitude { get; init; }

    /// <summary>
    /// Population: GeoNames' for cities; for countries and subdivisions, the sum over their cities in the
    /// gazetteer (a proxy, not a census figure); 0 when unknown.
    /// </summary>
    public long Population { get; init; }

    /// <summary>GeoNames feature code for cities (<c>PPLC</c> capital, <c>PPLA</c> seat of a subdivision …), else the source's type.</summary>
    public string Feature { get; init; } = string.Empty;
}
