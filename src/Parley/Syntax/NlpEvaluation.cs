using System.Globalization;
using System.Text;
using Parley.Model;

namespace Parley.Syntax;

/// <summary>
/// What <see cref="NlpEvaluator"/> measured: counts of gold words and of those scored correct per
/// layer, entity span counts per type, and throughput. Percentages are derived from the counts, so
/// runs can be added up or compared exactly. A layer the pipeline did not produce has zero counts
/// and is reported as absent.
/// </summary>
public sealed record NlpEvaluation
{
    /// <summary>The stages that ran, by versioned name.</summary>
    public required IReadOnlyList<string> Stages { get; init; }

    /// <summary>Gold sentences read.</summary>
    public long Sentences { get; init; }

    /// <summary>Gold words (syntactic words) read.</summary>
    public long GoldWords { get; init; }

    /// <summary>Gold words matched by a predicted token with the same character span.</summary>
    public long AlignedWords { get; init; }

    /// <summary>True when the pipeline produced tags; the tag and lemma counts are then meaningful.</summary>
    public bool HasTags { get; init; }

    /// <summary>Words with the gold universal tag.</summary>
    public long UposCorrect { get; init; }

    /// <summary>Words with the gold Penn tag.</summary>
    public long XposCorrect { get; init; }

    /// <summary>Words with the gold lemma (exact, case-sensitive).</summary>
    public long LemmaCorrect { get; init; }

    /// <summary>True when the pipeline produced dependencies.</summary>
    public bool HasDependencies { get; init; }

    /// <summary>Words with the gold head (punctuation included, as in CoNLL 2018).</summary>
    public long HeadCorrect { get; init; }

    /// <summary>Words with the gold head and the gold relation compared on its universal part (before ':').</summary>
    public long LabeledCorrect { get; init; }

    /// <summary>Words with the gold head and the gold relation including its subtype.</summary>
    public long FullLabeledCorrect { get; init; }

    /// <summary>True when gold entities were given and the pipeline produced entities.</summary>
    public bool HasEntities { get; init; }

    /// <summary>Per entity type: predicted spans that match a gold span exactly (same words, same type), predicted spans, gold spans.</summary>
    public IReadOnlyDictionary<EntityType, (long Correct, long Predicted, long Gold)> EntityCounts { get; init; } =
        new Dictionary<EntityType, (long, long, long)>();

    /// <summary>Tokens the pipeline processed.</summary>
    public long Tokens { get; init; }

    /// <summary>Wall-clock seconds spent in the pipeline.</summary>
    public double Seconds { get; init; }

    /// <summary>Processor seconds the process spent while the pipeline ran (less than wall time on a busy machine).</summary>
    public double CpuSeconds { get; init; }

    /// <summary>Tokens per wall-clock second.</summary>
    public double TokensPerSecond => Seconds > 0 ? Tokens / Seconds : 0;

    /// <summary>Tokens per processor second.</summary>
    public double TokensPerCpuSecond => CpuSeconds > 0 ? Tokens / CpuSeconds : 0;

    /// <summary>UPOS accuracy in percent over all gold words (unaligned words count as wrong).</summary>
    public double Upos => Percent(UposCorrect, GoldWords);

    /// <summary>XPOS accuracy in percent.</summary>
    public double Xpos => Percent(XposCorrect, GoldWords);

    /// <summary>Lemma accuracy in percent.</summary>
    public double Lemma => Percent(LemmaCorrect, GoldWords);

    /// <summary>Unlabelled attachment score in percent.</summary>
    public double Uas => Percent(HeadCorrect, GoldWords);

    /// <summary>Labelled attachment score in percent, relations compared on their universal part.</summary>
    public double Las => Percent(LabeledCorrect, GoldWords);

    /// <summary>Labelled attachment score in percent, relations compared with their subtypes.</summary>
    public double FullLas => Percent(FullLabeledCorrect, GoldWords);

    /// <summary>Exact-span precision, recall and F1 in percent for one type, or over all types when <paramref name="type"/> is null.</summary>
    public (double Precision, double Recall, double F1) EntityScore(EntityType? type = null)
    {
        long correct = 0, predicted = 0, gold = 0;
        foreach (var (t, counts) in EntityCounts)
        {
            if (type is null || t == type)
            {
                correct += counts.Correct;
                predicted += counts.Predicted;
                gold += counts.Gold;
            }
        }
        var p = Percent(correct, predicted);
        var r = Percent(correct, gold);
        return (p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
    }

    /// <summary>Every figure, one per line, in a fixed order.</summary>
    public string Format()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.Append(c, $"stages: {string.Join(", ", Stages)}\n");
        text.Append(c, $"sentences: {Sentences}, gold words: {GoldWords}, aligned: {AlignedWords} ({Percent(AlignedWords, GoldWords):F2} %)\n");
        if (HasTags)
        {
            text.Append(c, $"UPOS: {Upos:F2} %  ({UposCorrect}/{GoldWords})\n");
            text.Append(c, $"XPOS: {Xpos:F2} %  ({XposCorrect}/{GoldWords})\n");
            text.Append(c, $"lemma: {Lemma:F2} %  ({LemmaCorrect}/{GoldWords})\n");
        }
        else
        {
            text.Append("tags: not produced\n");
        }
        if (HasDependencies)
        {
            text.Append(c, $"UAS: {Uas:F2} %  ({HeadCorrect}/{GoldWords})\n");
            text.Append(c, $"LAS: {Las:F2} %  ({LabeledCorrect}/{GoldWords}, universal relation)\n");
            text.Append(c, $"LAS (full label): {FullLas:F2} %  ({FullLabeledCorrect}/{GoldWords})\n");
        }
        else
        {
            text.Append("dependencies: not produced\n");
        }
        if (HasEntities)
        {
            foreach (var type in (ReadOnlySpan<EntityType>)[EntityType.Person, EntityType.Organization, EntityType.Location])
            {
                var (p, r, f) = EntityScore(type);
                var counts = EntityCounts.TryGetValue(type, out var x) ? x : default;
                text.Append(c, $"NER {type}: P {p:F2} R {r:F2} F1 {f:F2}  (correct {counts.Correct}, predicted {counts.Predicted}, gold {counts.Gold})\n");
            }
            var (ap, ar, af) = EntityScore();
            text.Append(c, $"NER all: P {ap:F2} R {ar:F2} F1 {af:F2}\n");
        }
        else
        {
            text.Append("entities: not scored\n");
        }
        text.Append(c, $"speed: {Tokens} tokens in {Seconds:F3} s = {TokensPerSecond:N0} tokens/s ({TokensPerCpuSecond:N0} tokens per CPU second)\n");
        return text.ToString();
    }

    private static double Percent(long part, long total) => total > 0 ? 100.0 * part / total : 0;
}
