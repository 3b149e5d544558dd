namespace Parley.Ingest.Tests;

/// <summary>Finds files of the shared data folder, which is kept outside the repository.</summary>
internal static class SharedData
{
    public static string? Find(string relative)
    {
        var configured = Environment.GetEnvironmentVariable("PARLEY_SHARED");
        if (!string.IsNullOrEmpty(configured))
        {
            var candidate = Path.Combine(configured, relative);
            return File.Exists(candidate) ? candidate : null;
        }
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Parley.slnx")))
            {
                var candidate = Path.Combine(directory.FullName, "..", "shared", relative);
                return File.Exists(candidate) ? candidate : null;
            }
        }
        return null;
    }
}
