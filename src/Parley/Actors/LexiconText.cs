namespace Parley.Actors;

/// <summary>
/// How lexicon phrases and text tokens are made comparable: lower case, Latin diacritics folded
/// ("Élysée" = "elysee"), typographic apostrophes and dashes made plain. The same function runs
/// when the lexicon is built and on every token looked up, so the two always agree.
/// </summary>
internal static class LexiconText
{
    private const int FoldStart = 0xC0;
    private static readonly char[] Fold = BuildFoldTable();

    /// <summary>Tokens longer than this are normalised on the heap instead of the stack.</summary>
    public const int StackLimit = 128;

    public static int Normalize(ReadOnlySpan<char> source, Span<char> destination)
    {
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = NormalizeChar(source[i]);
        }
        return source.Length;
    }

    public static string Normalize(ReadOnlySpan<char> source)
    {
        var buffer = source.Length <= StackLimit ? stackalloc char[source.Length] : new char[source.Length];
        Normalize(source, buffer);
        return new string(buffer);
    }

    public static char NormalizeChar(char c)
    {
        if (c < 0x80)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }
        switch (c)
        {
            case '\u2018' or '\u2019' or '\u02BC' or '\u00B4' or '\u0060':
                return '\'';
            case '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014':
                return '-';
            case '\u201C' or '\u201D':
                return '"';
            case '\u0218' or '\u0219':
                return 's';
            case '\u021A' or '\u021B':
                return 't';
        }
        if (c >= FoldStart && c < FoldStart + Fold.Length && Fold[c - FoldStart] != '\0')
        {
            return Fold[c - FoldStart];
        }
        return char.ToLowerInvariant(c);
    }

    /// <summary>Splits a lexicon phrase into tokens at white space and underscores (PETRARCH joins words with '_').</summary>
    public static List<string> SplitPhrase(string phrase)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= phrase.Length; i++)
        {
            var boundary = i == phrase.Length || char.IsWhiteSpace(phrase[i]) || phrase[i] == '_';
            if (boundary)
            {
                if (start >= 0)
                {
                    tokens.Add(phrase[start..i]);
                    start = -1;
                }
            }
            else if (start < 0)
            {
                start = i;
            }
        }
        return tokens;
    }

    /// <summary>The phrase's words (split at white space and '_') joined by single spaces, case kept.</summary>
    public static string JoinWords(string phrase) => string.Join(' ', SplitPhrase(phrase));

    /// <summary>
    /// A phrase in stored form: normalised, words split at white space and '_' and joined by
    /// single spaces; empty when the phrase has no words.
    /// </summary>
    public static string NormalizePhrase(ReadOnlySpan<char> phrase)
    {
        var buffer = phrase.Length <= StackLimit ? stackalloc char[phrase.Length] : new char[phrase.Length];
        var length = 0;
        var pendingSpace = false;
        foreach (var c in phrase)
        {
            if (char.IsWhiteSpace(c) || c == '_')
            {
                pendingSpace = length > 0;
                continue;
            }
            if (pendingSpace)
            {
                buffer[length++] = ' ';
                pendingSpace = false;
            }
            buffer[length++] = NormalizeChar(c);
        }
        return new string(buffer[..length]);
    }

    /// <summary>
    /// The stored forms of a phrase (words joined by single spaces): as written, with inner
    /// hyphens split off ("al-Qaeda" → "al - Qaeda", as an EWT-style tokenizer splits it), and with
    /// possessives split off ("People's" → "People 's"), and with the final period of an
    /// abbreviation dropped ("U.S." → "U.S", as before a sentence-final period).
    /// </summary>
    public static List<string> Variants(string key)
    {
        var variants = new List<string>(1) { key };
        if (key.Contains('-'))
        {
            AddDistinct(variants, SplitHyphens(key));
        }
        if (key.Contains('\'') || key.Contains('\u2019'))
        {
            var count = variants.Count;
            for (var v = 0; v < count; v++)
            {
                AddDistinct(variants, SplitPossessives(variants[v]));
            }
        }
        var withoutPeriods = variants.Count;
        for (var v = 0; v < withoutPeriods; v++)
        {
            var variant = variants[v];
            var lastStart = variant.LastIndexOf(' ') + 1;
            var last = variant.AsSpan(lastStart);
            if (last.Length > 2 && last[^1] == '.' && last.IndexOf('.') < last.Length - 1)
            {
                AddDistinct(variants, variant[..^1]);
            }
        }
        return variants;
    }

    private static void AddDistinct(List<string> variants, string variant)
    {
        if (!variants.Contains(variant))
        {
            variants.Add(variant);
        }
    }

    // "People's Army" → "People 's Army", "Workers' Party" → "Workers ' Party": the tokenizer splits possessives off.
    private static string SplitPossessives(string key)
    {
        var words = key.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (word.Length > 2 && word[^2] is '\'' or '\u2019' && word[^1] is 's' or 'S')
            {
                words[i] = word[..^2] + " " + word[^2..];
            }
            else if (word.Length > 1 && word[^1] is '\'' or '\u2019')
            {
                words[i] = word[..^1] + " " + word[^1..];
            }
        }
        return string.Join(' ', words);
    }

    // "al-qaeda" → "al - qaeda"; a hyphen at either end of a word stays.
    private static string SplitHyphens(string key)
    {
        var builder = new System.Text.StringBuilder(key.Length + 8);
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            var inner = c == '-' && i > 0 && key[i - 1] != ' ' && i + 1 < key.Length && key[i + 1] != ' ';
            if (inner)
            {
                builder.Append(" - ");
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private static char[] BuildFoldTable()
    {
        var table = new char[0x180 - FoldStart];
        void Range(int from, int to, char letter)
        {
            for (var c = from; c <= to; c++)
            {
                table[c - FoldStart] = letter;
            }
        }
        // Latin-1 Supplement letters.
        Range(0xC0, 0xC5, 'a'); Range(0xC7, 0xC7, 'c'); Range(0xC8, 0xCB, 'e'); Range(0xCC, 0xCF, 'i');
        Range(0xD0, 0xD0, 'd'); Range(0xD1, 0xD1, 'n'); Range(0xD2, 0xD6, 'o'); Range(0xD8, 0xD8, 'o');
        Range(0xD9, 0xDC, 'u'); Range(0xDD, 0xDD, 'y');
        Range(0xE0, 0xE5, 'a'); Range(0xE7, 0xE7, 'c'); Range(0xE8, 0xEB, 'e'); Range(0xEC, 0xEF, 'i');
        Range(0xF0, 0xF0, 'd'); Range(0xF1, 0xF1, 'n'); Range(0xF2, 0xF6, 'o'); Range(0xF8, 0xF8, 'o');
        Range(0xF9, 0xFC, 'u'); Range(0xFD, 0xFD, 'y'); Range(0xFF, 0xFF, 'y');
        // Latin Extended-A, in upper/lower pairs.
        Range(0x100, 0x105, 'a'); Range(0x106, 0x10D, 'c'); Range(0x10E, 0x111, 'd'); Range(0x112, 0x11B, 'e');
        Range(0x11C, 0x123, 'g'); Range(0x124, 0x127, 'h'); Range(0x128, 0x131, 'i'); Range(0x134, 0x135, 'j');
        Range(0x136, 0x138, 'k'); Range(0x139, 0x142, 'l'); Range(0x143, 0x14B, 'n'); Range(0x14C, 0x151, 'o');
        Range(0x154, 0x159, 'r'); Range(0x15A, 0x161, 's'); Range(0x162, 0x167, 't'); Range(0x168, 0x173, 'u');
        Range(0x174, 0x175, 'w'); Range(0x176, 0x178, 'y'); Range(0x179, 0x17E, 'z'); Range(0x17F, 0x17F, 's');
        return table;
    }
}
