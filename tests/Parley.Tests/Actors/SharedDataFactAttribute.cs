using Parley.Processing;

namespace Parley.Tests.Actors;

/// <summary>A fact that is skipped when the shared data folder (PARLEY_SHARED, or shared/ above the working directory) is absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (DataPaths.ResolveShared() is null)
        {
            Skip = $"Shared data not found; set {DataPaths.SharedVariable} to run this test.";
        }
    }
}
