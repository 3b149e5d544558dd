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
            if (covered[h] || a.Upos is not ("NOUN" or "PROPN") || a.Relation is "compound" or "flat" or "amod")
            {
                continue;
            }
            var first = h;
            var last = h;
            for (var t = 0; t < doc.Tokens.Length; t++)
            {
                if (doc.Analyses[t].Head == h && doc.Analyses[t].Relation is "compound" or "flat" or "amod" or "det" or "nmod:poss" or "case" or "nummod")
                {
                    if (doc.Analyses[t].Relation == "case" && t < h)
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
                words.Add(doc.TokenText(t).ToString());
            }
            var codes = coder.Code(words, date);
            // "soldiers from Gondor": a following from/of phrase names whose they are, when the
            // noun itself names someone; "ties with Gondor" leaves Gondor its own phrase.
            var extended = last;
            for (var t = h + 1; t < doc.Tokens.Length && codes.Count > 0; t++)
            {
                if (doc.Analyses[t].Head == h && doc.Analyses[t].Relation == "nmod" && t - extended <= 3)
                {
                    extended = t;
                }
            }
            if (extended != last)
            {
                for (var t = last + 1; t <= extended; t++)
                {
                    words.Add(doc.TokenText(t).ToString());
                }
                last = extended;
                codes = coder.Code(words, date);
            }
            if (codes.Count != 1)
            {
                continue;
            }
            for (var t = first; t <= last; t++)
            {
                covered[t] = true;
            }
            if (!byCode.TryGetValue(codes[0], out var index))
            {
                byCode[codes[0]] = index = mentions.Count;
                mentions.Add([]);
            }
            var s = doc.Tokens[first].Start;
            var e = doc.Tokens[last].End;
            mentions[index].Add(new Mention(s, e, doc.Text[s..e]));
        }
        foreach (var (code, index) in byCode)
        {
            doc.Actors.Add(new Actor { Id = "a" + (doc.Actors.Count + 1), Name = mentions[index][0].Text, Code = code, Mentions = mentions[index] });
        }
        doc.AddLayers(Layers.Actors);
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
