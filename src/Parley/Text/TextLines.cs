using Parley.Model;

namespace Parley.Text;

/// <summary>Splits text into lines at <c>\n</c> and trims white space, keeping offsets into the text.</summary>
public static class TextLines
{
    /// <summary>
    /// The non-blank lines of <paramref name="text"/>, trimmed, in order, at most
    /// <paramref name="maxLength"/> code units long (longer lines are skipped).
    /// </summary>
    public static List<TextSpan> Trimmed(string text, int maxLength = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<TextSpan>();
        var start = 0;
        while (start <= text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            var s = start;
            var e = end;
            while (s < e && char.IsWhiteSpace(text[s]))
            {
                s++;
            }
            while (e > s && char.IsWhiteSpace(text[e - 1]))
            {
                e--;
            }
            if (e > s && e - s <= maxLength)
            {
                lines.Add(new TextSpan(s, e));
            }
            if (newline < 0)
            {
                break;
            }
            start = newline + 1;
        }
        return lines;
    }
}
