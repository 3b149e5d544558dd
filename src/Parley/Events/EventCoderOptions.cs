namespace Parley.Events;

/// <summary>Settings of the <see cref="EventCoder"/>.</summary>
public sealed record EventCoderOptions
{
    /// <summary>
    /// When true, an event needs an actor on both sides (source and target). When false (the
    /// default) one side is enough; an event with no actor on either side is never coded.
    /// </summary>
    public bool RequireDyad { get; init; }

    /// <summary>Events below this confidence are dropped.</summary>
    public double MinConfidence { get; init; }
}
