using System.Globalization;

namespace Parley.Events;

/// <summary>
/// How Parley's events agree with PETRARCH-2's on the same sentences (see <see cref="PetrarchComparison"/>).
/// Matches are one-to-one; a share is of PETRARCH-2's events (recall-like) or of Parley's (precision-like).
/// </summary>
/// <param name="Sentences">Sentences compared.</param>
/// <param name="Theirs">Events PETRARCH-2 coded.</param>
/// <param name="Ours">Events Parley coded.</param>
/// <param name="Exact">Events equal in source, target and code.</param>
/// <param name="RootDyad">Events equal in source and target with the same root (two-digit) code.</param>
/// <param name="CountryRootDyad">Events whose source and target agree on the first three letters (the country or IGO) and whose roots agree.</param>
/// <param name="BothCoded">Sentences where both coded at least one event.</param>
/// <param name="Disagreeing">Sentences where the two sets of events differ.</param>
public sealed record PetrarchAgreement(int Sentences, int Theirs, int Ours, int Exact, int RootDyad, int CountryRootDyad, int BothCoded, int Disagreeing)
{
    /// <summary>The figures as lines of text.</summary>
    public string Format()
    {
        var c = CultureInfo.InvariantCulture;
        return string.Create(c, $"""
            sentences        {Sentences} ({BothCoded} coded by both, {Disagreeing} where the events differ)
            events           PETRARCH-2 {Theirs}, Parley {Ours}
            exact code+dyad  {Exact} ({Share(Exact, Theirs)} of PETRARCH-2's, {Share(Exact, Ours)} of Parley's)
            root+dyad        {RootDyad} ({Share(RootDyad, Theirs)} of PETRARCH-2's, {Share(RootDyad, Ours)} of Parley's)
            root+countries   {CountryRootDyad} ({Share(CountryRootDyad, Theirs)} of PETRARCH-2's, {Share(CountryRootDyad, Ours)} of Parley's)
            """);
    }

    private static string Share(int part, int whole) =>
        whole == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:F1} %");
}
