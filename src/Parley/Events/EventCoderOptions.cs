namespace Parley.Events;

/// <summary>Settings of the <see cref="EventCoder"/>.</summary>
public sealed record EventCoderOptions
{
    /// <summary>
    /// When true, an event needs an actor on both sides (source and target). When false (the
    /// default) one side is enough; an event with no actor on either side is never coded.
    /// </summary>
    public bool RequireDyad { get; init; }

    /// <summary>
    /// When true, a pattern that names no target slot (or whose target slot is empty) takes the first
    /// actor among the objects and prepositional phrases of the words it matched, as PETRARCH takes the
    /// first actor of the verb phrase. Meant for dictionaries read by <see cref="PetrarchVerbReader"/>,
    /// whose patterns rarely mark the target.
    /// </summary>
    public bool TargetFromVerbPhrase { get; init; }

    /// <summary>Events below this confidence are dropped.</summary>
    public double MinConfidence { get; init; }
}
