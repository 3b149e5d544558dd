using System.Globalization;
using System.Text;

namespace Parley.Store.Export;

/// <summary>Writes rows as CSV (RFC 4180 quoting) or as GDELT's tab-separated lines.</summary>
public static class DelimitedText
{
    /// <summary>A value as text: invariant numbers, empty for null.</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>One CSV line (without its line break).</summary>
    public static string CsvLine(IEnumerable<object?> values)
    {
        var line = new StringBuilder();
        var first = true;
        foreach (var value in values)
        {
            if (!first)
            {
                line.Append(',');
            }
            first = false;
            var text = Format(value);
            if (text.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                line.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                line.Append(text);
            }
        }
        return line.ToString();
    }

    /// <summary>One tab-separated line; tabs and line breaks inside values become spaces, as GDELT files have none.</summary>
    public static string TabLine(IEnumerable<object?> values)
    {
        var line = new StringBuilder();
        var first = true;
        foreach (var value in values)
        {
            if (!first)
            {
                line.Append('\t');
            }
            first = false;
            line.Append(Format(value).Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' '));
        }
        return line.ToString();
    }
}
