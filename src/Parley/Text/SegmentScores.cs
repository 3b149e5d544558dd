using System.Globalization;
using System.Text;

namespace Parley.Text;

/// <summary>
/// Tokenization and sentence-splitting scores against a gold CoNLL-U file, by exact match of
/// character spans as in the CoNLL 2018 shared task. Tokens are surface tokens (a multiword token
/// such as <c>don't</c> counts once); words are syntactic words (<c>do</c> + <c>n't</c>).
/// </summary>
/// <param name="Source">The file that was scored.</param>
/// <param name="Characters">Length of the reconstructed raw text.</param>
/// <param name="GoldTokens">Surface tokens in the gold file.</param>
/// <param name="SystemTokens">Surface tokens produced.</param>
/// <param name="CorrectTokens">Produced surface tokens whose span equals a gold token's.</param>
/// <param name="GoldWords">Syntactic words in the gold file.</param>
/// <param name="SystemWords">Syntactic words produced.</param>
/// <param name="CorrectWords">Produced words whose span equals a gold word's.</param>
/// <param name="GoldSentences">Sentences in the gold file.</param>
/// <param name="SystemSentences">Sentences produced.</param>
/// <param name="CorrectSentences">Produced sentences whose span equals a gold sentence's.</param>
/// <param name="Seconds">Wall-clock time of the fastest of three tokenize-and-split runs over the whole text, after a warm-up run.</param>
public sealed record SegmentScores(
    string Source,
    int Characters,
    int GoldTokens,
    int SystemTokens,
    int CorrectTokens,
    int GoldWords,
    int SystemWords,
    int CorrectWords,
    int GoldSentences,
    int SystemSentences,
    int CorrectSentences,
    double Seconds)
{
    /// <summary>Token precision in [0, 1].</summary>
    public double TokenPrecision => Ratio(CorrectTokens, SystemTokens);
    /// <summary>Token recall in [0, 1].</summary>
    public double TokenRecall => Ratio(CorrectTokens, GoldTokens);
    /// <summary>Token F1 in [0, 1].</summary>
    public double TokenF1 => F1(TokenPrecision, TokenRecall);
    /// <summary>Word precision in [0, 1].</summary>
    public double WordPrecision => Ratio(CorrectWords, SystemWords);
    /// <summary>Word recall in [0, 1].</summary>
    public double WordRecall => Ratio(CorrectWords, GoldWords);
    /// <summary>Word F1 in [0, 1].</summary>
    public double WordF1 => F1(WordPrecision, WordRecall);
    /// <summary>Sentence precision in [0, 1].</summary>
    public double SentencePrecision => Ratio(CorrectSentences, SystemSentences);
    /// <summary>Sentence recall in [0, 1].</summary>
    public double SentenceRecall => Ratio(CorrectSentences, GoldSentences);
    /// <summary>Sentence F1 in [0, 1].</summary>
    public double SentenceF1 => F1(SentencePrecision, SentenceRecall);
    /// <summary>Words produced per second of the timed run.</summary>
    public double TokensPerSecond => Seconds > 0 ? SystemWords / Seconds : 0;
    /// <summary>Sentences produced per second of the timed run.</summary>
    public double SentencesPerSecond => Seconds > 0 ? SystemSentences / Seconds : 0;

    /// <summary>A readable multi-line report with every figure.</summary>
    public string Format()
    {
        var s = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        s.Append(c, $"file       {Source} ({Characters:N0} characters)\n");
        s.Append(c, $"            {"precision",9} {"recall",9} {"F1",9}   {"correct",8} {"system",8} {"gold",8}\n");
        Line(s, "tokens", TokenPrecision, TokenRecall, TokenF1, CorrectTokens, SystemTokens, GoldTokens);
        Line(s, "words", WordPrecision, WordRecall, WordF1, CorrectWords, SystemWords, GoldWords);
        Line(s, "sentences", SentencePrecision, SentenceRecall, SentenceF1, CorrectSentences, SystemSentences, GoldSentences);
        s.Append(c, $"speed      {TokensPerSecond:N0} tokens/s, {SentencesPerSecond:N0} sentences/s ({Seconds * 1000:F1} ms)\n");
        return s.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Format();

    private static void Line(StringBuilder s, string name, double p, double r, double f, int correct, int system, int gold) =>
        s.Append(CultureInfo.InvariantCulture,
            $"{name,-10} {p * 100,9:F2} {r * 100,9:F2} {f * 100,9:F2}   {correct,8} {system,8} {gold,8}\n");

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}
