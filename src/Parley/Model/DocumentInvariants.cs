namespace Parley.Model;

/// <summary>
/// The rules every <see cref="Document"/> obeys after every stage, checked in one place so tests of
/// any stage (unit, property and golden) can assert them.
/// </summary>
public static class DocumentInvariants
{
    // A broken document can break a rule at every token; a bounded list keeps the report readable
    // and the check cheap on a megabyte of text.
    private const int MaxViolations = 50;

    /// <summary>
    /// Every broken rule, as a readable message; empty when the document is consistent. Checks:
    /// removed spans lie inside the text; tokens are non-empty, inside the text, in order and do not
    /// overlap; no token overlaps a removed span; sentences cover the tokens exactly, in order, each
    /// from its first token's start to its last token's end; analyses run parallel to the tokens;
    /// entity spans fall on token boundaries; the spans of actors, events, quotes, places and times
    /// lie inside the text; every event's source and target actor exists.
    /// </summary>
    public static IReadOnlyList<string> Violations(Document doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var v = new List<string>();
        var length = doc.Text.Length;

        for (var i = 0; i < doc.Removed.Count && v.Count < MaxViolations; i++)
        {
            var r = doc.Removed[i];
            if (r.Start < 0 || r.End > length || r.Start > r.End)
            {
                v.Add($"removed[{i}] [{r.Start}..{r.End}) is not a span of the text (length {length}).");
            }
        }

        CheckTokens(doc, v);
        CheckSentences(doc, v);
        CheckAnalyses(doc, v);
        CheckEntities(doc, v);
        CheckLayersAbove(doc, v);
        return v;
    }

    private static void CheckTokens(Document doc, List<string> v)
    {
        var tokens = doc.Tokens;
        var length = doc.Text.Length;
        // Removed spans sorted by start, so one forward pass finds any overlap with ordered tokens.
        var removed = new List<RemovedSpan>(doc.Removed);
        removed.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var r = 0;
        var maxRemovedEnd = int.MinValue;
        for (var i = 0; i < tokens.Length && v.Count < MaxViolations; i++)
        {
            var t = tokens[i];
            if (t.Start < 0 || t.End > length || t.Start >= t.End)
            {
                v.Add($"token {i} [{t.Start}..{t.End}) is empty or outside the text (length {length}).");
                continue;
            }
            if (i > 0 && t.Start < tokens[i - 1].End)
            {
                v.Add($"token {i} [{t.Start}..{t.End}) starts before token {i - 1} ends ({tokens[i - 1].End}).");
            }
            // Advance past removed spans that start before this token; remember the furthest end.
            while (r < removed.Count && removed[r].Start < t.End)
            {
                if (removed[r].End > removed[r].Start)
                {
                    maxRemovedEnd = Math.Max(maxRemovedEnd, removed[r].End);
                }
                r++;
            }
            if (maxRemovedEnd > t.Start)
            {
                v.Add($"token {i} [{t.Start}..{t.End}) overlaps a removed span.");
            }
        }
    }

    private static void CheckSentences(Document doc, List<string> v)
    {
        var sentences = doc.Sentences;
        var tokens = doc.Tokens;
        if (sentences.Length == 0)
        {
            if (tokens.Length > 0 && (doc.Layers & Layers.Sentences) != 0)
            {
                v.Add($"the document has {tokens.Length} tokens but no sentences.");
            }
            return;
        }
        var expected = 0;
        for (var i = 0; i < sentences.Length && v.Count < MaxViolations; i++)
        {
            var s = sentences[i];
            if (s.TokenCount <= 0)
            {
                v.Add($"sentence {i} has no tokens.");
                continue;
            }
            if (s.FirstToken != expected)
            {
                v.Add($"sentence {i} starts at token {s.FirstToken}, expected {expected}: sentences must cover the tokens in order.");
            }
            if (s.FirstToken < 0 || s.EndToken > tokens.Length)
            {
                v.Add($"sentence {i} tokens [{s.FirstToken}..{s.EndToken}) are outside the {tokens.Length} tokens.");
                expected = s.EndToken;
                continue;
            }
            if (s.Start != tokens[s.FirstToken].Start || s.End != tokens[s.EndToken - 1].End)
            {
                v.Add($"sentence {i} [{s.Start}..{s.End}) does not run from its first token's start " +
                    $"({tokens[s.FirstToken].Start}) to its last token's end ({tokens[s.EndToken - 1].End}).");
            }
            expected = s.EndToken;
        }
        if (expected != tokens.Length && v.Count < MaxViolations)
        {
            v.Add($"sentences cover tokens [0..{expected}) but there are {tokens.Length} tokens.");
        }
    }

    private static void CheckAnalyses(Document doc, List<string> v)
    {
        var analyses = doc.Analyses;
        if (analyses.Length == 0)
        {
            return;
        }
        if (analyses.Length != doc.Tokens.Length)
        {
            v.Add($"there are {analyses.Length} analyses for {doc.Tokens.Length} tokens.");
            return;
        }
        for (var i = 0; i < analyses.Length && v.Count < MaxViolations; i++)
        {
            var head = analyses[i].Head;
            if (head < -1 || head >= analyses.Length)
            {
                v.Add($"token {i} has head {head}, which is not a token index or -1.");
            }
        }
    }

    private static void CheckEntities(Document doc, List<string> v)
    {
        var tokens = doc.Tokens;
        var entities = doc.Entities;
        for (var i = 0; i < entities.Length && v.Count < MaxViolations; i++)
        {
            var e = entities[i];
            var end = e.FirstToken + e.TokenCount;
            if (e.TokenCount <= 0 || e.FirstToken < 0 || end > tokens.Length)
            {
                v.Add($"entity {i} tokens [{e.FirstToken}..{end}) are not a token range ({tokens.Length} tokens).");
                continue;
            }
            if (e.Start != tokens[e.FirstToken].Start || e.End != tokens[end - 1].End)
            {
                v.Add($"entity {i} [{e.Start}..{e.End}) is not on the boundaries of its tokens " +
                    $"[{tokens[e.FirstToken].Start}..{tokens[end - 1].End}).");
            }
        }
    }

    private static void CheckLayersAbove(Document doc, List<string> v)
    {
        var length = doc.Text.Length;
        var actorIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var actor in doc.Actors)
        {
            actorIds.Add(actor.Id);
            foreach (var m in actor.Mentions)
            {
                Span(v, length, m.Start, m.End, $"a mention of actor {actor.Id}");
            }
        }
        foreach (var e in doc.Events)
        {
            Span(v, length, e.Trigger.Start, e.Trigger.End, $"the trigger of event {e.Id}");
            Argument(v, length, actorIds, e.Id, "source", e.Source);
            Argument(v, length, actorIds, e.Id, "target", e.Target);
            if (doc.Sentences.Length > 0 && (e.Sentence < 0 || e.Sentence >= doc.Sentences.Length) && v.Count < MaxViolations)
            {
                v.Add($"event {e.Id} names sentence {e.Sentence}, but there are {doc.Sentences.Length}.");
            }
        }
        foreach (var q in doc.Quotes)
        {
            Span(v, length, q.Start, q.End, $"quote {q.Id}");
        }
        foreach (var p in doc.Places)
        {
            foreach (var m in p.Mentions)
            {
                Span(v, length, m.Start, m.End, $"a mention of place {p.Id}");
            }
        }
        foreach (var t in doc.Times)
        {
            Span(v, length, t.Start, t.End, $"time expression '{t.Text}'");
        }
    }

    private static void Argument(List<string> v, int length, HashSet<string> actorIds, string eventId, string role, EventArgument? argument)
    {
        if (argument is null)
        {
            return;
        }
        Span(v, length, argument.Start, argument.End, $"the {role} of event {eventId}");
        if (argument.Actor is not null && !actorIds.Contains(argument.Actor) && v.Count < MaxViolations)
        {
            v.Add($"the {role} of event {eventId} is actor '{argument.Actor}', which is not among the actors.");
        }
    }

    private static void Span(List<string> v, int length, int start, int end, string what)
    {
        if ((start < 0 || end > length || start > end) && v.Count < MaxViolations)
        {
            v.Add($"{what} [{start}..{end}) is not a span of the text (length {length}).");
        }
    }
}
