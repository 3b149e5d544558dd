using Parley.Processing;

namespace Parley.Cli.Tests;

/// <summary>A test of the example article, which is read from the shared data folder; skipped without it.</summary>
public sealed class ExampleArticleFactAttribute : FactAttribute
{
    public ExampleArticleFactAttribute()
    {
        if (Path is null)
        {
            Skip = $"The example article was not found; set {DataPaths.SharedVariable} to run this test.";
        }
    }

    /// <summary>The example article in the shared folder (<c>examples/un-guterres-putin.txt</c>), or null.</summary>
    public static string? Path =>
        DataPaths.ResolveShared() is { } shared && File.Exists(System.IO.Path.Combine(shared, "examples", "un-guterres-putin.txt"))
            ? System.IO.Path.Combine(shared, "examples", "un-guterres-putin.txt")
            : null;
}
