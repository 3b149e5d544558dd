namespace Parley.Ingest;

/// <summary>
/// Walks a directory tree in a deterministic order: in each directory, entries sorted by ordinal name,
/// a subdirectory read in full where its name falls. Only one directory's names are listed at a time
/// and files are handed out one by one, so a directory of many files is never loaded at once.
/// Names starting with '.' (.git, .DS_Store) are skipped: they are never articles.
/// </summary>
internal static class InputWalker
{
    /// <summary>The files under <paramref name="directory"/>; an entry with an error is a directory that could not be listed.</summary>
    public static IEnumerable<(string Path, Exception? Error)> EnumerateFiles(string directory)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        return Walk(directory, visited);
    }

    private static IEnumerable<(string Path, Exception? Error)> Walk(string directory, HashSet<string> visited)
    {
        string[] entries;
        Exception? error = null;
        try
        {
            // A linked directory that leads back up the tree would otherwise be walked forever.
            var real = new DirectoryInfo(directory).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(directory);
            entries = visited.Add(real) ? Directory.GetFileSystemEntries(directory) : [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            entries = [];
            error = ex;
        }
        if (error is not null)
        {
            yield return (directory, error);
            yield break;
        }
        Array.Sort(entries, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (Path.GetFileName(entry).StartsWith('.'))
            {
                continue;
            }
            if (Directory.Exists(entry))
            {
                foreach (var file in Walk(entry, visited))
                {
                    yield return file;
                }
            }
            else
            {
                yield return (entry, null);
            }
        }
    }
}
