namespace Parley.Tests.Actors;

/// <summary>Tests that measure time run alone, so that other tests do not share their processor time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimedCollection
{
    public const string Name = "Timed";
}
