using Parley.Model;

namespace Parley.Tests.Places;

/// <summary>
/// A minimal tokenizer and sentence splitter for testing and evaluating the geocoder before the project's
/// own (<c>tokenize.rules.v1</c>, <c>segment.rules.v1</c>) is available here. It is passed to
/// <see cref="Parley.Places.PlaceEvaluator"/> as its <c>prepare</c> delegate; the real stages plug into the
/// same seam. Words are runs of letters and digits with inner apostrophes, hyphens and full stops
/// ("d'Ivoire", "Guinea-Bissau", "U.S."), except that a possessive "'s" is split off; every other non-space character is a token of its own.
/// </summary>
internal static class FallbackTokenizer
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "capt", "prof", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "mt", "ft", "inc", "co", "corp",
    };

    /// <summary>Fills <see cref="Document.Tokens"/> and <see cref="Document.Sentences"/>.</summary>
    public static void Prepare(Document document)
    {
        var text = document.Text;
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (!char.IsLetterOrDigit(c))
            {
                tokens.Add(new Token(i, i + 1));
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length)
            {
                if (char.IsLetterOrDigit(text[i]))
                {
                    i++;
                }
                else if (text[i] is '\'' or '\u2019' or '-' or '.' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
                {
                    i++;
                }
                else
                {
                    break;
                }
            }
            // "China's" is "China" + "'s", as in Universal Dependencies.
            if (i - start > 2 && text[i - 1] is 's' or 'S' && text[i - 2] is '\'' or '\u2019')
            {
                tokens.Add(new Token(start, i - 2));
                tokens.Add(new Token(i - 2, i));
                continue;
            }
            // "U.S." and "D.C." keep their final full stop.
            if (i < text.Length && text[i] == '.' && i - start >= 3 && text[i - 2] == '.')
            {
                i++;
            }
            tokens.Add(new Token(start, i));
        }
        document.Tokens = [.. tokens];
        document.Sentences = Split(text, document.Tokens);
        document.AddLayers(Layers.Tokens | Layers.Sentences);
    }

    private static Sentence[] Split(string text, Token[] tokens)
    {
        var sentences = new List<Sentence>();
        var first = 0;
        for (var t = 0; t < tokens.Length; t++)
        {
            var token = tokens[t];
            var c = text[token.Start];
            var ends = token.Length == 1 && c is '.' or '!' or '?';
            if (ends && c == '.' && t > first)
            {
                var previous = text.AsSpan(tokens[t - 1].Start, tokens[t - 1].Length);
                if ((previous.Length == 1 && char.IsUpper(previous[0])) || Abbreviations.Contains(previous.ToString()))
                {
                    ends = false;
                }
            }
            // Closing quotes and brackets stay with the sentence they end.
            var last = t;
            while (ends && last + 1 < tokens.Length && tokens[last + 1].Length == 1
                && text[tokens[last + 1].Start] is '"' or '\u201D' or '\'' or '\u2019' or ')')
            {
                last++;
            }
            if (ends || t == tokens.Length - 1)
            {
                sentences.Add(new Sentence(tokens[first].Start, tokens[last].End, first, last - first + 1));
                first = last + 1;
                t = last;
            }
        }
        return [.. sentences];
    }
}
