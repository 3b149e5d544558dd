using System.Globalization;

namespace Parley.Actors;

/// <summary>
/// Mention detection and clustering scores for one set of gold chains: MUC (links) and B³
/// (per mention), each with precision, recall and F1, over gold (key) and system (response)
/// mentions matched by their syntactic head.
/// </summary>
/// <param name="KeyMentions">Gold mentions.</param>
/// <param name="ResponseMentions">System mentions compared with them (matched ones and unmatched ones).</param>
/// <param name="MatchedMentions">System mentions whose head is the head of a gold mention.</param>
/// <param name="MucPrecision">MUC precision.</param>
/// <param name="MucRecall">MUC recall.</param>
/// <param name="B3Precision">B³ precision.</param>
/// <param name="B3Recall">B³ recall.</param>
public sealed record ChainScores(
    int KeyMentions, int ResponseMentions, int MatchedMentions,
    double MucPrecision, double MucRecall, double B3Precision, double B3Recall)
{
    /// <summary>MUC F1.</summary>
    public double MucF1 => F1(MucPrecision, MucRecall);

    /// <summary>B³ F1.</summary>
    public double B3F1 => F1(B3Precision, B3Recall);

    /// <summary>Mention detection precision: matched over response mentions.</summary>
    public double MentionPrecision => ResponseMentions == 0 ? 0 : (double)MatchedMentions / ResponseMentions;

    /// <summary>Mention detection recall: matched over key mentions.</summary>
    public double MentionRecall => KeyMentions == 0 ? 0 : (double)MatchedMentions / KeyMentions;

    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);

    /// <inheritdoc />
    public override string ToString()
    {
        static string F(double x) => (100 * x).ToString("0.0", CultureInfo.InvariantCulture);
        return $"key {KeyMentions}, response {ResponseMentions}, matched {MatchedMentions} (mention P {F(MentionPrecision)} R {F(MentionRecall)}); " +
            $"MUC P {F(MucPrecision)} R {F(MucRecall)} F1 {F(MucF1)}; B3 P {F(B3Precision)} R {F(B3Recall)} F1 {F(B3F1)}";
    }
}
