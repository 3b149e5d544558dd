using Parley.Model;

namespace Parley.Quotes;

/// <summary>The work of <see cref="QuoteFinder"/> on one document.</summary>
internal sealed class QuoteScan
{
    private const int ScareQuoteWords = 3;
    private const int CueWindow = 16;
    private const int MaxSubjectWords = 10;

    private readonly string _text;
    private readonly Token[] _tokens;
    private readonly int[] _paragraph;
    private readonly int[] _sentence;
    private readonly Sentence[] _sentences;
    private readonly bool[] _quoted;
    private readonly TokenAnalysis[] _analyses;

    public QuoteScan(Document document)
    {
        _text = document.Text;
        _analyses = document.Analyses.Length == document.Tokens.Length ? document.Analyses : [];
        _tokens = document.Tokens;
        _sentences = document.Sentences;
        _paragraph = new int[_tokens.Length];
        _sentence = new int[_tokens.Length];
        _quoted = new bool[_tokens.Length];
        var p = 0;
        for (var i = 0; i < _tokens.Length; i++)
        {
            if (i > 0 && _text.AsSpan(_tokens[i - 1].End, _tokens[i].Start - _tokens[i - 1].End).Contains('\n'))
            {
                p++;
            }
            _paragraph[i] = p;
        }
        for (var s = 0; s < _sentences.Length; s++)
        {
            for (var i = _sentences[s].FirstToken; i < _sentences[s].EndToken && i < _tokens.Length; i++)
            {
                _sentence[i] = s;
            }
        }
    }

    private readonly record struct Piece(int Open, int Close, int First, int End, bool OpensParagraph);

    private readonly record struct Speaker(int Start, int End, string? Cue)
    {
        // The pronoun at the cue when the speaker was resolved from it, else -1.
        public int PronounStart { get; init; } = -1;
        public int PronounEnd { get; init; } = -1;
    }

    private ReadOnlySpan<char> W(int i) => i >= 0 && i < _tokens.Length ? _text.AsSpan(_tokens[i].Start, _tokens[i].Length) : [];

    private bool Is(int i, string word) => W(i).Equals(word, StringComparison.OrdinalIgnoreCase);

    private static bool IsDoubleMark(ReadOnlySpan<char> w) => w.Length == 1 && w[0] is '"' or '“' or '”' or '„' or '«' or '»';

    // A quotation mark: one mark character, or a doubled one (''); never the possessive 's.
    private static bool IsMark(ReadOnlySpan<char> w) => w.Length switch
    {
        1 => IsDoubleMark(w) || w[0] is '‘' or '’' or '\'' or '`',
        2 => w[0] is '‘' or '’' or '\'' or '`' && w[1] == w[0],
        _ => false,
    };

    private bool IsSingleMark(int i) => W(i) is [var c] && c is '‘' or '\'' or '’' or '`';

    private bool IsSentenceEnd(int i) => Is(i, ".") || Is(i, "!") || Is(i, "?");

    public void Run(List<QuoteMatch> output)
    {
        var pieces = FindPieces();
        var found = new List<(Piece Piece, Speaker? Speaker, string Kind)>();
        Speaker? lastNamed = null;
        for (var n = 0; n < pieces.Count; n++)
        {
            var piece = pieces[n];
            var kind = KindOf(piece);
            // A cue after the quote whose subject is not a name or phrase ("…”, and told the police")
            // shares the subject of the sentence, which the cue before the quote finds.
            var after = AfterClose(piece);
            var speaker = after is { Start: >= 0 } ? after : BeforeOpen(piece) is { Start: >= 0 } before ? before : after ?? BeforeOpen(piece);
            if ((speaker is null || speaker.Value.Start < 0) && found.Count > 0)
            {
                var previous = found[^1];
                var sameSentence = _sentence[previous.Piece.End - 1] == _sentence[piece.First];
                var runsOn = piece.OpensParagraph && _paragraph[previous.Piece.First] == _paragraph[piece.First] - 1;
                var sameParagraph = _paragraph[previous.Piece.First] == _paragraph[piece.First];
                if ((sameSentence || runsOn || (sameParagraph && kind == QuoteFinder.Direct)) && previous.Speaker is not null)
                {
                    speaker = previous.Speaker;
                }
            }
            // A fragment in marks that no cue attributes is a title, a name or a scare quote ("parole",
            // "Secret budget papers left on a city bus"), not somebody's words.
            if (kind == QuoteFinder.Partial && (speaker is null || (piece.End - piece.First <= ScareQuoteWords && speaker.Value.Start < 0)))
            {
                continue;
            }
            // Short runs in single marks are nearly always scare quotes ('forced', 'anti-christ').
            if (IsSingleMark(piece.Open) && piece.End - piece.First <= ScareQuoteWords)
            {
                continue;
            }
            if ((speaker is null || speaker.Value.Start < 0) && IsTitleLike(piece))
            {
                continue;
            }
            if (speaker is { } s && s.Start >= 0 && IsPronoun(s))
            {
                speaker = Resolve(s, lastNamed);
            }
            if (speaker is { } named && named.Start >= 0 && !IsPronoun(named))
            {
                lastNamed = named;
            }
            found.Add((piece, speaker, kind));
            for (var i = piece.Open; i <= Math.Min(piece.Close < 0 ? piece.End - 1 : piece.Close, _tokens.Length - 1); i++)
            {
                _quoted[i] = true;
            }
        }
        var captions = new List<QuoteMatch>();
        FindAttributedParagraphs(captions);
        var indirect = new List<QuoteMatch>();
        FindIndirect(indirect, ref lastNamed);
        var all = new List<QuoteMatch>(found.Count + indirect.Count);
        foreach (var (piece, speaker, kind) in found)
        {
            var end = piece.End;
            if (end - 1 > piece.First && Is(end - 1, ","))
            {
                end--;
            }
            all.Add(new QuoteMatch(_tokens[piece.First].Start, _tokens[end - 1].End, kind,
                speaker?.Start ?? -1, speaker is null ? -1 : speaker.Value.End, speaker?.Cue)
            {
                PronounStart = speaker?.PronounStart ?? -1,
                PronounEnd = speaker?.PronounEnd ?? -1,
            });
        }
        all.AddRange(captions);
        all.AddRange(indirect);
        all.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        output.AddRange(all);
    }

    // A short unattributed run in marks that is not a sentence of its own, inside a sentence, is a
    // title or a name: "Secret budget papers left on a city bus", "Countdown".
    private bool IsTitleLike(Piece piece)
    {
        if (piece.Close < 0 || piece.End - piece.First > 12)
        {
            return false;
        }
        if (piece.OpensParagraph)
        {
            // A cited headline in a list of sources: "Sensitive document found on street" — CBC.ca.
            return Is(piece.Close + 1, "—") || Is(piece.Close + 1, "–") || Is(piece.Close + 1, "-");
        }
        var last = piece.End - 1;
        if (Is(last, ",") && last > piece.First)
        {
            last--;
        }
        return !IsSentenceEnd(last);
    }

    // Quote marks pair up within a paragraph; a paragraph that ends with its quote open continues
    // in the next one, which by convention opens with a mark again.
    private List<Piece> FindPieces()
    {
        var pieces = new List<Piece>();
        var open = -1;
        for (var i = 0; i < _tokens.Length; i++)
        {
            if (open >= 0 && (i == _tokens.Length || _paragraph[i] != _paragraph[open]))
            {
                Add(pieces, open, -1, i);
                open = -1;
            }
            var w = W(i);
            if (IsDoubleMark(w))
            {
                var opening = w[0] is '“' or '„' or '«' || (w[0] == '"' && open < 0);
                if (w[0] is '”' or '»' && open < 0)
                {
                    continue; // A closing mark with nothing open: a stray mark, or the text was cut.
                }
                if (opening && open >= 0)
                {
                    Add(pieces, open, -1, i);
                }
                if (opening)
                {
                    open = i;
                }
                else
                {
                    Add(pieces, open, i, i);
                    open = -1;
                }
            }
            else if (open < 0 && IsSingleOpening(i))
            {
                var close = SingleClosing(i);
                if (close > i + 1)
                {
                    Add(pieces, i, close, close);
                    i = close;
                }
            }
        }
        if (open >= 0)
        {
            Add(pieces, open, -1, _tokens.Length);
        }
        return pieces;
    }

    private void Add(List<Piece> pieces, int open, int close, int end)
    {
        if (end <= open + 1)
        {
            return;
        }
        var opensParagraph = open == 0 || _paragraph[open - 1] != _paragraph[open];
        pieces.Add(new Piece(open, close, open + 1, end, opensParagraph));
    }

    private bool IsSingleOpening(int i)
    {
        var w = W(i);
        if (w.Length != 1 || w[0] is not ('‘' or '\''))
        {
            return false;
        }
        var before = _tokens[i].Start == 0 ? ' ' : _text[_tokens[i].Start - 1];
        var after = _tokens[i].End < _text.Length ? _text[_tokens[i].End] : ' ';
        return (char.IsWhiteSpace(before) || before == '(') && char.IsLetterOrDigit(after);
    }

    private int SingleClosing(int open)
    {
        var sentenceEnd = _sentences.Length > 0 ? _sentences[_sentence[open]].EndToken : _tokens.Length;
        for (var i = open + 2; i < sentenceEnd; i++)
        {
            var w = W(i);
            if (w.Length == 1 && w[0] is '’' or '\'')
            {
                var after = _tokens[i].End < _text.Length ? _text[_tokens[i].End] : ' ';
                if (!char.IsLetter(after))
                {
                    return i;
                }
            }
        }
        return -1;
    }

    // A quote is direct when it stands as a sentence or a clause of its own: it opens its sentence
    // or paragraph, follows a colon or comma, runs over a sentence end, or hands over to a cue
    // ("…,” she said). Otherwise it is a fragment of the writer's sentence.
    private string KindOf(Piece piece)
    {
        if (piece.OpensParagraph || piece.Close < 0)
        {
            return QuoteFinder.Direct;
        }
        var before = piece.Open - 1;
        if (_sentences.Length > 0 && _sentences[_sentence[piece.Open]].FirstToken == piece.Open)
        {
            return QuoteFinder.Direct;
        }
        if (Is(before, ":") || Is(before, ","))
        {
            return QuoteFinder.Direct;
        }
        for (var i = piece.First; i < piece.End - 1; i++)
        {
            if (IsSentenceEnd(i) && char.IsUpper(W(i + 1).Length > 0 ? W(i + 1)[0] : 'a'))
            {
                return QuoteFinder.Direct;
            }
        }
        var last = W(piece.End - 1);
        if ((last.SequenceEqual(",") || last.SequenceEqual("?") || last.SequenceEqual("!")) && CueFollows(piece.Close + 1))
        {
            return QuoteFinder.Direct;
        }
        return QuoteFinder.Partial;
    }

    private bool CueFollows(int i)
    {
        for (var k = i; k < i + 8 && k < _tokens.Length && _paragraph[k] == _paragraph[i - 1]; k++)
        {
            if (SpeechLexicon.IsCue(W(k)))
            {
                return true;
            }
            if (IsMark(W(k)) || IsSentenceEnd(k))
            {
                return false;
            }
        }
        return false;
    }

    // "…,” Smith said" / "…,” said Smith" / "…,” Maria Lindqvist, spokeswoman for …, said".
    private Speaker? AfterClose(Piece piece)
    {
        if (piece.Close < 0)
        {
            return null;
        }
        var start = piece.Close + 1;
        if (Is(start, ","))
        {
            start++;
        }
        var cue = -1;
        for (var k = start; k < start + CueWindow && k < _tokens.Length && _paragraph[k] == _paragraph[piece.Close]; k++)
        {
            var w = W(k);
            // A quotation that ends its sentence ("… was “contrived.” A few days later, Smith announced")
            // is not attributed by a cue of the next sentence; after “…!” or “…?” a capitalised speaker may follow.
            if (IsMark(w) || IsSentenceEnd(k) || Is(k, ";") || Is(k, ":") || (_sentence[k] != _sentence[piece.Close] && Is(piece.End - 1, ".")))
            {
                break;
            }
            if (SpeechLexicon.IsCue(w) || (Is(k, "according") && Is(k + 1, "to")))
            {
                cue = k;
                break;
            }
        }
        if (cue < 0)
        {
            return null;
        }
        var cueText = CueText(cue);
        if ((cue == start && !IsToldLike(cue)) || Is(cue, "according"))
        {
            // Inverted: the speaker follows the cue.
            var from = Is(cue, "according") ? cue + 2 : cue + 1;
            var name = NounPhraseAfter(from);
            return name is null ? new Speaker(-1, -1, cueText) : new Speaker(name.Value.Start, name.Value.End, cueText);
        }
        // The subject runs from the closing mark to the first comma (an apposition follows it).
        var end = cue;
        for (var k = start; k < cue; k++)
        {
            if (Is(k, ","))
            {
                end = k;
                break;
            }
        }
        while (end > start && SpeechLexicon.IsSkippable(W(end - 1)))
        {
            end--;
        }
        if (end <= start || end - start > MaxSubjectWords)
        {
            return new Speaker(-1, -1, cueText);
        }
        var subject = NameIn(start, end);
        return new Speaker(subject.Start, subject.End, cueText);
    }

    // "Smith said: “…”", "He told reporters that the president “believes …”", "According to Smith, “…”".
    private Speaker? BeforeOpen(Piece piece)
    {
        var sentenceStart = _sentences.Length > 0 ? _sentences[_sentence[piece.Open]].FirstToken : 0;
        if (NamesWords(piece.Open - 1))
        {
            return null; // "adding the words “and Emergency” to the name" mentions words, nobody says them.
        }
        for (var k = piece.Open - 1; k >= sentenceStart && k >= piece.Open - CueWindow; k--)
        {
            if (_quoted[k] || IsMark(W(k)))
            {
                return null;
            }
            if (Is(k, "according") && Is(k + 1, "to"))
            {
                var name = NounPhraseAfter(k + 2);
                return name is null ? null : new Speaker(name.Value.Start, name.Value.End, "according to");
            }
            if (!SpeechLexicon.IsCue(W(k)))
            {
                continue;
            }
            if (k + 1 == piece.Open && Is(k, "called"))
            {
                // "a print called “Cowboys and Indians”" names a thing; "called the ruling “dangerous”"
                // quotes a word, and has an object between the verb and the mark.
                return null;
            }
            if (SpeechLexicon.IsParticipleCue(W(k)))
            {
                // "The court ruled against it, saying the reason was “contrived”": the speaker is the
                // subject of the clause the participle hangs from. Without that clause ("a banner saying
                // “…”") the participle attributes nothing and an earlier cue may.
                if (k > sentenceStart && Is(k - 1, ",") && SubjectOfParticiple(k) is { } clauseSubject)
                {
                    var named = NameIn(clauseSubject.Start, clauseSubject.End);
                    if (named.Start >= 0)
                    {
                        return new Speaker(named.Start, named.End, CueText(k));
                    }
                }
                continue;
            }
            var end = k;
            // "She went on to say", "he continued to tell".
            while (end > sentenceStart && (SpeechLexicon.IsSkippable(W(end - 1)) || Is(end - 1, "to") || Is(end - 1, "on")
                || Is(end - 1, "went") || Is(end - 1, "goes") || Is(end - 1, "continued") || Is(end - 1, "continues")
                || Is(end - 1, "wanted") || Is(end - 1, "decided")))
            {
                end--;
            }
            if (IsPassiveAuxiliary(end - 1))
            {
                return null; // "has been told to prepare a “…”": the subject was spoken to, not speaking.
            }
            var appositive = (Start: -1, End: -1);
            if (Is(end - 1, ","))
            {
                // "Nunzio Galantino, secretary general of the conference, has called it “…”": the
                // subject stands before the apposition.
                for (var c = end - 2; c > sentenceStart && c >= end - MaxSubjectWords - 2; c--)
                {
                    if (_quoted[c] || IsDoubleMark(W(c)))
                    {
                        break;
                    }
                    if (Is(c, ","))
                    {
                        appositive = (c + 1, end - 1);
                        end = c;
                        break;
                    }
                }
            }
            var start = end;
            while (start > sentenceStart && start > end - MaxSubjectWords && IsSubjectWord(start - 1))
            {
                start--;
            }
            if (start < end && appositive.Start >= 0 && IsDescription(start, end) && EndsWithName(appositive.Start, appositive.End))
            {
                // "The judge in the case, Ann Reyes, said": the name is in the apposition.
                var named = NameIn(appositive.Start, appositive.End);
                return new Speaker(named.Start, named.End, CueText(k));
            }
            if (start == end)
            {
                // Inverted cue inside a quote: “…,” said Smith, a fisherman, “…”.
                var inverted = NounPhraseAfter(k + 1);
                return inverted is { } name && name.End <= _tokens[piece.Open].Start
                    ? new Speaker(name.Start, name.End, CueText(k))
                    : new Speaker(-1, -1, CueText(k));
            }
            var subject = NameIn(start, end);
            return new Speaker(subject.Start, subject.End, CueText(k));
        }
        return null;
    }

    // The subject phrase of the verb a participle cue modifies ("…, saying", "…, adding"), from the
    // parse: the subject's leftmost dependent to the subject itself, when it is short and unquoted.
    private (int Start, int End)? SubjectOfParticiple(int cue)
    {
        if (_analyses.Length == 0 || _analyses[cue].Relation is not ("advcl" or "xcomp" or "conj" or "acl") || _analyses[cue].Head is var verb && verb < 0)
        {
            return null;
        }
        // "She said the vote was unfair, adding …": a participle on the reported clause belongs to the
        // speech verb above it.
        while (_analyses[verb].Relation == "ccomp" && _analyses[verb].Head is var above && above >= 0 && SpeechLexicon.IsCue(W(above)))
        {
            verb = above;
        }
        var sentence = _sentences[_sentence[cue]];
        // The subject nearest the verb when a misparse gives it several.
        for (var t = Math.Min(verb, cue) - 1; t >= sentence.FirstToken; t--)
        {
            if (_analyses[t].Head != verb || _analyses[t].Relation is not ("nsubj" or "nsubj:pass"))
            {
                continue;
            }
            var (start, end) = (t, t + 1);
            for (var d = sentence.FirstToken; d < cue; d++)
            {
                if (d != t && Governs(t, d, sentence))
                {
                    start = Math.Min(start, d);
                    end = Math.Max(end, d + 1);
                }
            }
            while (end > t + 1 && (Is(end - 1, ",") || Is(end - 1, ")")))
            {
                end--;
            }
            return end - start <= MaxSubjectWords + 4 && !_quoted[start] && !_quoted[end - 1] ? (start, end) : null;
        }
        return null;
    }

    private bool Governs(int head, int token, Sentence sentence)
    {
        for (var (t, steps) = (token, 0); t >= sentence.FirstToken && t < sentence.EndToken && steps < sentence.TokenCount; t = _analyses[t].Head, steps++)
        {
            if (t == head)
            {
                return true;
            }
        }
        return false;
    }

    private bool NamesWords(int i) => Is(i, "word") || Is(i, "words") || Is(i, "phrase") || Is(i, "term") || Is(i, "terms")
        || Is(i, "label") || Is(i, "slogan") || Is(i, "name") || Is(i, "title") || Is(i, "headline") || Is(i, "hashtag");

    // A subject phrase that describes rather than names: "the judge", "his mother", "Lee's lawyer".
    private bool IsDescription(int start, int end)
    {
        if (Is(start, "the") || Is(start, "a") || Is(start, "an") || Is(start, "his") || Is(start, "her") || Is(start, "their") || Is(start, "its") || Is(start, "our"))
        {
            return true;
        }
        // "Lee's mother" describes; "Lee's wife Ana Lee" names.
        for (var k = end - 1; k > start; k--)
        {
            if (Is(k, "'s") || Is(k, "’s"))
            {
                return true;
            }
            if (SpeechLexicon.IsNameWord(W(k)) && !SpeechLexicon.IsTitle(W(k)))
            {
                return false;
            }
        }
        return false;
    }

    // An apposition that is a name ends with one: "Ana Lee", "doctoral student Ana Lee"; not "released
    // on Monday".
    private bool EndsWithName(int start, int end) =>
        end > start && SpeechLexicon.IsNameWord(W(end - 1)) && !SpeechLexicon.IsTitle(W(end - 1)) && !SpeechLexicon.IsCalendarWord(W(end - 1));

    // After "told" comes the listener ("“…,” told the press"), never the speaker.
    private bool IsToldLike(int i) => Is(i, "told") || Is(i, "tells") || Is(i, "tell") || Is(i, "asked") || Is(i, "urged");

    private bool IsPassiveAuxiliary(int i) => Is(i, "been") || Is(i, "was") || Is(i, "were") || Is(i, "is")
        || Is(i, "are") || Is(i, "be") || Is(i, "being");

    private bool IsSubjectWord(int i)
    {
        var w = W(i);
        if (w.Length == 0 || IsMark(w) || Is(i, ",") || Is(i, ":") || Is(i, ";") || IsSentenceEnd(i) || Is(i, "that")
            || Is(i, "and") || Is(i, "but") || Is(i, "—") || Is(i, "(") || Is(i, ")") || _quoted[i])
        {
            return false;
        }
        return char.IsLetter(w[0]) || w[0] == '\'' || w[0] == '’' || w[0] == '-';
    }

    private string CueText(int cue) => Is(cue, "according") ? "according to" : W(cue).ToString();

    // The speaker named after an inverted cue: up to the first comma or sentence end.
    private (int Start, int End)? NounPhraseAfter(int from)
    {
        var end = from;
        while (end < _tokens.Length && end < from + MaxSubjectWords && IsSubjectWord(end) && !SpeechLexicon.IsCue(W(end))
            && !Is(end, "in") && !Is(end, "on") && !Is(end, "at") && !Is(end, "to"))
        {
            end++;
        }
        if (end == from)
        {
            return null;
        }
        var (start, stop) = NameIn(from, end);
        return (start, stop);
    }

    // Within a subject phrase, the name proper: the last run of capitalised words with leading titles
    // and nationality words dropped ("Norwegian Foreign Minister Ingrid Dahl" → "Ingrid Dahl"); the
    // whole phrase when it holds no name ("the ministry", "officials", "he").
    private (int Start, int End) NameIn(int start, int end)
    {
        var runEnd = -1;
        var runStart = -1;
        for (var k = end - 1; k >= start; k--)
        {
            var named = SpeechLexicon.IsNameWord(W(k)) || (runEnd >= 0 && (Is(k, "de") || Is(k, "van") || Is(k, "von") || Is(k, "bin") || Is(k, "al")));
            if (named)
            {
                if (runEnd < 0)
                {
                    runEnd = k + 1;
                }
                runStart = k;
            }
            else if (runEnd >= 0)
            {
                break;
            }
        }
        if (runEnd < 0)
        {
            return CommonNounPhrase(start, end);
        }
        // "Cardinal Ana Ruiz of the Holy See", "Dan Cole of Georgia": the person before "of"; but
        // "Bank of England" is one name, and "Secretary of State Mia Lund" names her after it.
        var of = Is(runStart - 1, "of") ? runStart - 1 : Is(runStart - 1, "the") && Is(runStart - 2, "of") ? runStart - 2 : -1;
        if (of > start && SpeechLexicon.IsNameWord(W(of - 1)) && !SpeechLexicon.IsTitle(W(of - 1)))
        {
            var before = of;
            while (before > start && SpeechLexicon.IsNameWord(W(before - 1)))
            {
                before--;
            }
            if (of - before == 1)
            {
                runStart = before;
            }
            else
            {
                (runStart, runEnd) = (before, of);
            }
        }
        while (runEnd - runStart > 1 && (SpeechLexicon.IsTitle(W(runStart))
            || (SpeechLexicon.IsDemonym(W(runStart)) && SpeechLexicon.IsTitle(W(runStart + 1)))))
        {
            runStart++;
        }
        // A trailing possessive belongs to the phrase, not the name.
        if (runEnd - runStart > 1 && (Is(runEnd - 1, "'s") || Is(runEnd - 1, "’s")))
        {
            runEnd--;
        }
        return (_tokens[runStart].Start, _tokens[runEnd - 1].End);
    }

    // Without a name, the speaker is a short noun phrase ending at the cue: a pronoun ("he"), a bare
    // plural ("officials"), or a determiner with up to four words after it ("the county engineer").
    // Anything longer is a clause, not a subject, and names nobody: (-1, -1).
    private (int Start, int End) CommonNounPhrase(int start, int end)
    {
        var last = W(end - 1);
        if (SpeechLexicon.IsSpeakerPronoun(last) || SpeechLexicon.IsOtherPronoun(last))
        {
            return (_tokens[end - 1].Start, _tokens[end - 1].End);
        }
        for (var k = end - 1; k >= start && k >= end - 5; k--)
        {
            if (IsVerbLike(k))
            {
                return (-1, -1);
            }
            if (Is(k, "the") || Is(k, "a") || Is(k, "an") || Is(k, "his") || Is(k, "her") || Is(k, "their")
                || Is(k, "its") || Is(k, "our") || Is(k, "this") || Is(k, "that") || Is(k, "these") || Is(k, "some")
                || Is(k, "many") || Is(k, "several") || Is(k, "other"))
            {
                return k == end - 1 ? (-1, -1) : (_tokens[k].Start, _tokens[end - 1].End);
            }
        }
        if (end - start == 1 && last.Length > 3 && last[^1] == 's' && char.IsLetter(last[0]))
        {
            return (_tokens[start].Start, _tokens[end - 1].End);
        }
        return (-1, -1);
    }

    private bool IsVerbLike(int i) => IsPassiveAuxiliary(i) || Is(i, "would") || Is(i, "will") || Is(i, "has")
        || Is(i, "have") || Is(i, "had") || Is(i, "could") || Is(i, "should") || Is(i, "can") || Is(i, "may")
        || Is(i, "might") || Is(i, "must") || Is(i, "did") || Is(i, "does") || Is(i, "do");

    private bool IsPronoun(Speaker s) =>
        s.Start >= 0 && SpeechLexicon.IsSpeakerPronoun(_text.AsSpan(s.Start, s.End - s.Start));

    // "he" or "she": the name that opens one of the two sentences before the cue's sentence (the
    // usual subject), else the last named speaker.
    private Speaker? Resolve(Speaker pronoun, Speaker? lastNamed)
    {
        var at = TokenAt(pronoun.Start);
        if (at >= 0 && _sentences.Length > 0)
        {
            var s = _sentence[at];
            for (var back = s - 1; back >= 0 && back >= s - 2; back--)
            {
                var sentence = _sentences[back];
                var limit = Math.Min(sentence.EndToken, sentence.FirstToken + 8);
                var k = sentence.FirstToken;
                while (k < limit && !SpeechLexicon.IsNameWord(W(k)) && !_quoted[k])
                {
                    k++;
                }
                if (k < limit && !_quoted[k])
                {
                    var end = k;
                    while (end < sentence.EndToken && SpeechLexicon.IsNameWord(W(end)))
                    {
                        end++;
                    }
                    if (end - k >= 2 || lastNamed is null)
                    {
                        var (start, stop) = NameIn(k, end);
                        return new Speaker(start, stop, pronoun.Cue) { PronounStart = pronoun.Start, PronounEnd = pronoun.End };
                    }
                }
            }
        }
        return lastNamed is { } named ? named with { Cue = pronoun.Cue, PronounStart = pronoun.Start, PronounEnd = pronoun.End } : pronoun;
    }

    private int TokenAt(int offset)
    {
        var lo = 0;
        var hi = _tokens.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_tokens[mid].End <= offset)
            {
                lo = mid + 1;
            }
            else if (_tokens[mid].Start > offset)
            {
                hi = mid - 1;
            }
            else
            {
                return mid;
            }
        }
        return -1;
    }

    // A pull quote or quoted caption without marks: a paragraph of whole sentences that ends in an
    // attribution line instead of a full stop — "… in mind. Jane Roe, Harbour Commissioner" or
    // "… in mind. — Jane Roe". The attribution is a name followed by a comma and a title holding an
    // office word, or a dash and a name of two words or more; the sentences before it are the quote.
    private void FindAttributedParagraphs(List<QuoteMatch> output)
    {
        var first = 0;
        while (first < _tokens.Length)
        {
            var end = first;
            while (end < _tokens.Length && _paragraph[end] == _paragraph[first])
            {
                end++;
            }
            if (AttributionLine(first, end) is var (quoteEnd, nameStart, nameEnd) && quoteEnd > first)
            {
                output.Add(new QuoteMatch(_tokens[first].Start, _tokens[quoteEnd - 1].End, QuoteFinder.Direct,
                    _tokens[nameStart].Start, _tokens[nameEnd - 1].End, null));
                for (var i = first; i < end; i++)
                {
                    _quoted[i] = true;
                }
            }
            first = end;
        }
    }

    private const int MaxNameWords = 4;
    private const int MaxTitleWords = 8;
    private const int MaxAttributionWords = MaxNameWords + MaxTitleWords + 2;
    private const int MinQuotedWords = 5;

    // For the paragraph [first, end): the end of its quoted sentences and the name of the attribution
    // line that closes it, or null when it does not end so.
    private (int QuoteEnd, int NameStart, int NameEnd)? AttributionLine(int first, int end)
    {
        var tail = end > first && Is(end - 1, ".") ? end - 1 : end;
        var sentenceEnd = -1;
        for (var i = tail - 1; i >= first && i >= tail - MaxAttributionWords - 1; i--)
        {
            if (IsMark(W(i)) || Is(i, ":") || Is(i, ";") || _quoted[i])
            {
                return null;
            }
            if (IsSentenceEnd(i))
            {
                sentenceEnd = i;
                break;
            }
        }
        if (sentenceEnd < first + MinQuotedWords || sentenceEnd + 1 >= tail)
        {
            return null;
        }
        for (var i = first; i < sentenceEnd; i++)
        {
            if (IsDoubleMark(W(i)) || _quoted[i])
            {
                return null;
            }
        }
        var nameStart = sentenceEnd + 1;
        var dash = Is(nameStart, "—") || Is(nameStart, "–") || Is(nameStart, "-");
        if (dash)
        {
            nameStart++;
        }
        var nameEnd = nameStart;
        while (nameEnd < tail && nameEnd - nameStart < MaxNameWords && SpeechLexicon.IsNameWord(W(nameEnd)) && !SpeechLexicon.IsTitle(W(nameEnd)))
        {
            nameEnd++;
        }
        if (nameEnd == nameStart)
        {
            return null;
        }
        if (nameEnd == tail)
        {
            return dash && nameEnd - nameStart >= 2 ? (sentenceEnd + 1, nameStart, nameEnd) : null;
        }
        if (!Is(nameEnd, ",") || tail - nameEnd - 1 > MaxTitleWords)
        {
            return null;
        }
        for (var i = nameEnd + 1; i < tail; i++)
        {
            if (SpeechLexicon.IsTitle(W(i)))
            {
                return (sentenceEnd + 1, nameStart, nameEnd);
            }
        }
        return null;
    }

    // Reported speech without marks, one per sentence that holds a cue and no quotation:
    // "X said (that) CLAUSE", "CLAUSE, X said.", "According to X, CLAUSE" and "CLAUSE, according to X."
    private void FindIndirect(List<QuoteMatch> output, ref Speaker? lastNamed)
    {
        foreach (var sentence in _sentences)
        {
            var hasQuote = false;
            for (var k = sentence.FirstToken; k < sentence.EndToken; k++)
            {
                if (_quoted[k] || IsDoubleMark(W(k)))
                {
                    hasQuote = true;
                    break;
                }
            }
            if (hasQuote)
            {
                continue;
            }
            var last = sentence.EndToken;
            while (last > sentence.FirstToken && (IsSentenceEnd(last - 1) || IsMark(W(last - 1))))
            {
                last--;
            }
            for (var k = sentence.FirstToken; k < last; k++)
            {
                if (Is(k, "according") && Is(k + 1, "to"))
                {
                    var name = NounPhraseAfter(k + 2);
                    if (name is null || name.Value.Start < 0)
                    {
                        break;
                    }
                    var nameEnd = TokenAt(name.Value.End - 1) + 1;
                    int clauseStart, clauseEnd;
                    if (k == sentence.FirstToken && Is(nameEnd, ","))
                    {
                        (clauseStart, clauseEnd) = (nameEnd + 1, last);
                    }
                    else if (k > sentence.FirstToken + 2 && Is(k - 1, ","))
                    {
                        (clauseStart, clauseEnd) = (sentence.FirstToken, k - 1);
                    }
                    else
                    {
                        break;
                    }
                    AddIndirect(output, clauseStart, clauseEnd, new Speaker(name.Value.Start, name.Value.End, "according to"), ref lastNamed);
                    break;
                }
                if (!SpeechLexicon.IsCue(W(k)))
                {
                    continue;
                }
                // "CLAUSE, officials said." — the cue closes the sentence.
                if (k + 1 >= last || (k + 1 < last && (Is(k + 1, "in") || Is(k + 1, "on")) && k + 5 >= last))
                {
                    var comma = -1;
                    for (var c = k - 1; c > sentence.FirstToken && c >= k - MaxSubjectWords; c--)
                    {
                        if (Is(c, ","))
                        {
                            comma = c;
                            break;
                        }
                    }
                    if (comma > sentence.FirstToken + 2)
                    {
                        var subject = NameIn(comma + 1, SkipBack(k, comma + 1));
                        AddIndirect(output, sentence.FirstToken, comma, new Speaker(subject.Start, subject.End, CueText(k)), ref lastNamed);
                    }
                    break;
                }
                // "X said (that) CLAUSE" / "X told reporters that CLAUSE".
                var subjectEnd = SkipBack(k, sentence.FirstToken);
                var subjectStart = subjectEnd;
                while (subjectStart > sentence.FirstToken && subjectStart > subjectEnd - MaxSubjectWords && IsSubjectWord(subjectStart - 1))
                {
                    subjectStart--;
                }
                if (subjectStart == subjectEnd)
                {
                    continue;
                }
                var from = k + 1;
                var that = -1;
                for (var t = from; t < last && t <= from + 5; t++)
                {
                    if (Is(t, "that"))
                    {
                        that = t;
                        break;
                    }
                    if (Is(t, ",") || Is(t, ":"))
                    {
                        break;
                    }
                }
                var said = Is(k, "said") || Is(k, "says") || Is(k, "say");
                if (that >= 0)
                {
                    from = that + 1;
                }
                else if (!said || Is(from, ",") || Is(from, "in") || Is(from, "on") || Is(from, "at") || Is(from, "to"))
                {
                    continue;
                }
                if (last - from < 3)
                {
                    continue;
                }
                var speaker = NameIn(subjectStart, subjectEnd);
                AddIndirect(output, from, last, new Speaker(speaker.Start, speaker.End, CueText(k)), ref lastNamed);
                break;
            }
        }
    }

    private int SkipBack(int k, int floor)
    {
        var end = k;
        while (end > floor && SpeechLexicon.IsSkippable(W(end - 1)))
        {
            end--;
        }
        return end;
    }

    private void AddIndirect(List<QuoteMatch> output, int first, int end, Speaker speaker, ref Speaker? lastNamed)
    {
        // Reported speech is only worth keeping with the one who spoke.
        if (end <= first || speaker.Start < 0)
        {
            return;
        }
        if (IsPronoun(speaker))
        {
            speaker = Resolve(speaker, lastNamed) ?? speaker;
        }
        output.Add(new QuoteMatch(_tokens[first].Start, _tokens[end - 1].End, QuoteFinder.Indirect, speaker.Start, speaker.End, speaker.Cue)
        {
            PronounStart = speaker.PronounStart,
            PronounEnd = speaker.PronounEnd,
        });
    }
}
