using System.Globalization;

namespace Parley.Time;

/// <summary>
/// How well the time stage did on gold date spans: how many gold spans it found (any predicted
/// expression overlapping them) and, of the gold spans with a single <c>when</c> value, how many it
/// found with exactly that value.
/// </summary>
/// <param name="Articles">Articles scored.</param>
/// <param name="GoldSpans">Gold date spans of every kind (single days, ranges, open bounds).</param>
/// <param name="FoundSpans">Gold date spans overlapped by a predicted expression.</param>
/// <param name="GoldValues">Gold spans with a <c>when</c> value.</param>
/// <param name="FoundValues">Of those, the ones overlapped by a predicted expression.</param>
/// <param name="CorrectValues">Of those found, the ones whose predicted value equals <c>when</c>.</param>
/// <param name="Predicted">Predicted expressions.</param>
/// <param name="PredictedOnGold">Predicted expressions that overlap a gold date span.</param>
/// <param name="Errors">One line per wrong or missed value, for reading.</param>
public sealed record TimeScores(int Articles, int GoldSpans, int FoundSpans, int GoldValues, int FoundValues,
    int CorrectValues, int Predicted, int PredictedOnGold, IReadOnlyList<string> Errors)
{
    /// <summary>Correct values over found <c>when</c> spans: the value accuracy on the spans found.</summary>
    public double ValueAccuracy => Ratio(CorrectValues, FoundValues);

    /// <summary>Found <c>when</c> spans over gold <c>when</c> spans.</summary>
    public double ValueSpanRecall => Ratio(FoundValues, GoldValues);

    /// <summary>Found spans over all gold date spans.</summary>
    public double SpanRecall => Ratio(FoundSpans, GoldSpans);

    /// <summary>Predicted expressions on a gold span over all predicted expressions.</summary>
    public double SpanPrecision => Ratio(PredictedOnGold, Predicted);

    /// <summary>Correct values over all gold <c>when</c> spans (found or not).</summary>
    public double EndToEndAccuracy => Ratio(CorrectValues, GoldValues);

    /// <summary>A readable summary.</summary>
    public string Format() => string.Create(CultureInfo.InvariantCulture,
        $"times: {Articles} articles; value accuracy {ValueAccuracy:P1} ({CorrectValues}/{FoundValues} found 'when' spans); " +
        $"'when' span recall {ValueSpanRecall:P1} ({FoundValues}/{GoldValues}); all-span recall {SpanRecall:P1} ({FoundSpans}/{GoldSpans}); " +
        $"span precision {SpanPrecision:P1} ({PredictedOnGold}/{Predicted}); end-to-end {EndToEndAccuracy:P1}");

    /// <inheritdoc />
    public override string ToString() => Format();

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;
}
