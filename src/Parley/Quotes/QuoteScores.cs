using System.Globalization;

namespace Parley.Quotes;

/// <summary>
/// Direct-quote span scores: exact matches (after trimming quotation marks, white space and edge
/// punctuation from both sides) and overlap matches (any shared character).
/// </summary>
/// <param name="Articles">Articles scored.</param>
/// <param name="Gold">Gold quotation spans (adjacent pieces of one paragraph merged).</param>
/// <param name="Predicted">Predicted direct and partial quotations.</param>
/// <param name="Exact">Predicted spans equal to a gold span.</param>
/// <param name="PredictedOverlapping">Predicted spans overlapping a gold span.</param>
/// <param name="GoldOverlapped">Gold spans overlapped by a predicted span.</param>
/// <param name="Errors">One line per missed or spurious span, for reading.</param>
public sealed record QuoteScores(int Articles, int Gold, int Predicted, int Exact, int PredictedOverlapping, int GoldOverlapped,
    IReadOnlyList<string> Errors)
{
    /// <summary>Exact-span precision.</summary>
    public double Precision => Ratio(Exact, Predicted);

    /// <summary>Exact-span recall.</summary>
    public double Recall => Ratio(Exact, Gold);

    /// <summary>Exact-span F1.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Overlap precision: predicted spans sharing text with a gold span.</summary>
    public double OverlapPrecision => Ratio(PredictedOverlapping, Predicted);

    /// <summary>Overlap recall: gold spans sharing text with a predicted span.</summary>
    public double OverlapRecall => Ratio(GoldOverlapped, Gold);

    /// <summary>Overlap F1.</summary>
    public double OverlapF1 => OverlapPrecision + OverlapRecall == 0 ? 0 : 2 * OverlapPrecision * OverlapRecall / (OverlapPrecision + OverlapRecall);

    /// <summary>A readable summary.</summary>
    public string Format() => string.Create(CultureInfo.InvariantCulture,
        $"quotes: {Articles} articles, {Gold} gold, {Predicted} predicted; exact P {Precision:P1} R {Recall:P1} F1 {F1:P1}; " +
        $"overlap P {OverlapPrecision:P1} R {OverlapRecall:P1} F1 {OverlapF1:P1}");

    /// <inheritdoc />
    public override string ToString() => Format();

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;
}
