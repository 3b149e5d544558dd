using Parley.Model;

namespace Parley.Text;

/// <summary>
/// Finds sentence boundaries over tokens made by <see cref="EwtTokenizer"/>. A sentence ends after
/// final punctuation (<c>.</c> <c>!</c> <c>?</c> <c>…</c>) together with any closing quotes and
/// brackets glued to it, unless the next word shows the sentence goes on (a lower-case word, a
/// comma); it always ends at a line break and at a removed span. Abbreviations need no test here:
/// the tokenizer keeps a period that does not end a sentence inside its word (<c>Gen.</c>) and gives
/// one that does its own token (<c>U.S</c> + <c>.</c>).
/// </summary>
/// <remarks>
/// Guarantees, for tokens that are ordered and non-overlapping: every token belongs to exactly one
/// sentence; sentences are in order, non-empty and contiguous in token index; a sentence's
/// <c>Start</c> and <c>End</c> are its first token's start and its last token's end. Linear time;
/// stateless and safe to share across threads.
/// </remarks>
public sealed class EwtSentenceSplitter
{
    /// <summary>The shared instance.</summary>
    public static EwtSentenceSplitter Default { get; } = new();

    /// <summary>Splits <paramref name="tokens"/> of <paramref name="text"/> into sentences.</summary>
    public Sentence[] Split(string text, ReadOnlySpan<Token> tokens, IReadOnlyList<RemovedSpan> removed)
    {
        var sentences = new List<Sentence>(tokens.Length / 12 + 1);
        Split(text, tokens, removed, sentences);
        return [.. sentences];
    }

    /// <summary>Appends the sentences of <paramref name="tokens"/> to <paramref name="sentences"/>.</summary>
    /// <param name="text">The text the tokens point into.</param>
    /// <param name="tokens">Ordered, non-overlapping tokens of <paramref name="text"/>.</param>
    /// <param name="removed">Removed spans; a sentence never runs across one.</param>
    /// <param name="sentences">Receives the sentences in order.</param>
    public void Split(string text, ReadOnlySpan<Token> tokens, IReadOnlyList<RemovedSpan> removed, List<Sentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(removed);
        ArgumentNullException.ThrowIfNull(sentences);
        var n = tokens.Length;
        if (n == 0)
        {
            return;
        }
        var cuts = removed.Count == 0 ? null : TextRegions.Merged(text.Length, removed);
        var cut = 0;
        var first = 0;
        var i = 0;
        while (i < n)
        {
            var last = i;
            var boundary = false;
            if (IsTerminal(text, tokens[i]))
            {
                // Closing quotes and brackets glued to the final punctuation belong to the sentence
                // ("… war.” He said"), and so does more final punctuation after them ("(see above?).").
                while (last + 1 < n && tokens[last + 1].Start == tokens[last].End
                    && (IsCloser(text, tokens[last + 1]) || IsTerminal(text, tokens[last + 1])))
                {
                    last++;
                }
                boundary = last + 1 >= n || !Continues(text, tokens, first, i, last);
            }
            else if (IsEmoticon(text, tokens[i]) && last + 1 < n && char.IsUpper(text[tokens[last + 1].Start]))
            {
                // "… with the project :-) Posted by …": a smiley closes what comes before it.
                boundary = true;
            }
            if (!boundary)
            {
                if (last + 1 >= n)
                {
                    boundary = true;
                }
                else
                {
                    var gapStart = tokens[last].End;
                    var gapEnd = tokens[last + 1].Start;
                    boundary = HasLineBreak(text, gapStart, gapEnd) || Crosses(cuts, ref cut, gapStart, gapEnd)
                        || MessageBoundary(text, tokens, first, last);
                }
            }
            if (boundary)
            {
                sentences.Add(new Sentence(tokens[first].Start, tokens[last].End, first, last - first + 1));
                first = last + 1;
            }
            i = last + 1;
        }
    }

    /// <summary>
    /// True when the word after a sentence-final punctuation mark shows the sentence goes on.
    /// </summary>
    private static bool Continues(string text, ReadOnlySpan<Token> tokens, int first, int terminalIndex, int lastIndex)
    {
        var terminal = tokens[terminalIndex];
        var last = tokens[lastIndex];
        var next = tokens[lastIndex + 1];
        // A list number opens its item: "1. The pricing …", "b. Second point".
        if (terminalIndex == first + 1 && terminal.Length == 1 && text[terminal.Start] == '.' && IsListLabel(text, tokens[first]))
        {
            return true;
        }
        // Spaced ellipses and repeated marks ("the region . . .", "what ? ?") stay together.
        if (next.Length == 1 && IsTerminal(text, next))
        {
            return true;
        }
        var c = text[next.Start];
        if (c is ',' or ';' or ':' or ')' or ']' or '}' or '-' or '\u2013' or '\u2014')
        {
            return true;
        }
        if (!char.IsLower(c))
        {
            return false;
        }
        // A lower-case word continues the sentence only after an ellipsis ("wait... then it") or a
        // quotation closed by its own mark ("Why?" he asked). After a bare period, question or
        // exclamation mark, EWT starts a new sentence even when the writer did not capitalise it.
        if (last.End != terminal.End)
        {
            return true;
        }
        var mark = text.AsSpan(terminal.Start, terminal.Length);
        var spacedEllipsis = terminalIndex > first && tokens[terminalIndex - 1].Length == 1 && IsTerminal(text, tokens[terminalIndex - 1]);
        return spacedEllipsis || mark.Contains("..", StringComparison.Ordinal) || mark.Contains('\u2026');
    }

    /// <summary>
    /// Boundaries that web and e-mail text marks without punctuation: between two links; before
    /// and after the "date time AM" stamp of a forwarded message header; after a sign-off
    /// ("Thanks," "Best regards,") that stands at the start of a sentence, before the name.
    /// </summary>
    private static bool MessageBoundary(string text, ReadOnlySpan<Token> tokens, int first, int last)
    {
        var next = tokens[last + 1];
        if (IsLink(text, tokens[last]) && IsLink(text, next))
        {
            return true;
        }
        if (last + 2 < tokens.Length && IsSlashDate(text, next) && IsClockTime(text, tokens[last + 2])
            && !char.IsLower(text[tokens[last].Start]))
        {
            return true;
        }
        var word = text.AsSpan(tokens[last].Start, tokens[last].Length);
        if (IsRule(word) && (char.IsUpper(text[next.Start]) || text[next.Start] == '"'))
        {
            return true;
        }
        if (word is "-" or "--" or "\u2014" or "\u2013" && IsDateline(text, tokens, first, last))
        {
            return true;
        }
        if (word is "AM" or "PM" or "am" or "pm" && last > first && IsClockTime(text, tokens[last - 1]) && char.IsUpper(text[next.Start]))
        {
            return true;
        }
        if (word is "," && last > first && last - first <= 2 && char.IsUpper(text[next.Start]))
        {
            var signOff = text.AsSpan(tokens[first].Start, tokens[last - 1].End - tokens[first].Start);
            return signOff is "Thanks" or "Thank you" or "Regards" or "Best" or "Best regards" or "Kind regards"
                or "Warm regards" or "Best wishes" or "Sincerely" or "Cheers" or "Cordially" or "Respectfully"
                or "Love" or "Take care" or "Many thanks" or "Yours" or "Yours truly";
        }
        return false;
    }

    /// <summary>
    /// True when tokens <c>[first, dash)</c> form a news dateline ("MOSCOW (AP)", "KYIV, Ukraine"):
    /// a word in capitals, then only capitalised words, commas and a bracketed agency.
    /// </summary>
    private static bool IsDateline(string text, ReadOnlySpan<Token> tokens, int first, int dash)
    {
        if (dash - first < 1 || dash - first > 8 || !IsCapitals(text, tokens[first]))
        {
            return false;
        }
        // A bare "WORD -" is as often a shouted heading ("BIG MISTAKE - The food …"); a dateline
        // names its agency in brackets or its place with a comma.
        var marked = false;
        for (var k = first + 1; k < dash; k++)
        {
            var c = text[tokens[k].Start];
            if (!(char.IsUpper(c) || (tokens[k].Length == 1 && c is ',' or '(' or ')')))
            {
                return false;
            }
            marked |= tokens[k].Length == 1 && c is ',' or '(';
        }
        return marked;
    }

    private static bool IsCapitals(string text, Token token)
    {
        if (token.Length < 2)
        {
            return false;
        }
        for (var k = token.Start; k < token.End; k++)
        {
            if (!char.IsUpper(text[k]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A drawn line ("=====", "*****", "_____") that separates parts of a message.</summary>
    private static bool IsRule(ReadOnlySpan<char> word)
    {
        if (word.Length < 4 || word[0] is not ('*' or '=' or '_' or '-' or '~' or '#' or '+'))
        {
            return false;
        }
        foreach (var c in word)
        {
            if (c != word[0])
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsLink(string text, Token token)
    {
        var form = text.AsSpan(token.Start, token.Length);
        return form.StartsWith("http", StringComparison.OrdinalIgnoreCase) || form.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A numeric date such as 08/16/2000 or 3/9/05.</summary>
    private static bool IsSlashDate(string text, Token token)
    {
        var slashes = 0;
        for (var k = token.Start; k < token.End; k++)
        {
            var c = text[k];
            if (c == '/')
            {
                slashes++;
            }
            else if (!CharClass.IsDigit(c))
            {
                return false;
            }
        }
        return slashes == 2 && token.Length >= 6;
    }

    /// <summary>A clock time such as 03:48 or 11:16:00.</summary>
    private static bool IsClockTime(string text, Token token)
    {
        if (token.Length < 4 || token.Length > 8)
        {
            return false;
        }
        var colons = 0;
        for (var k = token.Start; k < token.End; k++)
        {
            var c = text[k];
            if (c == ':')
            {
                colons++;
            }
            else if (!CharClass.IsDigit(c))
            {
                return false;
            }
        }
        return colons is 1 or 2;
    }

    private static bool IsListLabel(string text, Token token)
    {
        if (token.Length == 1 && CharClass.IsLetter(text[token.Start]))
        {
            return true;
        }
        if (token.Length > 2)
        {
            return false;
        }
        for (var k = token.Start; k < token.End; k++)
        {
            if (!CharClass.IsDigit(text[k]))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsEmoticon(string text, Token token)
    {
        if (token.Length < 2 || token.Length > 3 || text[token.Start] is not (':' or ';' or '='))
        {
            return false;
        }
        return text[token.End - 1] is ')' or '(' or 'D' or 'P' or 'p';
    }

    private static bool IsTerminal(string text, Token token)
    {
        for (var k = token.Start; k < token.End; k++)
        {
            if (!CharClass.IsTerminal(text[k]))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsCloser(string text, Token token)
    {
        for (var k = token.Start; k < token.End; k++)
        {
            if (!CharClass.IsClosing(text[k]))
            {
                return false;
            }
        }
        return true;
    }

    private static bool HasLineBreak(string text, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            if (CharClass.IsLineBreak(text[k]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when a removed span lies in the gap <c>[start, end)</c>; gaps come in text order.</summary>
    private static bool Crosses(List<TextSpan>? cuts, ref int cut, int start, int end)
    {
        if (cuts is null)
        {
            return false;
        }
        while (cut < cuts.Count && cuts[cut].End <= start)
        {
            cut++;
        }
        return cut < cuts.Count && cuts[cut].Start < end;
    }
}
