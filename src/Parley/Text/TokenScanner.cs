using System.Collections.Frozen;
using Parley.Model;

namespace Parley.Text;

/// <summary>
/// One left-to-right pass of <see cref="EwtTokenizer"/> over a region of text. Every method that
/// consumes text returns a position strictly after the one it was given, so the pass terminates,
/// and look-ahead is either bounded or consumed, so it is linear.
/// </summary>
internal struct TokenScanner
{
    // EWT splits hyphens between words into their own token ("al - Qaeda", "well - known": 730
    // HYPH tokens in train and dev) and keeps them inside a word mainly after these prefixes
    // ("e-mail", "non-violence", "co-workers") and in phone numbers (437 such words).
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HyphenPrefixes =
        FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
            "e", "non", "co", "pre", "post", "re", "anti", "pro", "mid", "multi", "neo", "semi", "ex", "sub",
            "socio", "over", "cross", "intra", "inter", "counter", "arch", "psycho", "bi", "un", "de", "mis")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    // Last labels that make "word.word" a host or file name kept whole ("Spacetoday.net", "plan.doc").
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NameExtensions =
        FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
            "com", "org", "net", "gov", "edu", "mil", "info", "biz", "io", "uk", "ca", "au", "ru", "cn", "jp",
            "eu", "tv", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "pdf", "txt", "htm", "html", "php", "asp",
            "aspx", "jpg", "jpeg", "gif", "png", "zip", "exe", "csv", "xml", "mp3", "wav")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    // Contractions typed without an apostrophe and fused forms, with where EWT splits them
    // (measured on the train and dev files: each is split in most of its occurrences).
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> FusedForms =
        new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
        {
            ["cannot"] = 3, ["gonna"] = 3, ["wanna"] = 3, ["gotta"] = 3, ["outta"] = 3, ["im"] = 1, ["ive"] = 1,
            ["dont"] = 2, ["didnt"] = 3, ["doesnt"] = 4, ["isnt"] = 2, ["wasnt"] = 3, ["werent"] = 4, ["arent"] = 3,
            ["havent"] = 4, ["hasnt"] = 3, ["hadnt"] = 3, ["couldnt"] = 5, ["wouldnt"] = 5, ["shouldnt"] = 6,
            ["wont"] = 2, ["cant"] = 2, ["aint"] = 2, ["mustnt"] = 4, ["thats"] = 4, ["whats"] = 4, ["theres"] = 5,
            ["heres"] = 4, ["lets"] = 3, ["youre"] = 3, ["theyre"] = 4, ["youll"] = 3, ["itll"] = 2,
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // Words that follow "it's" but hardly ever the possessive "its" (measured on EWT train and dev).
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AfterItIs =
        FrozenSet.Create(StringComparer.Ordinal,
            "a", "an", "the", "not", "really", "simply", "very", "all", "like", "still", "kind", "just", "also",
            "only", "been", "definitely", "now", "in", "for", "from", "getting", "gonna", "going", "pretty", "too",
            "always", "never", "probably", "actually", "nothing", "ok", "okay", "your", "my", "about", "because")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly string _text;
    private readonly int _end;
    private readonly List<Token> _words;
    private readonly List<TextSpan>? _surface;
    // Word starts before this position are known not to begin an e-mail address or host name.
    private int _plainUntil;
    // True between an opening single quote and its closing one (or the end of the line): a trailing
    // apostrophe then closes the quotation instead of marking a plural possessive.
    private bool _quoted;

    public TokenScanner(string text, int end, List<Token> words, List<TextSpan>? surface)
    {
        _text = text;
        _end = end;
        _words = words;
        _surface = surface;
        _plainUntil = 0;
        _quoted = false;
    }

    public void Run(int start)
    {
        var p = start;
        while (p < _end)
        {
            if (CharClass.IsSeparator(_text[p]))
            {
                if (CharClass.IsLineBreak(_text[p]))
                {
                    _quoted = false;
                }
                p++;
                continue;
            }
            var chunkEnd = p + 1;
            while (chunkEnd < _end && !CharClass.IsSeparator(_text[chunkEnd]))
            {
                chunkEnd++;
            }
            Chunk(p, chunkEnd);
            p = chunkEnd;
        }
    }

    /// <summary>Splits one run of non-separator characters <c>[s, e)</c>.</summary>
    private void Chunk(int s, int e)
    {
        var p = s;
        while (p < e)
        {
            p = CharClass.WordCharWidth(_text, p, e) > 0 ? Word(p, e) : Punct(p, e);
        }
    }

    private int Word(int p, int e)
    {
        if (IsUrlStart(p, e))
        {
            var q = e;
            var open = 0;
            for (var i = p; i < e; i++)
            {
                open += _text[i] == '(' ? 1 : _text[i] == ')' ? -1 : 0;
            }
            // Trailing punctuation belongs to the sentence, except a ')' that closes a '(' inside
            // the address ("https://en.wikipedia.org/wiki/Kyiv_(city)").
            while (q > p + 4 && IsUrlTrailing(_text[q - 1]) && !(_text[q - 1] == ')' && open >= 0))
            {
                if (_text[q - 1] == ')')
                {
                    open++;
                }
                q--;
            }
            Emit(p, q);
            return q;
        }
        if (p >= _plainUntil)
        {
            var special = AddressOrFileName(p, e);
            if (special > p)
            {
                Emit(p, special);
                return special;
            }
        }
        var initials = Initials(p, e);
        return initials > p ? initials : PlainWord(p, e);
    }

    private readonly bool IsUrlStart(int p, int e)
    {
        if (e - p < 4 || (_text[p] | 0x20) is not ('h' or 'f' or 'm' or 'w'))
        {
            return false;
        }
        var rest = _text.AsSpan(p, e - p);
        return rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
            || (rest.Length > 4 && rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && CharClass.IsAlnum(rest[4]));
    }

    private static bool IsUrlTrailing(char c) =>
        c is '.' or ',' or ';' or ':' or '!' or '?' or '"' or '\'' or '\u201D' or '\u2019' or ')' or ']' or '}' or '>';

    /// <summary>
    /// The end of an e-mail address (<c>jane.doe@example.com</c>, <c>Rice@ENRON</c>) or a host or file
    /// name (<c>Spacetoday.net</c>, <c>report.doc</c>) starting at <paramref name="p"/>, or -1.
    /// </summary>
    private int AddressOrFileName(int p, int e)
    {
        var r = p;
        var at = -1;
        var dots = false;
        while (r < e)
        {
            var c = _text[r];
            if (CharClass.IsAlnum(c) || c is '_' or '-' or '%' or '+')
            {
                r++;
            }
            else if (c == '.')
            {
                dots = true;
                r++;
            }
            else if (c == '@' && at < 0)
            {
                at = r++;
            }
            else
            {
                break;
            }
        }
        var t = r;
        while (t > p && _text[t - 1] is '.' or '-')
        {
            t--;
        }
        // Mailing-list archives print addresses shortened before the '@' ("franz371...@gmail.com").
        if (at > p && at + 1 < t && (CharClass.IsAlnum(_text[at - 1]) || _text[at - 1] == '.') && CharClass.IsAlnum(_text[at + 1]))
        {
            return t;
        }
        if (dots && at < 0 && t > p && IsNewsgroup(p, t))
        {
            return t;
        }
        if (dots && at < 0)
        {
            var d = t - 1;
            while (d > p && _text[d] != '.')
            {
                d--;
            }
            if (d > p && CharClass.IsAlnum(_text[d - 1]) && t - d - 1 >= 2 && NameExtensions.Contains(_text.AsSpan(d + 1, t - d - 1)))
            {
                return t;
            }
        }
        _plainUntil = r;
        return -1;
    }

    /// <summary>True for Usenet group names ("alt.animals.cat"), which EWT keeps whole.</summary>
    private readonly bool IsNewsgroup(int p, int t)
    {
        var rest = _text.AsSpan(p, t - p);
        var dot = rest.IndexOf('.');
        if (dot <= 0 || dot + 1 >= rest.Length || !CharClass.IsLetter(rest[dot + 1]))
        {
            return false;
        }
        var hierarchy = rest[..dot];
        return hierarchy is "alt" or "comp" or "rec" or "soc" or "sci" or "talk" or "misc" or "news" or "humanities";
    }

    /// <summary>
    /// Dotted initials and letter abbreviations: <c>J.</c>, <c>U.S.</c>, <c>p.m.</c>, <c>U.K</c>. The
    /// final period goes to its own token when the abbreviation ends a sentence, as in EWT
    /// (<c>U.S</c> + <c>.</c>). Returns the end, or -1 when the text there is not such a form.
    /// </summary>
    private int Initials(int p, int e)
    {
        if (p + 1 >= e || _text[p + 1] != '.' || !CharClass.IsLetter(_text[p]))
        {
            return -1;
        }
        var k = p;
        var segments = 0;
        while (k + 1 < e && CharClass.IsLetter(_text[k]) && _text[k + 1] == '.')
        {
            segments++;
            k += 2;
        }
        var dotted = true;
        if (k < e && CharClass.IsLetter(_text[k]) && (k + 1 >= e || CharClass.WordCharWidth(_text, k + 1, e) == 0))
        {
            k++;
            segments++;
            dotted = false;
        }
        if (k < e && (CharClass.WordCharWidth(_text, k, e) > 0 || (segments == 1 && _text[k] == '.')))
        {
            return -1;
        }
        if (segments == 1 && !char.IsUpper(_text[p]))
        {
            return -1;
        }
        if (dotted && LooksSentenceFinal(k) && !IntroducesMore(p, k))
        {
            Emit(p, k - 1);
            Emit(k - 1, k);
        }
        else
        {
            Emit(p, k);
        }
        return k;
    }

    /// <summary>"i.e.", "e.g." and "P.S." introduce what follows, so their period never ends a sentence.</summary>
    private readonly bool IntroducesMore(int p, int k)
    {
        var form = _text.AsSpan(p, k - p);
        return form is "i.e." or "e.g." or "I.e." or "E.g." or "P.S." or "p.s." or "P.P.S.";
    }

    private int PlainWord(int p, int e)
    {
        var q = p;
        var segmentStart = p;
        var hasApostrophe = false;
        while (q < e)
        {
            var width = CharClass.WordCharWidth(_text, q, e);
            if (width > 0)
            {
                q += width;
                continue;
            }
            var joined = Join(p, q, e, ref segmentStart, ref hasApostrophe);
            if (joined < 0)
            {
                break;
            }
            q = joined;
        }

        var start = p;
        // Numbers lose their unit ("5kg", "$1.2bn", "11:30am"); ordinals and decades stay whole.
        if (CharClass.IsDigit(_text[p]))
        {
            var letters = p;
            while (letters < q && !CharClass.IsLetter(_text[letters]))
            {
                letters++;
            }
            if (letters < q && AllLetters(letters, q) && !IsNumberSuffix(_text.AsSpan(letters, q - letters)))
            {
                Emit(p, letters);
                start = letters;
            }
        }

        if (q < e && _text[q] == '.' && (q + 1 >= e || _text[q + 1] != '.') && KeepsPeriod(start, q))
        {
            Emit(start, q + 1);
            return q + 1;
        }
        if (hasApostrophe ? SplitClitic(start, q) : SplitFused(start, q))
        {
            return q;
        }
        if (!hasApostrophe && q - start == 3 && _text.AsSpan(start, 3).Equals("its", StringComparison.OrdinalIgnoreCase)
            && char.IsLower(_text[start + 1]) && StartsClause(q))
        {
            // "its a shame", "its not": "it's" typed without its apostrophe, which EWT splits.
            EmitMultiword(start, start + 2, q);
            return q;
        }
        // A trailing apostrophe after -s is the plural possessive ("the Edwards' house"), one
        // multiword token in EWT; inside single quotes it closes the quotation instead.
        if (q < e && !_quoted && CharClass.IsApostrophe(_text[q]) && (_text[q - 1] | 0x20) == 's'
            && (q + 1 >= e || CharClass.WordCharWidth(_text, q + 1, e) == 0))
        {
            EmitMultiword(start, q, q + 1);
            return q + 1;
        }
        Emit(start, q);
        return q;
    }

    /// <summary>
    /// Decides whether the non-word character at <paramref name="q"/> joins the word being read.
    /// Returns the position to continue from, or -1 to end the word before <paramref name="q"/>.
    /// </summary>
    private readonly int Join(int p, int q, int e, ref int segmentStart, ref bool hasApostrophe)
    {
        if (q == p || q + 1 >= e)
        {
            return -1;
        }
        var c = _text[q];
        var prev = _text[q - 1];
        var next = _text[q + 1];
        switch (c)
        {
            case '.':
                return CharClass.IsDigit(prev) && CharClass.IsDigit(next) ? q + 1 : -1;
            case ',':
                // Thousands separator: exactly three digits follow.
                return CharClass.IsDigit(prev) && q + 3 < e && CharClass.IsDigit(next) && CharClass.IsDigit(_text[q + 2])
                    && CharClass.IsDigit(_text[q + 3]) && (q + 4 >= e || !CharClass.IsDigit(_text[q + 4]))
                    ? q + 1 : -1;
            case ':':
                return CharClass.IsDigit(prev) && CharClass.IsDigit(next) ? q + 1 : -1;
            case '/':
                if (CharClass.IsDigit(prev) && CharClass.IsDigit(next))
                {
                    return JoinSlashedNumber(p, q, e);
                }
                // "b/c", "w/o": one letter either side.
                return q - 1 == p && CharClass.IsLetter(prev) && CharClass.IsLetter(next)
                    && (q + 2 >= e || CharClass.WordCharWidth(_text, q + 2, e) == 0) ? q + 2 : -1;
            case '&':
                return char.IsUpper(prev) && char.IsUpper(next) ? q + 1 : -1;
            case '-':
                return JoinHyphen(q, e, ref segmentStart);
            default:
                if (CharClass.IsApostrophe(c) && CharClass.IsLetter(prev) && CharClass.IsLetter(next))
                {
                    hasApostrophe = true;
                    return q + 1;
                }
                // Plural of a number: "the 70's", "12's" stay one token.
                if (CharClass.IsApostrophe(c) && CharClass.IsDigit(prev) && next == 's'
                    && (q + 2 >= e || CharClass.WordCharWidth(_text, q + 2, e) == 0))
                {
                    return q + 2;
                }
                return -1;
        }
    }

    /// <summary>
    /// Dates ("11/28/2000") and "9/11" stay whole; fractions and other pairs split ("3 / 4", "24 / 7"),
    /// as in EWT.
    /// </summary>
    private readonly int JoinSlashedNumber(int p, int q, int e)
    {
        var r = q + 1;
        while (r < e && CharClass.IsDigit(_text[r]))
        {
            r++;
        }
        if (r + 1 < e && _text[r] == '/' && CharClass.IsDigit(_text[r + 1]))
        {
            r++;
            while (r < e && CharClass.IsDigit(_text[r]))
            {
                r++;
            }
            return r;
        }
        if (_text.AsSpan(p, r - p) is "9/11" && (r >= e || CharClass.WordCharWidth(_text, r, e) == 0))
        {
            return r;
        }
        return -1;
    }

    private readonly int JoinHyphen(int q, int e, ref int segmentStart)
    {
        var next = _text[q + 1];
        if (!CharClass.IsAlnum(next) || !CharClass.IsAlnum(_text[q - 1]))
        {
            return -1;
        }
        if (CharClass.IsDigit(next) && AllDigits(segmentStart, q))
        {
            // Phone numbers, ZIP+4 codes and dashed dates stay whole ("713-853-1696", "77042-2016",
            // "11-20-2000"); ranges split ("1969 - 1970").
            var r = segmentStart;
            var groups = 0;
            var first = 0;
            var second = 0;
            while (true)
            {
                var digits = r;
                while (r < e && CharClass.IsDigit(_text[r]))
                {
                    r++;
                }
                groups++;
                if (groups == 1)
                {
                    first = r - digits;
                }
                else if (groups == 2)
                {
                    second = r - digits;
                }
                if (r + 1 < e && _text[r] == '-' && CharClass.IsDigit(_text[r + 1]))
                {
                    r++;
                    continue;
                }
                break;
            }
            var whole = groups >= 3 || (second == 4 && first is 1 or 3 or 5);
            if (whole)
            {
                segmentStart = r;
                return r;
            }
            return -1;
        }
        if (HyphenPrefixes.Contains(_text.AsSpan(segmentStart, q - segmentStart)))
        {
            segmentStart = q + 1;
            return q + 1;
        }
        return -1;
    }

    /// <summary>True when the period after the word <c>[p, q)</c> belongs to it.</summary>
    private readonly bool KeepsPeriod(int p, int q)
    {
        var word = _text.AsSpan(p, q - p);
        if (word is "No" or "no" or "Nos" or "nos")
        {
            var i = q + 1;
            while (i < _end && _text[i] == ' ')
            {
                i++;
            }
            return i < _end && CharClass.IsDigit(_text[i]);
        }
        if (EnglishAbbreviations.IsNeverFinal(word))
        {
            return !LineFinal(q + 1);
        }
        return EnglishAbbreviations.IsCanEnd(word) && !LooksSentenceFinal(q + 1, word is "etc");
    }

    /// <summary>Splits a clitic after an apostrophe: <c>n't</c>, <c>'s</c>, <c>'m</c>, <c>'d</c>, <c>'re</c>, <c>'ve</c>, <c>'ll</c>.</summary>
    private bool SplitClitic(int p, int q)
    {
        var length = q - p;
        if (length >= 4 && (_text[q - 1] | 0x20) == 't' && CharClass.IsApostrophe(_text[q - 2]) && (_text[q - 3] | 0x20) == 'n')
        {
            EmitMultiword(p, q - 3, q);
            return true;
        }
        if (length >= 3 && CharClass.IsApostrophe(_text[q - 2]) && (_text[q - 1] | 0x20) is 's' or 'm' or 'd')
        {
            EmitMultiword(p, q - 2, q);
            return true;
        }
        if (length >= 4 && CharClass.IsApostrophe(_text[q - 3]))
        {
            var a = _text[q - 2] | 0x20;
            var b = _text[q - 1] | 0x20;
            if ((a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l'))
            {
                EmitMultiword(p, q - 3, q);
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Splits fused forms EWT analyses as two words: <c>cannot</c>, <c>gonna</c>, <c>gotta</c>, and
    /// contractions typed without their apostrophe (<c>dont</c> → <c>do</c> + <c>nt</c>).
    /// </summary>
    private bool SplitFused(int p, int q)
    {
        var length = q - p;
        if (length < 2 || length > 8)
        {
            return false;
        }
        var word = _text.AsSpan(p, length);
        var split = FusedSplit(word);
        if (split <= 0)
        {
            return false;
        }
        EmitMultiword(p, p + split, q);
        return true;
    }

    private static int FusedSplit(ReadOnlySpan<char> word)
    {
        if (!FusedForms.TryGetValue(word, out var split))
        {
            return 0;
        }
        // "IM" and "IVE" in capitals are more often acronyms than "I'm", "I've".
        return split == 1 && char.IsUpper(word[1]) ? 0 : split;
    }

    /// <summary>True when the word after <paramref name="k"/> (past one space) follows "it is", not a possessive.</summary>
    private readonly bool StartsClause(int k)
    {
        if (k >= _end || _text[k] != ' ')
        {
            return false;
        }
        var i = k + 1;
        var j = i;
        while (j < _end && j - i < 12 && CharClass.IsLetter(_text[j]))
        {
            j++;
        }
        return j > i && (j >= _end || !CharClass.IsLetter(_text[j])) && AfterItIs.Contains(_text.AsSpan(i, j - i));
    }

    private static bool IsNumberSuffix(ReadOnlySpan<char> letters) =>
        letters.Equals("s", StringComparison.OrdinalIgnoreCase) || letters.Equals("st", StringComparison.OrdinalIgnoreCase)
        || letters.Equals("nd", StringComparison.OrdinalIgnoreCase) || letters.Equals("rd", StringComparison.OrdinalIgnoreCase)
        || letters.Equals("th", StringComparison.OrdinalIgnoreCase);

    private int Punct(int p, int e)
    {
        var c = _text[p];
        if (char.IsHighSurrogate(c) && p + 1 < e && char.IsLowSurrogate(_text[p + 1]))
        {
            Emit(p, p + 2);
            return p + 2;
        }
        if (c is '.' or '!' or '?')
        {
            var r = p + 1;
            while (r < e && _text[r] is '.' or '!' or '?')
            {
                r++;
            }
            Emit(p, r);
            return r;
        }
        if (CharClass.IsSingleQuote(c))
        {
            // '72, ’90s: an elided century.
            if (p + 2 < e && CharClass.IsDigit(_text[p + 1]) && CharClass.IsDigit(_text[p + 2])
                && (p + 3 >= e || !CharClass.IsDigit(_text[p + 3])))
            {
                var r = p + 3;
                if (r < e && _text[r] == 's')
                {
                    r++;
                }
                if (r >= e || CharClass.WordCharWidth(_text, r, e) == 0)
                {
                    Emit(p, r);
                    return r;
                }
            }
            _quoted = p == 0 || CharClass.IsSeparator(_text[p - 1]) || CharClass.IsOpening(_text[p - 1]);
            return EmitRun(p, e, static ch => CharClass.IsSingleQuote(ch));
        }
        // Hashtags are one token; '#' before a number is not ("# 538").
        if (c == '#' && p + 1 < e && CharClass.IsLetter(_text[p + 1]))
        {
            var r = p + 1;
            while (r < e && CharClass.WordCharWidth(_text, r, e) > 0)
            {
                r += CharClass.WordCharWidth(_text, r, e);
            }
            Emit(p, r);
            return r;
        }
        if (c is ':' or ';' or '=')
        {
            var emoticon = Emoticon(p, e);
            if (emoticon > p)
            {
                Emit(p, emoticon);
                return emoticon;
            }
        }
        if (c is '-' or '*' or '=' or '_' or '~' or '<' or '>' or '#' or '+' or '^' or '|' or '"' or '\u2014'
            or '\u2013' or '\u2026' or '/' or '\\' or '$' or '\u201C' or '\u201D' or '@')
        {
            var r = p + 1;
            while (r < e && _text[r] == c)
            {
                r++;
            }
            Emit(p, r);
            return r;
        }
        Emit(p, p + 1);
        return p + 1;
    }

    private readonly int EmitRun(int p, int e, Func<char, bool> member)
    {
        var r = p + 1;
        while (r < e && member(_text[r]))
        {
            r++;
        }
        Emit(p, r);
        return r;
    }

    /// <summary>The end of an emoticon (<c>:)</c>, <c>:-(</c>, <c>;D</c>) at <paramref name="p"/>, or -1.</summary>
    private readonly int Emoticon(int p, int e)
    {
        var k = p + 1;
        if (k < e && _text[k] == '-')
        {
            k++;
        }
        if (k >= e || _text[k] is not (')' or '(' or 'D' or 'P' or 'p' or ']' or '['))
        {
            return -1;
        }
        k++;
        return k >= e || CharClass.WordCharWidth(_text, k, e) == 0 ? k : -1;
    }

    /// <summary>True when only separators lie between <paramref name="k"/> and the next line break or the region's end.</summary>
    private readonly bool LineFinal(int k)
    {
        for (var i = k; i < _end; i++)
        {
            var c = _text[i];
            if (CharClass.IsLineBreak(c))
            {
                return true;
            }
            if (!CharClass.IsSeparator(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// True when a period just before <paramref name="k"/> looks like the end of a sentence: the line
    /// or region ends, or a space is followed by a word that usually starts sentences.
    /// </summary>
    private readonly bool LooksSentenceFinal(int k, bool anyCapital = false)
    {
        var i = k;
        while (i < _end && CharClass.IsSeparator(_text[i]))
        {
            if (CharClass.IsLineBreak(_text[i]))
            {
                return true;
            }
            i++;
        }
        if (i >= _end)
        {
            return true;
        }
        if (i == k)
        {
            return false;
        }
        while (i < _end && CharClass.IsOpening(_text[i]))
        {
            i++;
        }
        if (i >= _end || !char.IsUpper(_text[i]))
        {
            return false;
        }
        if (anyCapital)
        {
            return true;
        }
        var j = i;
        while (j < _end && j - i < 16 && CharClass.IsLetter(_text[j]))
        {
            j++;
        }
        if (j < _end && _text[j] == '.')
        {
            return false;
        }
        return EnglishAbbreviations.IsSentenceStarter(_text.AsSpan(i, j - i));
    }

    private readonly bool AllLetters(int p, int q)
    {
        for (var i = p; i < q; i++)
        {
            if (!CharClass.IsLetter(_text[i]))
            {
                return false;
            }
        }
        return true;
    }

    private readonly bool AllDigits(int p, int q)
    {
        if (q <= p)
        {
            return false;
        }
        for (var i = p; i < q; i++)
        {
            if (!CharClass.IsDigit(_text[i]))
            {
                return false;
            }
        }
        return true;
    }

    private readonly void Emit(int start, int end)
    {
        _words.Add(new Token(start, end));
        _surface?.Add(new TextSpan(start, end));
    }

    private readonly void EmitMultiword(int start, int split, int end)
    {
        _words.Add(new Token(start, split));
        _words.Add(new Token(split, end));
        _surface?.Add(new TextSpan(start, end));
    }
}
