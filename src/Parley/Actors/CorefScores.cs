using System.Globalization;

namespace Parley.Actors;

/// <summary>
/// Figures from <see cref="CorefEvaluator"/>: how well actor mentions are found and clustered
/// against gold person and organisation chains, and how often a country or city name gets the
/// right country code. Precision, recall and F1 are fractions in [0, 1].
/// </summary>
public sealed record CorefScores
{
    /// <summary>Documents evaluated.</summary>
    public int Documents { get; init; }

    /// <summary>Clustering against every gold person and organisation mention.</summary>
    public required ChainScores All { get; init; }

    /// <summary>Clustering against the gold chains of named people and organisations (chains with a Wikipedia identity).</summary>
    public required ChainScores Named { get; init; }

    /// <summary>Gold country and city name mentions with a known country.</summary>
    public int PlaceMentions { get; init; }

    /// <summary>Of <see cref="PlaceMentions"/>: those the actor lexicon gives any country.</summary>
    public int PlaceCoded { get; init; }

    /// <summary>Of <see cref="PlaceMentions"/>: those the actor lexicon gives the right country.</summary>
    public int PlaceCorrect { get; init; }

    /// <summary>Of <see cref="PlaceMentions"/>: those that are a mention of a resolved actor.</summary>
    public int PlaceAsActor { get; init; }

    /// <summary>Of <see cref="PlaceAsActor"/>: those whose actor has the right country.</summary>
    public int PlaceAsActorCorrect { get; init; }

    /// <summary>Country names only: mentions, and those coded right by the lexicon.</summary>
    public int CountryMentions { get; init; }

    /// <summary>Of <see cref="CountryMentions"/>: those the lexicon gives the right country.</summary>
    public int CountryCorrect { get; init; }

    /// <inheritdoc />
    public override string ToString()
    {
        static string P(int n, int d) => d == 0 ? "n/a" : (100.0 * n / d).ToString("0.0", CultureInfo.InvariantCulture) + " %";
        return string.Join(Environment.NewLine,
            $"documents: {Documents}",
            $"all person/organisation mentions: {All}",
            $"named person/organisation chains: {Named}",
            $"country names: {CountryCorrect}/{CountryMentions} right ({P(CountryCorrect, CountryMentions)})",
            $"country and city names: {PlaceCorrect}/{PlaceMentions} right ({P(PlaceCorrect, PlaceMentions)}), {PlaceCoded} coded, precision {P(PlaceCorrect, PlaceCoded)}",
            $"country and city names resolved as actors: {PlaceAsActor}, right {PlaceAsActorCorrect} ({P(PlaceAsActorCorrect, PlaceAsActor)})");
    }
}
