namespace Parley.Actors;

/// <summary>
/// Reading and combining CAMEO actor codes: three-letter blocks, a country or a transnational
/// prefix (<c>IGO</c>, <c>NGO</c>, <c>IMG</c> …) first, then sectors (<c>RUSGOV</c>,
/// <c>IGOUNO</c>, <c>SYRREB</c>).
/// </summary>
public static class CameoCodes
{
    /// <summary>
    /// First blocks that name no country: intergovernmental and non-governmental organisations,
    /// movements, international militarised groups, multinational companies, unidentified actors.
    /// </summary>
    public static IReadOnlySet<string> TransnationalPrefixes { get; } =
        new HashSet<string>(["IGO", "NGO", "NGM", "IMG", "MNC", "UIS", "UAF"], StringComparer.Ordinal);

    /// <summary>The country block of <paramref name="code"/> (<c>RUS</c> of <c>RUSGOV</c>), or null for transnational codes.</summary>
    public static string? CountryOf(string? code) =>
        code is { Length: >= 3 } && IsLetters(code.AsSpan(0, 3)) && !TransnationalPrefixes.Contains(code[..3])
            ? code[..3]
            : null;

    /// <summary>
    /// The first sector block: <c>GOV</c> of <c>RUSGOV</c>, <c>IGO</c> of <c>IGOUNO</c>, null for
    /// a bare country.
    /// </summary>
    public static string? SectorOf(string? code)
    {
        if (code is null || code.Length < 3)
        {
            return null;
        }
        if (CountryOf(code) is null)
        {
            return code[..3];
        }
        return code.Length >= 6 ? code[3..6] : null;
    }

    /// <summary>
    /// An actor code with an agent's code added (<c>RUS</c> + <c>GOV</c> = <c>RUSGOV</c>; an agent
    /// placed first: <c>NGO</c> + <c>HRV</c> = <c>NGOHRV</c>). An agent the actor code already holds
    /// at a block boundary is not repeated (<c>USAGOV</c> + <c>GOV</c> = <c>USAGOV</c>).
    /// </summary>
    public static string Combine(string actorCode, string agentCode, AgentPosition position)
    {
        ArgumentNullException.ThrowIfNull(actorCode);
        ArgumentNullException.ThrowIfNull(agentCode);
        if (agentCode.Length == 0)
        {
            return actorCode;
        }
        if (actorCode.Length == 0)
        {
            return agentCode;
        }
        for (var i = 0; i + agentCode.Length <= actorCode.Length; i += 3)
        {
            if (string.CompareOrdinal(actorCode, i, agentCode, 0, agentCode.Length) == 0)
            {
                return actorCode;
            }
        }
        return position == AgentPosition.Prefix ? agentCode + actorCode : actorCode + agentCode;
    }

    private static bool IsLetters(ReadOnlySpan<char> block)
    {
        foreach (var c in block)
        {
            if (c is < 'A' or > 'Z')
            {
                return false;
            }
        }
        return true;
    }
}
