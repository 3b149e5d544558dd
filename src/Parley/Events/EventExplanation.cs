using System.Globalization;
using System.Text;
using Parley.Model;

namespace Parley.Events;

/// <summary>
/// Writes, sentence by sentence, what the event coder saw and decided: the sentence, its parse
/// (word/UPOS/head/relation, heads numbered within the sentence, 0 for the root), the actor mentions
/// in it, the coder's notes and the events coded. The text behind <c>parley explain</c>.
/// </summary>
public static class EventExplanation
{
    /// <summary>Writes the explanation of <paramref name="events"/> coded from <paramref name="document"/> with <paramref name="trace"/>.</summary>
    public static void Write(Document document, IReadOnlyList<CodedEvent> events, EventCodingTrace trace, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(writer);
        var c = CultureInfo.InvariantCulture;
        var hasParse = document.Analyses.Length == document.Tokens.Length;
        for (var s = 0; s < document.Sentences.Length; s++)
        {
            var sentence = document.Sentences[s];
            var text = document.Text[sentence.Start..sentence.End].ReplaceLineEndings(" ");
            writer.WriteLine(string.Create(c, $"== sentence {s} [{sentence.Start}..{sentence.End}) {text}"));
            if (document.IsRemoved(new TextSpan(sentence.Start, sentence.End)))
            {
                writer.WriteLine("   removed (boilerplate): not coded");
                continue;
            }
            if (hasParse)
            {
                var parse = new StringBuilder("   parse:");
                for (var t = sentence.FirstToken; t < sentence.EndToken; t++)
                {
                    var a = document.Analyses[t];
                    var head = a.Head < 0 ? 0 : a.Head - sentence.FirstToken + 1;
                    parse.Append(c, $" {t - sentence.FirstToken + 1}:{document.TokenText(t)}/{a.Upos}/{head}/{a.Relation}");
                }
                writer.WriteLine(parse.ToString());
            }
            foreach (var actor in document.Actors)
            {
                foreach (var m in actor.Mentions)
                {
                    if (m.Start >= sentence.Start && m.End <= sentence.End)
                    {
                        writer.WriteLine(string.Create(c, $"   actor {actor.Id} {actor.Code ?? "(no code)"}: '{m.Text}' [{m.Start}..{m.End})"));
                    }
                }
            }
            foreach (var (noteSentence, token, message) in trace.Notes)
            {
                if (noteSentence == s)
                {
                    var at = token >= 0 ? string.Create(c, $"{token - sentence.FirstToken + 1}:{document.TokenText(token)}") : "-";
                    writer.WriteLine($"   why {at}: {message}");
                }
            }
            foreach (var e in events)
            {
                if (e.Sentence == s)
                {
                    writer.WriteLine(string.Create(c,
                        $"   event {e.Id} {e.Code} {e.Name}: {Side(e.Source)} -> {Side(e.Target)}; trigger '{e.Trigger.Text}'; {e.Mode}; confidence {e.Confidence:F2}; rule {e.Rule}"));
                }
            }
        }
    }

    private static string Side(EventArgument? argument) => argument is null ? "(none)" : $"{argument.Code} '{argument.Text}'";
}
