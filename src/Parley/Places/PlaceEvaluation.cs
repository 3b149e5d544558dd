namespace Parley.Places;

/// <summary>
/// Figures from <see cref="PlaceEvaluator"/>: how many gold toponyms a geocoder found (a predicted mention
/// overlaps the gold span), how many of its mentions are gold toponyms, and how far its coordinates are
/// from the gold ones.
/// </summary>
public sealed record PlaceEvaluation
{
    /// <summary>Articles read.</summary>
    public int Articles { get; init; }
    /// <summary>Gold toponyms.</summary>
    public int Gold { get; init; }
    /// <summary>Gold toponyms whose name is not in the text at, or within three characters of, the published offsets; left out of every figure.</summary>
    public int GoldSkipped { get; init; }
    /// <summary>Place mentions the geocoder made.</summary>
    public int Predicted { get; init; }
    /// <summary>Predicted mentions that overlap a gold toponym.</summary>
    public int PredictedCorrect { get; init; }
    /// <summary>Gold toponyms overlapped by a predicted mention.</summary>
    public int Found { get; init; }
    /// <summary>Found toponyms resolved within <see cref="PlaceEvaluator.AccuracyRadiusKm"/> of the gold coordinates.</summary>
    public int WithinRadius { get; init; }
    /// <summary>
    /// Found toponyms resolved in the country of the gold point (the country of the city nearest to it),
    /// or null when the evaluator was given no gazetteer to find countries with.
    /// </summary>
    public int? RightCountry { get; init; }
    /// <summary>Median distance in kilometres between resolved and gold coordinates over found toponyms.</summary>
    public double MedianErrorKm { get; init; }
    /// <summary>Mean distance in kilometres over found toponyms.</summary>
    public double MeanErrorKm { get; init; }
    /// <summary>Share of predicted mentions that are gold toponyms.</summary>
    public double Precision => Predicted == 0 ? 0 : (double)PredictedCorrect / Predicted;
    /// <summary>Share of gold toponyms found.</summary>
    public double Recall => Gold == 0 ? 0 : (double)Found / Gold;
    /// <summary>Share of found toponyms resolved within the radius (the usual "accuracy@161 km").</summary>
    public double Accuracy => Found == 0 ? 0 : (double)WithinRadius / Found;
    /// <summary>Share of found toponyms resolved in the right country, or null when not measured.</summary>
    public double? CountryAccuracy => RightCountry is null ? null : Found == 0 ? 0 : (double)RightCountry.Value / Found;
    /// <summary>Share of all gold toponyms both found and resolved within the radius.</summary>
    public double AccuracyOverGold => Gold == 0 ? 0 : (double)WithinRadius / Gold;
    /// <summary>
    /// Found toponyms and those within the radius, by the kind of place they were resolved to
    /// (<c>city</c>, <c>country</c> …): countries and continents are points only by convention, and the
    /// convention (centroid, capital) decides much of the overall accuracy.
    /// </summary>
    public IReadOnlyDictionary<string, (int Found, int Within)> ByKind { get; init; } = new Dictionary<string, (int, int)>();
    /// <summary>Readable lines for missed toponyms, spurious mentions and far resolutions, for error analysis.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
