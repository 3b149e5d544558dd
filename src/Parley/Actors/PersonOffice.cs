namespace Parley.Actors;

/// <summary>
/// One office one person held for one period, from the people table (<c>people.tsv</c>): the
/// office's code, the person's names, the surname news uses alone, the dates and the role.
/// </summary>
public sealed record PersonOffice
{
    /// <summary>CAMEO-style code of the office (<c>USAGOV</c>, <c>IGOUNO</c>).</summary>
    public required string Code { get; init; }

    /// <summary>The person's full names; the first is the one actors are listed under.</summary>
    public required IReadOnlyList<string> Names { get; init; }

    /// <summary>The words that name the person alone ("Putin"); empty when none is safe to read alone.</summary>
    public IReadOnlyList<string> Surnames { get; init; } = [];

    /// <summary>First day in office, or null when the office began before the table's period and its start is not recorded.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day in office, or null for an office still held.</summary>
    public DateOnly? Until { get; init; }

    /// <summary>The office as a role ("President", "Foreign Minister").</summary>
    public required string Role { get; init; }

    /// <summary>Where the row comes from (<c>people.tsv:42</c>).</summary>
    public string Where { get; init; } = "";

    /// <summary>The name the person is listed under.</summary>
    public string Name => Names[0];

    /// <summary>True when the office was held on <paramref name="date"/> (both bounds inclusive).</summary>
    public bool HeldOn(DateOnly date) =>
        (From is not { } from || date >= from) && (Until is not { } until || date <= until);

    /// <summary>The period as text: <c>2009-01-20..2017-01-20</c>, either side empty when open.</summary>
    public string Period =>
        $"{From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}..{Until?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";
}
