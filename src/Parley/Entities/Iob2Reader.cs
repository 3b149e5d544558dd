namespace Parley.Entities;

/// <summary>
/// Reads IOB2 named-entity files as Universal NER distributes them: <c># sent_id</c> comments, then
/// one token per line (<c>id, form, tag, …</c>, tab-separated), sentences separated by blank lines.
/// </summary>
public static class Iob2Reader
{
    /// <summary>Reads every sentence of a file.</summary>
    public static IEnumerable<Iob2Sentence> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        foreach (var sentence in Read(reader))
        {
            yield return sentence;
        }
    }

    /// <summary>Reads every sentence from a reader.</summary>
    /// <exception cref="FormatException">A token line has fewer than three columns.</exception>
    public static IEnumerable<Iob2Sentence> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? id = null;
        var forms = new List<string>();
        var tags = new List<string>();
        var lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                if (forms.Count > 0)
                {
                    yield return new Iob2Sentence(id, [.. forms], [.. tags]);
                }
                forms.Clear();
                tags.Clear();
                id = null;
                continue;
            }
            if (line[0] == '#')
            {
                if (line.StartsWith("# sent_id = ", StringComparison.Ordinal))
                {
                    id = line[12..];
                }
                continue;
            }
            var cols = line.Split('\t');
            if (cols.Length < 3)
            {
                throw new FormatException($"IOB2 line {lineNumber}: expected at least 3 tab-separated columns, found {cols.Length}.");
            }
            forms.Add(cols[1]);
            tags.Add(cols[2]);
        }
        if (forms.Count > 0)
        {
            yield return new Iob2Sentence(id, [.. forms], [.. tags]);
        }
    }
}
