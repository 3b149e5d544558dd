namespace Parley.Places;

/// <summary>The values of <see cref="GazetteerEntry.Kind"/> and of a resolved place's kind.</summary>
public static class PlaceKinds
{
    /// <summary>A populated place.</summary>
    public const string City = "city";
    /// <summary>A country or territory with an ISO 3166-1 code.</summary>
    public const string Country = "country";
    /// <summary>A first-level subdivision (state, province, oblast).</summary>
    public const string Admin1 = "admin1";
    /// <summary>A second-level ISO 3166-2 subdivision.</summary>
    public const string Admin2 = "admin2";
    /// <summary>A named region without an administrative code (Kashmir, the Sahel, the Middle East).</summary>
    public const string Region = "region";
    /// <summary>A continent.</summary>
    public const string Continent = "continent";
}
