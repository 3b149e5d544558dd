namespace Parley.Model;

/// <summary>
/// A resolved actor: a person, organisation or collective named in the article, with its CAMEO-style
/// code and every mention that refers to it.
/// </summary>
public sealed record Actor
{
    /// <summary>Document-local id (<c>a1</c>, <c>a2</c> …).</summary>
    public required string Id { get; init; }
    /// <summary>The fullest name the article gives.</summary>
    public required string Name { get; init; }
    /// <summary>CAMEO-style code (<c>RUSGOV</c>, <c>IGOUNO</c>), or null when unresolved.</summary>
    public string? Code { get; init; }
    /// <summary>ISO-3166 alpha-3 country, or null.</summary>
    public string? Country { get; init; }
    /// <summary>CAMEO sector (<c>GOV</c>, <c>MIL</c>, <c>IGO</c> …), or null.</summary>
    public string? Sector { get; init; }
    /// <summary>Role as stated in the article ("Secretary-General"), or null.</summary>
    public string? Role { get; init; }
    /// <summary>Organisation the actor belongs to, or null.</summary>
    public string? Organization { get; init; }
    /// <summary>Every mention of the actor in text order.</summary>
    public IReadOnlyList<Mention> Mentions { get; init; } = [];
}
