using Parley.Actors;
using Parley.Model;

namespace Parley.Events;

/// <summary>
/// Actors the way PETRARCH finds them, for evaluations against its dictionaries: every noun phrase
/// of the parse (a noun or name with its determiners, modifiers, compounds and possessor) is coded
/// with an <see cref="ActorPhraseCoder"/>; a phrase with one code becomes an actor mention.
/// </summary>
public static class NounPhraseActors
{
    /// <summary>
    /// Adds the actors of <paramref name="doc"/> (tagged and parsed) coded as of <paramref name="date"/>
    /// and marks the actors layer present.
    /// </summary>
    public static void Add(Document doc, ActorPhraseCoder coder, DateOnly? date)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(coder);
        var byCode = new Dictionary<string, int>(StringComparer.Ordinal);
        var mentions = new List<List<Mention>>();
        var covered = new bool[doc.Tokens.Length];
        for (var h = 0; h < doc.Tokens.Length; h++)
        {
            var a = doc.Analyses[h];
            // A noun the parser hung as a modifier on punctuation modifies nothing: it heads its own phrase.
            if (covered[h] || a.Upos is not ("NOUN" or "PROPN") || a.Relation is "compound" or "flat"
                || (a.Relation == "amod" && a.Head >= 0 && doc.Analyses[a.Head].Upos != "PUNCT"))
            {
                continue;
            }
            var first = h;
            var last = h;
            for (var t = 0; t < doc.Tokens.Length; t++)
            {
                if (doc.Analyses[t].Head == h && doc.Analyses[t].Relation is "compound" or "flat" or "amod" or "det" or "nmod:poss" or "case" or "nummod")
                {
                    if ((doc.Analyses[t].Relation == "case" && t < h) || IsClause(doc, t))
                    {
                        continue;
                    }
                    first = Math.Min(first, Leftmost(doc, t));
                    last = Math.Max(last, t);
                }
            }
            var words = new List<string>();
            for (var t = first; t <= last; t++)
            {
                AddWords(doc, t, words);
            }
            var codes = coder.Code(words, date);
            var headWords = words;
            var headCodes = codes;
            var ofPhrase = -1;
            // "soldiers from Gondor": a following from/of phrase names whose they are, when the
            // noun itself names someone; "ties with Gondor" leaves Gondor its own phrase. A name
            // that only the whole phrase makes ("the Prince of Dol Amroth", where "Dol Amroth"
            // alone is nobody) is taken whole too.
            var extended = last;
            for (var t = h + 1; t < doc.Tokens.Length; t++)
            {
                if (doc.Analyses[t].Head == h && doc.Analyses[t].Relation == "nmod" && t - extended <= 3 && IsOwnerPhrase(doc, t))
                {
                    extended = t;
                }
            }
            if (extended != last)
            {
                var modifier = new List<string>();
                for (var t = last + 1; t <= extended; t++)
                {
                    AddWords(doc, t, modifier);
                }
                var whole = new List<string>(words);
                whole.AddRange(modifier);
                IReadOnlyList<string> wholeCodes = codes.Count > 0 ? coder.Code(whole, date) : [];
                if (codes.Count == 0 && coder.Code(modifier, date).Count == 0)
                {
                    wholeCodes = coder.Code(whole, date);
                }
                if (wholeCodes.Count > 0 || codes.Count > 0)
                {
                    words = whole;
                    ofPhrase = extended;
                    last = extended;
                    codes = wholeCodes;
                }
            }
            if (codes.Count != 1)
            {
                continue;
            }
            AddMention(codes[0], first, last);
            if (ofPhrase >= 0 && headCodes.Count > 0)
            {
                // "the ambassadors of Arnor, Osgiliath and Gondor": each country joined to the
                // phrase's noun has such ambassadors too.
                for (var c = ofPhrase + 1; c < doc.Tokens.Length; c++)
                {
                    if (covered[c] || doc.Analyses[c].Head != ofPhrase || doc.Analyses[c].Relation != "conj")
                    {
                        continue;
                    }
                    var (conjFirst, conjLast) = (c, c);
                    var conjWords = new List<string>(headWords);
                    for (var t = 0; t < doc.Tokens.Length; t++)
                    {
                        if (doc.Analyses[t].Head == ofPhrase && doc.Analyses[t].Relation == "case")
                        {
                            AddWords(doc, t, conjWords);
                        }
                        else if (doc.Analyses[t].Head == c && doc.Analyses[t].Relation is "compound" or "flat" or "det" or "amod")
                        {
                            conjFirst = Math.Min(conjFirst, t);
                            conjLast = Math.Max(conjLast, t);
                        }
                    }
                    for (var t = conjFirst; t <= conjLast; t++)
                    {
                        AddWords(doc, t, conjWords);
                    }
                    var conjCodes = coder.Code(conjWords, date);
                    if (conjCodes.Count == 1)
                    {
                        AddMention(conjCodes[0], conjFirst, conjLast);
                    }
                }
            }
        }
        foreach (var (code, index) in byCode)
        {
            doc.Actors.Add(new Actor { Id = "a" + (doc.Actors.Count + 1), Name = mentions[index][0].Text, Code = code, Mentions = mentions[index] });
        }
        doc.AddLayers(Layers.Actors);

        void AddMention(string code, int first, int last)
        {
            for (var t = first; t <= last; t++)
            {
                covered[t] = true;
            }
            if (!byCode.TryGetValue(code, out var index))
            {
                byCode[code] = index = mentions.Count;
                mentions.Add([]);
            }
            var s = doc.Tokens[first].Start;
            var e = doc.Tokens[last].End;
            mentions[index].Add(new Mention(s, e, doc.Text[s..e]));
        }
    }

    // A modifier that has a subject of its own is a clause the parser hung on the noun ("police
    // arrested students" read as "arrested students"): its words are not part of the noun's name.
    private static bool IsClause(Document doc, int modifier)
    {
        if (doc.Analyses[modifier].Upos != "VERB")
        {
            return false;
        }
        for (var t = 0; t < doc.Tokens.Length; t++)
        {
            if (doc.Analyses[t].Head == modifier && doc.Analyses[t].Relation is "nsubj" or "nsubj:pass")
            {
                return true;
            }
        }
        return false;
    }

    private static bool BetweenAdjectives(Document doc, int token) =>
        token > 0 && token + 1 < doc.Tokens.Length && doc.Analyses[token - 1].Upos == "ADJ" && doc.Analyses[token + 1].Upos == "ADJ";

    // An of/from/in phrase says whose or where someone is; "with", "against" and the like do not.
    // A modifier with no preposition is a name the parser split ("Kallia Prime Minister Ona Berg").
    private static bool IsOwnerPhrase(Document doc, int noun)
    {
        for (var t = Math.Max(0, noun - 6); t < noun; t++)
        {
            if (doc.Analyses[t].Head == noun && doc.Analyses[t].Relation == "case")
            {
                return doc.Analyses[t].Lemma?.ToLowerInvariant() is "of" or "from" or "in";
            }
        }
        return true;
    }

    // The token's words for the dictionary: "Dol_Amroth" is the two words the dictionary lists. A
    // conjunction or comma between adjectives ("awful and evil minister") joins no actors, so it is
    // left out rather than splitting the phrase, whether the parser hung it on the second adjective
    // or on the noun.
    private static void AddWords(Document doc, int token, List<string> words)
    {
        var a = doc.Analyses[token];
        if (a.Relation is "cc" or "punct" && (a.Head >= 0 && doc.Analyses[a.Head].Upos == "ADJ" && doc.Analyses[a.Head].Relation == "conj" || BetweenAdjectives(doc, token)))
        {
            return;
        }
        var text = doc.TokenText(token);
        if (text.Length > 2 && text.Contains('_') && !text.StartsWith('_') && !text.EndsWith('_'))
        {
            foreach (var part in text.ToString().Split('_', StringSplitOptions.RemoveEmptyEntries))
            {
                words.Add(part);
            }
            return;
        }
        words.Add(text.ToString());
    }

    private static int Leftmost(Document doc, int token)
    {
        var left = token;
        for (var t = 0; t < token; t++)
        {
            var head = doc.Analyses[t].Head;
            while (head >= 0 && head != token && head > t - 50)
            {
                if (head == token)
                {
                    break;
                }
                head = doc.Analyses[head].Head == head ? -1 : doc.Analyses[head].Head;
                if (head < 0)
                {
                    break;
                }
            }
            if (head == token)
            {
                left = Math.Min(left, t);
            }
        }
        return left;
    }
}
