namespace Parley.Actors;

/// <summary>
/// One thing known about a person: an affiliation (country, sector, role, organisation, code)
/// seen in articles between two dates, with the article that first gave the evidence.
/// </summary>
public sealed record PersonFact
{
    /// <summary>The person's full name as written ("Ingrid Dahl").</summary>
    public required string Name { get; init; }

    /// <summary>ISO-3166 alpha-3 country, or null.</summary>
    public string? Country { get; init; }

    /// <summary>CAMEO sector (<c>GOV</c>, <c>IGO</c> …), or null.</summary>
    public string? Sector { get; init; }

    /// <summary>Role ("Secretary-General"), or null.</summary>
    public string? Role { get; init; }

    /// <summary>Organisation ("United Nations"), or null.</summary>
    public string? Organization { get; init; }

    /// <summary>CAMEO-style code the affiliation gives (<c>IGOUNO</c>, <c>RUSGOV</c>), or null.</summary>
    public string? Code { get; init; }

    /// <summary>Date of the earliest article that shows the affiliation.</summary>
    public required DateOnly FirstSeen { get; init; }

    /// <summary>Date of the latest article that shows it; not before <see cref="FirstSeen"/>.</summary>
    public required DateOnly LastSeen { get; init; }

    /// <summary>Id of the article that gave the first evidence, or empty.</summary>
    public string Evidence { get; init; } = "";
}
