namespace Parley.Tests.Syntax;

/// <summary>Where the repository's shipped files and the shared corpora are, seen from the test binaries.</summary>
internal static class TestPaths
{
    public static string Repository { get; } = FindRepository();

    public static string File(string relative) => Path.Combine(Repository, relative);

    /// <summary>The corpora folder: <c>PARLEY_CORPORA</c> if set, else <c>../shared/corpora</c> beside the repository.</summary>
    public static string Corpora =>
        Environment.GetEnvironmentVariable("PARLEY_CORPORA") is { Length: > 0 } set ? set
        : Path.GetFullPath(Path.Combine(Repository, "..", "shared", "corpora"));

    private static string FindRepository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
