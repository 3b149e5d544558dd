namespace Parley.Actors;

/// <summary>
/// One meaning of a phrase in an <see cref="ActorLexicon"/>: the code it stands for (perhaps
/// different at different dates) and what is known about it. Entries are immutable and shared by
/// every phrase that names them (a name and its aliases point to one entry).
/// </summary>
public sealed class ActorEntry
{
    /// <summary>The canonical name ("Russia", "United Nations", "minister").</summary>
    public required string Name { get; init; }

    /// <summary>What the entry names.</summary>
    public required ActorKind Kind { get; init; }

    /// <summary>
    /// The codes in the order the source lists them. Date-restricted codes are tried first, in
    /// order; an unrestricted code is the fallback. Agents hold their bare sector code
    /// (<c>GOV</c>), actors a full code (<c>RUS</c>, <c>IGOUNO</c>, <c>USAGOV</c>).
    /// </summary>
    public required IReadOnlyList<DatedCode> Codes { get; init; }

    /// <summary>ISO-3166 alpha-3 country, when the entry belongs to one.</summary>
    public string? Country { get; init; }

    /// <summary>CAMEO sector (<c>GOV</c>, <c>MIL</c>, <c>IGO</c>, <c>REB</c> …), when known.</summary>
    public string? Sector { get; init; }

    /// <summary>A role or title ("President", "Secretary-General"), when the entry is one.</summary>
    public string? Role { get; init; }

    /// <summary>The organisation the entry belongs to ("United Nations"), when known.</summary>
    public string? Organization { get; init; }

    /// <summary>
    /// True for role words that can stand before a name as a title ("President Macron",
    /// "Chancellor Scholz"); false for words that cannot ("troops", "police").
    /// </summary>
    public bool IsTitle { get; init; }

    /// <summary>For agents: whether the code goes after (usual) or before the actor's code.</summary>
    public AgentPosition AgentPosition { get; init; }

    /// <summary>Where the entry came from (a file name), for diagnostics and provenance.</summary>
    public string Source { get; init; } = "";

    /// <summary>A short phrase or sentence that uses the entry, from the lexicon file; may be empty.</summary>
    public string Example { get; init; } = "";

    /// <summary>
    /// The code that applies on <paramref name="date"/>: the first date-restricted code whose
    /// period contains the date, else the first unrestricted code, else null (the entry is not
    /// known to apply then — e.g. a politician before the first office the source lists).
    /// Without a date: the first unrestricted code, else the restricted code that starts latest.
    /// An empty string means "recognised, deliberately uncoded".
    /// </summary>
    public string? CodeOn(DateOnly? date)
    {
        var codes = Codes;
        if (date is { } day)
        {
            for (var i = 0; i < codes.Count; i++)
            {
                if (!codes[i].IsUnrestricted && codes[i].AppliesOn(day))
                {
                    return codes[i].Code;
                }
            }
        }
        for (var i = 0; i < codes.Count; i++)
        {
            if (codes[i].IsUnrestricted)
            {
                return codes[i].Code;
            }
        }
        if (date is not null)
        {
            return null;
        }
        // No date and no default: the most recent period is the best guess for current news.
        string? latest = null;
        var latestStart = DateOnly.MinValue;
        for (var i = 0; i < codes.Count; i++)
        {
            var start = codes[i].From ?? DateOnly.MinValue;
            if (latest is null || start >= latestStart)
            {
                latest = codes[i].Code;
                latestStart = start;
            }
        }
        return latest;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Kind}) {string.Join(' ', Codes)}";
}
