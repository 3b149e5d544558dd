using Parley.Processing;

namespace Parley.Tests.Actors;

/// <summary>The model stages (tagger, parser, entities) available in this build, in pipeline order.</summary>
internal static class ResolveModels
{
    public static IReadOnlyList<IStage> Stages() => [];
}
