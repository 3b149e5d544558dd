using System.Runtime.InteropServices;

namespace Parley.Actors;

/// <summary>
/// Codes a noun phrase the way PETRARCH does once it has the phrase: the phrase is split at
/// coordinations that lie outside any lexicon phrase ("Obama and Merkel", but not "Trinidad and
/// Tobago"); in each part the first actor gives the code and the first agent adds its sector
/// ("the rebels from Syria" → <c>SYRREB</c>, "the US commander in Iraq" → <c>USAMIL</c>).
/// Stateless apart from the shared lexicon; safe across threads.
/// </summary>
public sealed class ActorPhraseCoder
{
    private readonly ActorLexicon _lexicon;

    /// <summary>Creates a coder over <paramref name="lexicon"/>.</summary>
    public ActorPhraseCoder(ActorLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _lexicon = lexicon;
    }

    /// <summary>Codes a phrase given as text (words split at white space); see <see cref="Code(ReadOnlySpan{string}, DateOnly?)"/>.</summary>
    public IReadOnlyList<string> Code(string phrase, DateOnly? date)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var tokens = phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return Code(tokens, date);
    }

    /// <summary>
    /// The codes of the phrase's coordinated parts in text order, one per part that has an actor
    /// or an agent; date-restricted entries are resolved as of <paramref name="date"/>. Empty when
    /// nothing in the phrase is known.
    /// </summary>
    public IReadOnlyList<string> Code(ReadOnlySpan<string> tokens, DateOnly? date)
    {
        var codes = new List<string>();
        string? actor = null;
        var actorSettled = false;
        ActorEntry? agent = null;
        List<ActorEntry>? moreAgents = null;
        var i = 0;
        while (i <= tokens.Length)
        {
            if (i == tokens.Length || IsCoordination(tokens[i]))
            {
                if (Finish(actor, agent, moreAgents) is { Length: > 0 } code)
                {
                    codes.Add(code);
                }
                (actor, actorSettled, agent) = (null, false, null);
                moreAgents?.Clear();
                i++;
                continue;
            }
            if (!_lexicon.TryMatchLongest(tokens, i, out var match))
            {
                i++;
                continue;
            }
            foreach (var entry in match.Entries)
            {
                if (entry.Kind == ActorKind.Agent)
                {
                    if (agent is null)
                    {
                        agent = entry;
                    }
                    else if (!ReferenceEquals(agent, entry))
                    {
                        // PETRARCH: every agent of the phrase adds its code ("an MSF Arnor diplomat",
                        // "the Danish Islamist media").
                        (moreAgents ??= []).Add(entry);
                    }
                }
                else if (!actorSettled && entry.CodeOn(date) is { } code)
                {
                    // An empty code ([---]) settles the part as deliberately uncoded.
                    actor = code;
                    actorSettled = true;
                }
            }
            i = match.End;
        }
        return codes;
    }

    /// <summary>Codes a phrase given as a token list; see <see cref="Code(ReadOnlySpan{string}, DateOnly?)"/>.</summary>
    public IReadOnlyList<string> Code(List<string> tokens, DateOnly? date)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return Code(CollectionsMarshal.AsSpan(tokens), date);
    }

    private static string? Finish(string? actor, ActorEntry? agent, List<ActorEntry>? moreAgents)
    {
        var agentCode = agent?.CodeOn(null);
        if (actor is null)
        {
            return agentCode;
        }
        if (actor.Length == 0 || string.IsNullOrEmpty(agentCode))
        {
            return actor;
        }
        if (actor.Contains('/', StringComparison.Ordinal))
        {
            // Several actors under one name: the agents go with each.
            return string.Join('/', actor.Split('/').Select(a => WithAgents(a, agent!, moreAgents)));
        }
        return WithAgents(actor, agent!, moreAgents);
    }

    private static string WithAgents(string actor, ActorEntry agent, List<ActorEntry>? moreAgents)
    {
        var code = CameoCodes.Combine(actor, agent.CodeOn(null) ?? "", agent.AgentPosition);
        if (moreAgents is not null)
        {
            foreach (var more in moreAgents)
            {
                code = CameoCodes.Combine(code, more.CodeOn(null) ?? "", more.AgentPosition);
            }
        }
        return code;
    }

    private static bool IsCoordination(string token) =>
        token is "," or ";" or "&" || token.Equals("and", StringComparison.OrdinalIgnoreCase)
        || token.Equals("or", StringComparison.OrdinalIgnoreCase);
}
