using System.Globalization;

namespace Parley.Syntax;

/// <summary>Reads CoNLL-U files (https://universaldependencies.org/format.html) sentence by sentence.</summary>
public static class ConlluReader
{
    /// <summary>Reads every sentence of a file.</summary>
    public static IEnumerable<ConlluSentence> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        foreach (var sentence in Read(reader))
        {
            yield return sentence;
        }
    }

    /// <summary>Reads every sentence from a reader.</summary>
    /// <exception cref="FormatException">A token line does not have ten columns or a numeric head.</exception>
    public static IEnumerable<ConlluSentence> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var words = new List<ConlluWord>();
        var mwts = new List<ConlluMultiwordToken>();
        string? sentId = null, text = null;
        bool newDoc = false, newPar = false;
        var lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                if (words.Count > 0)
                {
                    yield return new ConlluSentence
                    {
                        SentenceId = sentId, Text = text, NewDocument = newDoc, NewParagraph = newPar || newDoc,
                        Words = [.. words], MultiwordTokens = [.. mwts],
                    };
                }
                words.Clear();
                mwts.Clear();
                sentId = text = null;
                newDoc = newPar = false;
                continue;
            }
            if (line[0] == '#')
            {
                if (line.StartsWith("# sent_id = ", StringComparison.Ordinal))
                {
                    sentId = line[12..];
                }
                else if (line.StartsWith("# text = ", StringComparison.Ordinal))
                {
                    text = line[9..];
                }
                else if (line.StartsWith("# newdoc", StringComparison.Ordinal))
                {
                    newDoc = true;
                }
                else if (line.StartsWith("# newpar", StringComparison.Ordinal))
                {
                    newPar = true;
                }
                continue;
            }
            var cols = line.Split('\t');
            if (cols.Length != 10)
            {
                throw new FormatException($"CoNLL-U line {lineNumber}: expected 10 tab-separated columns, found {cols.Length}.");
            }
            var id = cols[0];
            if (id.Contains('.', StringComparison.Ordinal))
            {
                continue; // empty node (enhanced UD); not part of the basic tree
            }
            var dash = id.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0)
            {
                mwts.Add(new ConlluMultiwordToken(
                    ParseInt(id[..dash], lineNumber), ParseInt(id[(dash + 1)..], lineNumber), cols[1], cols[9]));
                continue;
            }
            words.Add(new ConlluWord(ParseInt(id, lineNumber), cols[1], cols[2], cols[3], cols[4], cols[5],
                cols[6] == "_" ? -1 : ParseInt(cols[6], lineNumber), cols[7], cols[9]));
        }
        if (words.Count > 0)
        {
            yield return new ConlluSentence
            {
                SentenceId = sentId, Text = text, NewDocument = newDoc, NewParagraph = newPar || newDoc,
                Words = [.. words], MultiwordTokens = [.. mwts],
            };
        }
    }

    private static int ParseInt(string value, int lineNumber) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new FormatException($"CoNLL-U line {lineNumber}: '{value}' is not a number.");
}
