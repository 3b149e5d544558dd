using Parley.Model;

namespace Parley.Events;

/// <summary>
/// Per-document views the coder reads many times: children of each token, which actor, place or
/// time each token belongs to, lower-cased lemmas, removed tokens. Built once per document.
/// </summary>
internal sealed class CoderState
{
    private readonly string?[] _lemmas;
    private readonly string?[] _forms;
    private readonly int[] _actor;
    private readonly int[] _mentionStart;
    private readonly int[] _mentionEnd;
    private readonly int[]? _place;
    private readonly int[]? _time;
    private readonly string?[] _relationRead;

    public CoderState(Document document)
    {
        Document = document;
        Analyses = document.Analyses;
        var n = document.Tokens.Length;
        FirstChild = new int[n];
        NextSibling = new int[n];
        Removed = new bool[n];
        _lemmas = new string?[n];
        _forms = new string?[n];
        _actor = new int[n];
        _mentionStart = new int[n];
        _mentionEnd = new int[n];
        Array.Fill(FirstChild, -1);
        Array.Fill(NextSibling, -1);
        Array.Fill(_actor, -1);
        // Children in text order: link from the last token backwards.
        for (var t = n - 1; t >= 0; t--)
        {
            var head = Analyses[t].Head;
            if (head >= 0 && head < n && head != t)
            {
                NextSibling[t] = FirstChild[head];
                FirstChild[head] = t;
            }
        }
        // A clause opened by "that", "whether" or "if" is a complement, whatever attachment the parser
        // chose ("expressed hopes that X could be drawn in" with the clause read as parataxis).
        _relationRead = new string?[n];
        for (var t = 0; t < n; t++)
        {
            var head = Analyses[t].Head;
            if (Analyses[t].Relation == "iobj" && head >= 0 && head < n && !(HasChild(head, "obj") || HasChild(head, "ccomp") || HasChild(head, "xcomp")))
            {
                // An indirect object with no direct object beside it is the direct object
                // ("warned their populations about X").
                _relationRead[t] = "obj";
                continue;
            }
            if (Analyses[t].Relation != "parataxis")
            {
                continue;
            }
            for (var c = FirstChild[t]; c >= 0 && c < t; c = NextSibling[c])
            {
                if (Analyses[c].Relation == "mark" && Form(c) is "that" or "whether" or "if")
                {
                    _relationRead[t] = "ccomp";
                    break;
                }
            }
        }
        if (document.Removed.Count > 0)
        {
            for (var t = 0; t < n; t++)
            {
                Removed[t] = document.IsRemoved(document.Tokens[t].Span);
            }
        }
        for (var a = 0; a < document.Actors.Count; a++)
        {
            foreach (var m in document.Actors[a].Mentions)
            {
                for (var t = FirstTokenAtOrAfter(m.Start); t < n && document.Tokens[t].Start < m.End; t++)
                {
                    // The shorter mention wins where two overlap: it is the more specific name.
                    if (_actor[t] < 0 || m.End - m.Start < _mentionEnd[t] - _mentionStart[t])
                    {
                        _actor[t] = a;
                        _mentionStart[t] = m.Start;
                        _mentionEnd[t] = m.End;
                    }
                }
            }
        }
        if (document.Places.Count > 0)
        {
            _place = new int[n];
            Array.Fill(_place, -1);
            for (var p = 0; p < document.Places.Count; p++)
            {
                foreach (var m in document.Places[p].Mentions)
                {
                    for (var t = FirstTokenAtOrAfter(m.Start); t < n && document.Tokens[t].Start < m.End; t++)
                    {
                        _place[t] = p;
                    }
                }
            }
        }
        if (document.Times.Count > 0)
        {
            _time = new int[n];
            Array.Fill(_time, -1);
            for (var i = 0; i < document.Times.Count; i++)
            {
                var time = document.Times[i];
                for (var t = FirstTokenAtOrAfter(time.Start); t < n && document.Tokens[t].Start < time.End; t++)
                {
                    _time[t] = i;
                }
            }
        }
    }

    public Document Document { get; }

    public TokenAnalysis[] Analyses { get; }

    public int[] FirstChild { get; }

    public int[] NextSibling { get; }

    public bool[] Removed { get; }

    public string Relation(int token) => _relationRead[token] ?? Analyses[token].Relation ?? string.Empty;

    /// <summary>The lemma in lower case; lemmas of names keep their capitals in the analyses.</summary>
    public string Lemma(int token)
    {
        var cached = _lemmas[token];
        if (cached is not null)
        {
            return cached;
        }
        var lemma = Analyses[token].Lemma ?? string.Empty;
        foreach (var c in lemma)
        {
            if (char.IsUpper(c))
            {
                lemma = lemma.ToLowerInvariant();
                break;
            }
        }
        _lemmas[token] = lemma;
        return lemma;
    }

    /// <summary>The word as written, in lower case, with a typographic apostrophe made straight ("n't").</summary>
    public string Form(int token)
    {
        var cached = _forms[token];
        if (cached is not null)
        {
            return cached;
        }
        var form = Document.TokenText(token).ToString().ToLowerInvariant().Replace('\u2019', '\'');
        _forms[token] = form;
        return form;
    }

    public int ActorOf(int token) => _actor[token];

    public (int Start, int End) MentionSpan(int token) =>
        _actor[token] >= 0 ? (_mentionStart[token], _mentionEnd[token]) : (Document.Tokens[token].Start, Document.Tokens[token].End);

    /// <summary>
    /// True for a passive clause: a passive auxiliary, or a passive subject on a past participle. A
    /// parser's "nsubj:pass" on a simple past ("Gondor fired at Harad") is read as active.
    /// </summary>
    public bool IsPassive(int token)
    {
        var participle = Analyses[token].Xpos == "VBN";
        var passive = false;
        for (var c = FirstChild[token]; c >= 0; c = NextSibling[c])
        {
            var rel = Analyses[c].Relation;
            if (rel == "aux:pass")
            {
                // Only a form of be or get makes a passive: "the Ministry of Silly Walks condemned",
                // with "Walks" read as a passive auxiliary, is active whatever else the parse says.
                return Lemma(c) is "be" or "get";
            }
            passive |= rel == "nsubj:pass" && participle;
        }
        return passive;
    }

    /// <summary>True when the token has a dependent with the given relation.</summary>
    public bool HasChild(int token, string relation)
    {
        for (var c = FirstChild[token]; c >= 0; c = NextSibling[c])
        {
            if (Analyses[c].Relation == relation)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when the token has a subject of its own (<c>nsubj</c> or <c>nsubj:pass</c>).</summary>
    public bool HasSubject(int token) => HasChild(token, "nsubj") || HasChild(token, "nsubj:pass");

    /// <summary>True when a <c>case</c> or <c>mark</c> dependent of the token is <paramref name="word"/>.</summary>
    public bool MarkerIs(int token, string word)
    {
        for (var c = FirstChild[token]; c >= 0; c = NextSibling[c])
        {
            var rel = Analyses[c].Relation;
            if ((rel == "case" || rel == "mark") && Lemma(c) == word)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The id of a place named by the token or its compound/flat parts, or null.</summary>
    public string? PlaceAt(int token) =>
        _place is not null && _place[token] >= 0 ? Document.Places[_place[token]].Id : null;

    /// <summary>The resolved value of a time expression the token is in, or null.</summary>
    public string? TimeAt(int token)
    {
        if (_time is null)
        {
            return null;
        }
        if (_time[token] >= 0)
        {
            return Document.Times[_time[token]].Value;
        }
        for (var c = FirstChild[token]; c >= 0; c = NextSibling[c])
        {
            if (_time[c] >= 0)
            {
                return Document.Times[_time[c]].Value;
            }
        }
        return null;
    }

    /// <summary>
    /// True when the token lies inside a quotation: one the quotes layer found, or an opening
    /// quotation mark earlier in the sentence that is not yet closed.
    /// </summary>
    public bool InQuote(int token, Sentence sentence)
    {
        var start = Document.Tokens[token].Start;
        foreach (var q in Document.Quotes)
        {
            if (q.Start <= start && start < q.End)
            {
                return true;
            }
        }
        var open = 0;
        var straight = 0;
        var text = Document.Text;
        for (var i = sentence.Start; i < start; i++)
        {
            switch (text[i])
            {
                case '\u201C':
                    open++;
                    break;
                case '\u201D':
                    open = Math.Max(0, open - 1);
                    break;
                case '"':
                    straight++;
                    break;
            }
        }
        return open > 0 || straight % 2 == 1;
    }

    private int FirstTokenAtOrAfter(int offset)
    {
        var tokens = Document.Tokens;
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (tokens[mid].End <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}
