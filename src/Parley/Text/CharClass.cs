using System.Globalization;
using System.Text;

namespace Parley.Text;

/// <summary>Character tests shared by the tokenizer and the sentence splitter.</summary>
internal static class CharClass
{
    /// <summary>
    /// True for characters that separate tokens and are never part of one: white space, control
    /// characters (NUL included) and invisible joiners that web text scatters between words.
    /// </summary>
    public static bool IsSeparator(char c) =>
        c <= ' ' || char.IsWhiteSpace(c) || char.IsControl(c) || c == '\u200B' || c == '\uFEFF' || c == '\u2060';

    /// <summary>True for characters that end a line.</summary>
    public static bool IsLineBreak(char c) =>
        c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085' or '\v' or '\f';

    /// <summary>
    /// Width (1 or 2) of a word character at <paramref name="i"/>, or 0 when the character there is
    /// not part of a word. A surrogate pair counts as one character of its code point's category; a
    /// lone surrogate is never a word character.
    /// </summary>
    public static int WordCharWidth(string text, int i, int end)
    {
        var c = text[i];
        if (c < 0x80)
        {
            return (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '_' ? 1 : 0;
        }
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 < end && char.IsLowSurrogate(text[i + 1]))
            {
                var rune = new Rune(c, text[i + 1]);
                return Rune.IsLetterOrDigit(rune) || IsMark(Rune.GetUnicodeCategory(rune)) ? 2 : 0;
            }
            return 0;
        }
        if (char.IsLowSurrogate(c))
        {
            return 0;
        }
        return char.IsLetterOrDigit(c) || IsMark(CharUnicodeInfo.GetUnicodeCategory(c)) ? 1 : 0;
    }

    /// <summary>True when the character is a letter (BMP only).</summary>
    public static bool IsLetter(char c) => c < 0x80 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' : char.IsLetter(c);

    /// <summary>True for an ASCII digit; only these make numbers with separators.</summary>
    public static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    /// <summary>True for a letter or ASCII digit.</summary>
    public static bool IsAlnum(char c) => IsDigit(c) || IsLetter(c);

    /// <summary>Apostrophes that introduce English clitics (<c>'s</c>, <c>n't</c>): straight, curly and the backtick.</summary>
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '`';

    /// <summary>Quote characters of the single family, grouped into one token when repeated (<c>''</c>).</summary>
    public static bool IsSingleQuote(char c) => c is '\'' or '\u2018' or '\u2019' or '`' or '\u201B';

    /// <summary>Punctuation that can close a sentence-final quotation or parenthesis.</summary>
    public static bool IsClosing(char c) =>
        c is '"' or '\'' or '\u201D' or '\u2019' or ')' or ']' or '}' or '\u00BB' or '\u203A' or '`';

    /// <summary>Punctuation that can open a quotation or parenthesis before a sentence's first word.</summary>
    public static bool IsOpening(char c) =>
        c is '"' or '\'' or '\u201C' or '\u2018' or '(' or '[' or '{' or '\u00AB' or '\u2039' or '`';

    /// <summary>True for characters that end a sentence when they form a token on their own.</summary>
    public static bool IsTerminal(char c) => c is '.' or '!' or '?' or '\u2026' or '\u203C' or '\u2047' or '\u2048' or '\u2049';

    private static bool IsMark(UnicodeCategory category) =>
        category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
