using Parley.Model;

namespace Parley.Time;

/// <summary>
/// Decides whether the clause around a time expression reports the past or announces the future:
/// from the governing verb when a parse is present, else from the nearest tense cue in the sentence.
/// </summary>
internal static class TenseCues
{
    // Past forms that do not end in -ed, and words that only occur in past reporting.
    private static readonly HashSet<string> IrregularPastWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "told", "was", "were", "had", "did", "ago", "yesterday", "began", "came", "went", "met", "took",
        "gave", "made", "held", "left", "saw", "won", "lost", "fell", "rose", "spoke", "wrote", "became", "brought",
        "sent", "found", "struck", "thought", "knew", "ran", "got", "began", "led", "fought", "broke", "chose",
        "drew", "flew", "grew", "hit", "paid", "sold", "stood", "swept", "taught", "threw", "won", "wore", "felt",
        "kept", "meant", "heard", "built", "spent", "sought", "shot", "caught", "bought", "upheld", "overturned",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> IrregularPast =
        IrregularPastWords.GetAlternateLookup<ReadOnlySpan<char>>();

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
        // Cues after the expression count only up to the end of its clause: in "The broadcasts began
        // on August 10 and will continue", "will" belongs to the next clause.
        var clauseEnd = end;
        while (clauseEnd < sentenceEnd && !IsClauseBoundary(text.AsSpan(tokens[clauseEnd].Start, tokens[clauseEnd].Length)))
        {
            clauseEnd++;
        }
        for (var k = sentenceStart; k < clauseEnd; k++)
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
        var pastForm = IrregularPast.Contains(w)
            || (w.Length > 4 && char.IsLower(w[0]) && w.EndsWith("ed", StringComparison.Ordinal) && !Is(w, "need")
                && !Is(w, "planned") && !Is(w, "expected"));
        // Capitalised words ending in -ed are mostly names ("Ted", "Reed"); a participle after a form of
        // "be" is passive and takes its tense from the auxiliary ("is to be held", "was held").
        if (!pastForm || (k > 0 && IsBe(Word(text, tokens, k - 1))))
        {
            return ReportingTense.Unknown;
        }
        return ReportingTense.Past;
    }

    private static bool IsBe(ReadOnlySpan<char> w) => Is(w, "be") || Is(w, "been") || Is(w, "being") || Is(w, "is")
        || Is(w, "are") || Is(w, "am") || Is(w, "'s") || Is(w, "’s") || Is(w, "'re") || Is(w, "’re");

    private static bool IsClauseBoundary(ReadOnlySpan<char> w) =>
        Is(w, ",") || Is(w, ";") || Is(w, "and") || Is(w, "but") || Is(w, "while") || Is(w, "although") || Is(w, "—");

    private static ReadOnlySpan<char> Word(string text, ReadOnlySpan<Token> tokens, int k) => text.AsSpan(tokens[k].Start, tokens[k].Length);

    private static bool IsNegation(ReadOnlySpan<char> w) => Is(w, "n't") || Is(w, "n’t") || Is(w, "not");

    private static bool Is(ReadOnlySpan<char> w, string word) => w.Equals(word, StringComparison.OrdinalIgnoreCase);
}
