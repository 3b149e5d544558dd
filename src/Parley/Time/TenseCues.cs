using Parley.Model;

namespace Parley.Time;

/// <summary>
/// Decides whether the clause around a time expression reports the past or announces the future:
/// from the governing verb when a parse is present, else from the nearest tense cue in the sentence.
/// </summary>
internal static class TenseCues
{
    // The nearest cue wins because a sentence often mixes both: in "He said on Friday that she will
    // come", "Friday" belongs to "said"; in "She said the talks will open on Friday", to "will".
    public static ReportingTense TenseAt(string text, ReadOnlySpan<Token> tokens, TokenAnalysis[] analyses,
        int sentenceStart, int sentenceEnd, int first, int end)
    {
        if (analyses.Length == tokens.Length && analyses.Length > 0)
        {
            var parsed = FromParse(analyses, sentenceStart, sentenceEnd, first);
            if (parsed != ReportingTense.Unknown)
            {
                return parsed;
            }
        }
        var best = ReportingTense.Unknown;
        var bestDistance = int.MaxValue;
        for (var k = sentenceStart; k < sentenceEnd; k++)
        {
            if (k >= first && k < end)
            {
                continue;
            }
            var cue = CueAt(text, tokens, sentenceEnd, k);
            if (cue == ReportingTense.Unknown)
            {
                continue;
            }
            var distance = k < first ? first - k : k - end + 1;
            if (distance < bestDistance)
            {
                best = cue;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static ReportingTense FromParse(TokenAnalysis[] analyses, int sentenceStart, int sentenceEnd, int first)
    {
        var verb = analyses[first].Head;
        for (var steps = 0; steps < 8 && verb >= sentenceStart && verb < sentenceEnd; steps++)
        {
            if (analyses[verb].Upos == "VERB")
            {
                break;
            }
            verb = analyses[verb].Head;
        }
        if (verb < sentenceStart || verb >= sentenceEnd || analyses[verb].Upos != "VERB")
        {
            return ReportingTense.Unknown;
        }
        var past = analyses[verb].Xpos == "VBD";
        for (var k = sentenceStart; k < sentenceEnd; k++)
        {
            if (analyses[k].Head != verb || !analyses[k].Relation.StartsWith("aux", StringComparison.Ordinal))
            {
                continue;
            }
            var lemma = analyses[k].Lemma;
            if (lemma is "will" or "shall" or "'ll" or "wo")
            {
                return ReportingTense.Future;
            }
            if (analyses[k].Xpos == "VBD")
            {
                past = true;
            }
            else if (lemma == "have" && analyses[verb].Xpos == "VBN")
            {
                past = true;
            }
        }
        return past ? ReportingTense.Past : ReportingTense.Unknown;
    }

    private static ReportingTense CueAt(string text, ReadOnlySpan<Token> tokens, int sentenceEnd, int k)
    {
        var w = text.AsSpan(tokens[k].Start, tokens[k].Length);
        if (Is(w, "will") || Is(w, "shall") || Is(w, "'ll") || Is(w, "’ll") || Is(w, "upcoming")
            || Is(w, "scheduled") || Is(w, "tomorrow"))
        {
            return ReportingTense.Future;
        }
        if (Is(w, "wo") && k + 1 < sentenceEnd && IsNegation(Word(text, tokens, k + 1)))
        {
            return ReportingTense.Future;
        }
        // "is to", "are going to", "plans to", "expected to", "set to", "due to" + verb.
        if (k + 1 < sentenceEnd && Is(Word(text, tokens, k + 1), "to")
            && (Is(w, "going") || Is(w, "plans") || Is(w, "plan") || Is(w, "expected") || Is(w, "set") || Is(w, "due")
                || Is(w, "is") || Is(w, "are")))
        {
            return ReportingTense.Future;
        }
        if (Is(w, "said") || Is(w, "told") || Is(w, "was") || Is(w, "were") || Is(w, "had") || Is(w, "did")
            || Is(w, "ago") || Is(w, "yesterday"))
        {
            return ReportingTense.Past;
        }
        // Regular past forms; capitalised words are mostly names ("Ted", "Reed").
        if (w.Length > 4 && char.IsLower(w[0]) && w.EndsWith("ed", StringComparison.Ordinal) && !Is(w, "need")
            && !Is(w, "planned") && !Is(w, "expected"))
        {
            return ReportingTense.Past;
        }
        return ReportingTense.Unknown;
    }

    private static ReadOnlySpan<char> Word(string text, ReadOnlySpan<Token> tokens, int k) => text.AsSpan(tokens[k].Start, tokens[k].Length);

    private static bool IsNegation(ReadOnlySpan<char> w) => Is(w, "n't") || Is(w, "n’t") || Is(w, "not");

    private static bool Is(ReadOnlySpan<char> w, string word) => w.Equals(word, StringComparison.OrdinalIgnoreCase);
}
