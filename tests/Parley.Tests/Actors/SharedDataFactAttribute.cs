using Parley.Processing;

namespace Parley.Tests.Actors;

/// <summary>A fact that is skipped when the shared data folder (PARLEY_SHARED, or shared/ above the working directory) is absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        // PARLEY_SHARED may name a folder that is not there; only a folder with the PETRARCH data counts.
        if (DataPaths.ResolveShared() is not { } shared || !Directory.Exists(Path.Combine(shared, "petrarch")))
        {
            Skip = $"Shared data not found; set {DataPaths.SharedVariable} to run this test.";
        }
    }
}
