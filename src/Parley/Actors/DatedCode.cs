namespace Parley.Actors;

/// <summary>
/// A code that applies only between two dates, both inclusive; a null bound is open. An empty
/// <see cref="Code"/> means the phrase is deliberately left uncoded in that period (PETRARCH's
/// <c>[---]</c>).
/// </summary>
/// <param name="Code">The CAMEO-style code, or empty for "recognised but not coded".</param>
/// <param name="From">First day the code applies, or null for no lower bound.</param>
/// <param name="Until">Last day the code applies, or null for no upper bound.</param>
public readonly record struct DatedCode(string Code, DateOnly? From, DateOnly? Until)
{
    /// <summary>True when the code has neither bound, so it applies on every date.</summary>
    public bool IsUnrestricted => From is null && Until is null;

    /// <summary>True when <paramref name="date"/> lies inside the bounds.</summary>
    public bool AppliesOn(DateOnly date) =>
        (From is not { } from || date >= from) && (Until is not { } until || date <= until);

    /// <inheritdoc />
    public override string ToString() => (From, Until) switch
    {
        (null, null) => Code,
        (null, { } u) => $"{Code} <={u:yyyy-MM-dd}",
        ({ } f, null) => $"{Code} >={f:yyyy-MM-dd}",
        ({ } f, { } u) => $"{Code} {f:yyyy-MM-dd}..{u:yyyy-MM-dd}",
    };
}
