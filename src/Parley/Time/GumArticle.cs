using System.Globalization;
using System.Text;
using Parley.Model;

namespace Parley.Time;

/// <summary>
/// One article of the GUM corpus in its XML form (one token a line, inline elements for sentences,
/// paragraphs, dates and quotations), with its text rebuilt and the gold spans placed in it. The date
/// and quotation evaluators score over this text.
/// </summary>
/// <remarks>
/// GUM's XML keeps no white space, so the text is rebuilt: tokens are joined by one space except
/// inside a <c>&lt;w&gt;</c> group, before closing punctuation and clitics (<c>,</c> <c>.</c> <c>)</c>
/// <c>'s</c> <c>n't</c>), after opening brackets, after an opening quotation mark and before a closing
/// one (the Penn tags <c>``</c> and <c>''</c> tell which is which). Each <c>&lt;head&gt;</c>,
/// <c>&lt;p&gt;</c>, <c>&lt;caption&gt;</c> and <c>&lt;item&gt;</c> starts a new paragraph after a
/// blank line. The rebuilt text differs from the original only in spacing around rare symbols.
/// </remarks>
public sealed class GumArticle
{
    private GumArticle(string id, string text, DateOnly? created, IReadOnlyList<GumDate> dates, IReadOnlyList<TextSpan> quotes)
    {
        Id = id;
        Text = text;
        Created = created;
        Dates = dates;
        Quotes = quotes;
    }

    /// <summary>The article id (<c>GUM_news_afghan</c>).</summary>
    public string Id { get; }

    /// <summary>The rebuilt text.</summary>
    public string Text { get; }

    /// <summary>The <c>dateCreated</c> of the article's metadata, or null.</summary>
    public DateOnly? Created { get; }

    /// <summary>Gold date spans in text order.</summary>
    public IReadOnlyList<GumDate> Dates { get; }

    /// <summary>Gold <c>&lt;quote&gt;</c> spans in text order, as annotated (quotation marks included when the annotator included them).</summary>
    public IReadOnlyList<TextSpan> Quotes { get; }

    /// <summary>Reads the GUM XML file at <paramref name="path"/>.</summary>
    public static GumArticle Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>Reads one article of GUM XML from <paramref name="reader"/>.</summary>
    /// <exception cref="FormatException">An element closes that was not open.</exception>
    public static GumArticle Read(TextReader reader, string id)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var text = new StringBuilder();
        var dates = new List<GumDate>();
        var quotes = new List<TextSpan>();
        var open = new Stack<(string Name, int Start, string? When)>();
        DateOnly? created = null;
        var newBlock = false;
        var inWord = 0;
        var wordGroup = 0;
        var previousGroup = -1;
        var glueNext = false;
        var lastEnd = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0)
            {
                continue;
            }
            if (line[0] == '<' && line.Length > 1 && line[^1] == '>' && !line.Contains('\t', StringComparison.Ordinal))
            {
                var closing = line[1] == '/';
                var nameEnd = line.IndexOfAny([' ', '>', '/'], closing ? 2 : 1);
                var name = line[(closing ? 2 : 1)..nameEnd];
                if (closing)
                {
                    if (name == "w")
                    {
                        inWord--;
                        continue;
                    }
                    if (name == "text")
                    {
                        continue;
                    }
                    if (open.Count == 0 || open.Peek().Name != name)
                    {
                        throw new FormatException($"{id}: </{name}> closes an element that is not open.");
                    }
                    var element = open.Pop();
                    if (name == "date")
                    {
                        dates.Add(new GumDate(element.Start, lastEnd, element.When));
                    }
                    else if (name == "quote")
                    {
                        quotes.Add(new TextSpan(element.Start, lastEnd));
                    }
                    continue;
                }
                if (name == "text")
                {
                    var value = Attribute(line, "dateCreated");
                    if (value is not null && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    {
                        created = d;
                    }
                    continue;
                }
                if (name == "w")
                {
                    inWord++;
                    wordGroup++;
                    continue;
                }
                if (name is "head" or "p" or "caption" or "item")
                {
                    newBlock = true;
                }
                if (line.EndsWith("/>", StringComparison.Ordinal))
                {
                    continue;
                }
                // The span starts where the next token will; -1 marks "not placed yet".
                open.Push((name, -1, name == "date" ? Attribute(line, "when") : null));
                continue;
            }
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var form = tab < 0 ? line : line[..tab];
            var tag = tab < 0 ? "" : line[(tab + 1)..Math.Max(tab + 1, line.IndexOf('\t', tab + 1) < 0 ? line.Length : line.IndexOf('\t', tab + 1))];
            if (text.Length > 0)
            {
                if (newBlock)
                {
                    text.Append("\n\n");
                }
                else if (!glueNext && !GluesLeft(form, tag) && !(inWord > 0 && previousGroup == wordGroup))
                {
                    text.Append(' ');
                }
            }
            newBlock = false;
            var start = text.Length;
            text.Append(form);
            lastEnd = text.Length;
            PlaceOpen(open, start);
            glueNext = tag == "``" || form is "(" or "[" or "{" or "$" or "#";
            previousGroup = inWord > 0 ? wordGroup : -1;
        }
        return new GumArticle(id, text.ToString(), created, dates, quotes);
    }

    private static void PlaceOpen(Stack<(string Name, int Start, string? When)> open, int start)
    {
        if (open.Count == 0 || open.Peek().Start >= 0)
        {
            return;
        }
        var items = open.ToArray();
        open.Clear();
        for (var i = items.Length - 1; i >= 0; i--)
        {
            open.Push(items[i].Start < 0 ? items[i] with { Start = start } : items[i]);
        }
    }

    private static bool GluesLeft(string form, string tag) =>
        tag == "''" || tag == "POS"
        || form is "," or "." or ";" or ":" or "!" or "?" or ")" or "]" or "}" or "%" or "..."
        || form.StartsWith("n't", StringComparison.OrdinalIgnoreCase)
        || form is "'s" or "'re" or "'ve" or "'ll" or "'d" or "'m" or "’s" or "’re" or "’ve" or "’ll" or "’d" or "’m";

    private static string? Attribute(string line, string name)
    {
        var key = " " + name + "=\"";
        var at = line.IndexOf(key, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }
        var start = at + key.Length;
        var end = line.IndexOf('"', start);
        return end < 0 ? null : line[start..end];
    }
}
