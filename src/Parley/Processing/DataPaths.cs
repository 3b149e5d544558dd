namespace Parley.Processing;

/// <summary>
/// Finds Parley's own data folder (models, lexicons, gazetteer: the repository's <c>data/</c>) and the
/// shared corpora folder (<c>../shared</c> beside the repository), so that commands work from any
/// working directory.
/// </summary>
public static class DataPaths
{
    /// <summary>Environment variable that overrides where <c>data/</c> is.</summary>
    public const string DataVariable = "PARLEY_DATA";

    /// <summary>Environment variable that overrides where the shared corpora are.</summary>
    public const string SharedVariable = "PARLEY_SHARED";

    /// <summary>
    /// The data folder: <paramref name="explicitPath"/>, else <c>$PARLEY_DATA</c>, else the nearest
    /// <c>data/</c> holding <c>SOURCES.md</c> above the program or the working directory; null if none.
    /// </summary>
    public static string? ResolveData(string? explicitPath = null)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return Path.GetFullPath(explicitPath);
        }
        var fromEnvironment = Environment.GetEnvironmentVariable(DataVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }
        return FindUpwards(AppContext.BaseDirectory, "data", "SOURCES.md")
            ?? FindUpwards(Directory.GetCurrentDirectory(), "data", "SOURCES.md");
    }

    /// <summary>
    /// The shared corpora folder: <paramref name="explicitPath"/>, else <c>$PARLEY_SHARED</c>, else the
    /// nearest <c>shared/</c> beside a folder above the working directory or the program; null if none.
    /// </summary>
    public static string? ResolveShared(string? explicitPath = null)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return Path.GetFullPath(explicitPath);
        }
        var fromEnvironment = Environment.GetEnvironmentVariable(SharedVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }
        return FindUpwards(Directory.GetCurrentDirectory(), "shared", "DESIGN.md")
            ?? FindUpwards(AppContext.BaseDirectory, "shared", "DESIGN.md");
    }

    private static string? FindUpwards(string start, string folder, string marker)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, folder);
            if (File.Exists(Path.Combine(candidate, marker)))
            {
                return candidate;
            }
        }
        return null;
    }
}
