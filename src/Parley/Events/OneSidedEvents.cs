using Parley.Model;

namespace Parley.Events;

/// <summary>
/// An event missing its source or target says nothing that an event of the same sentence and code
/// does not, when that one has the missing side filled and the other side the same ("Gondor directed
/// an assault on Arnor's forces surrounded in the city": the surrounding is the assault).
/// </summary>
internal static class OneSidedEvents
{
    /// <summary>
    /// Drops such events from <paramref name="events"/> at <paramref name="first"/> and after (one
    /// sentence's events), numbers the rest again from <paramref name="firstId"/> and returns the next id.
    /// </summary>
    public static int DropSubsumed(List<CodedEvent> events, int first, int firstId, EventCodingTrace? trace, int sentenceIndex)
    {
        var kept = first;
        for (var i = first; i < events.Count; i++)
        {
            var e = events[i];
            if (IsSubsumed(events, first, i))
            {
                trace?.Note(sentenceIndex, -1, $"dropped {e.Code} '{e.Trigger.Text}' with one side missing: an event of the same code "
                    + "between the same actors says it");
                continue;
            }
            events[kept++] = e;
        }
        events.RemoveRange(kept, events.Count - kept);
        var id = firstId;
        for (var i = first; i < events.Count; i++)
        {
            events[i] = events[i] with { Id = "e" + id++ };
        }
        return id;
    }

    /// <summary>
    /// Drops the events without a source of one sentence (from <paramref name="first"/>) triggered by
    /// a noun alone that a verb's event took its target from ("endorsed an agreement with Gondor": the
    /// agreement with Gondor is the endorsement's target, not an event without a source).
    /// Ids are renumbered by <see cref="DropSubsumed"/>, which runs after.
    /// </summary>
    public static void DropCoveredNouns(List<CodedEvent> events, int first, List<(int Start, int End)> covered, EventCodingTrace? trace, int sentenceIndex)
    {
        if (covered.Count == 0)
        {
            return;
        }
        var kept = first;
        for (var i = first; i < events.Count; i++)
        {
            var e = events[i];
            // One with a source stays: "condemned the attack by X" leaves X's attack an event of its own.
            if (e.Source is null && e.Target is not null && covered.Contains((e.Trigger.Start, e.Trigger.End)))
            {
                trace?.Note(sentenceIndex, -1, $"dropped {e.Code} '{e.Trigger.Text}' without a source: it is the object of a verb's event that names its party");
                continue;
            }
            events[kept++] = e;
        }
        events.RemoveRange(kept, events.Count - kept);
    }

    private static bool IsSubsumed(List<CodedEvent> events, int first, int index)
    {
        var e = events[index];
        if (e.Source is not null && e.Target is not null)
        {
            return false;
        }
        for (var j = first; j < events.Count; j++)
        {
            var o = events[j];
            if (j != index && o.Code == e.Code && o.Source is not null && o.Target is not null
                && (e.Source is null || e.Source.Actor == o.Source.Actor)
                && (e.Target is null || e.Target.Actor == o.Target.Actor))
            {
                return true;
            }
        }
        return false;
    }
}
