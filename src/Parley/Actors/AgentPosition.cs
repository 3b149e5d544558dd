namespace Parley.Actors;

/// <summary>
/// Where an agent's code goes when it is combined with an actor's code. CAMEO writes most agents
/// after the country (<c>RUS</c> + <c>GOV</c> = <c>RUSGOV</c>); a few, such as non-governmental
/// organisations, go before it (<c>NGO</c> + <c>HRV</c> = <c>NGOHRV</c>).
/// </summary>
public enum AgentPosition
{
    /// <summary>The agent code follows the actor code (PETRARCH <c>[~GOV]</c>).</summary>
    Suffix = 0,
    /// <summary>The agent code precedes the actor code (PETRARCH <c>[NGO~]</c>).</summary>
    Prefix,
}
