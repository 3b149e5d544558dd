using Parley.Model;

namespace Parley.Events;

/// <summary>
/// Where the parse leaves an argument of an event unattached, English word order still says who
/// is meant: the noun phrase right before a finite verb is its subject ("the leader has directed"),
/// the one right after a transitive verb its object ("to meet President Putin"), and a verb just
/// before an event noun's phrase lends it its subject ("has directed an intensive, renewed
/// assault"). These are fallbacks the coder tries only after the dependency tree gave nothing.
/// </summary>
internal static class ArgumentFallbacks
{
    private const int MaxGap = 4;
    private const int MaxNounPhrase = 7;

    // Nouns of purpose or plan: an infinitive that modifies them is meant, not done ("plans to
    // attack", "a request for X to visit", "efforts to isolate").
    internal static readonly HashSet<string> IntentNouns = new(StringComparer.Ordinal)
    {
        "plan", "request", "proposal", "offer", "promise", "pledge", "bid", "attempt", "effort", "intention",
        "call", "appeal", "demand", "push", "plea", "invitation", "decision", "agreement", "deal", "order",
        "initiative", "move", "desire", "wish", "aim", "goal", "ambition", "readiness", "willingness",
    };

    // Nouns that make the infinitive they govern a mere possibility ("a threat to invade").
    internal static readonly HashSet<string> HypotheticalNouns = new(StringComparer.Ordinal)
    {
        "threat", "warning", "risk", "danger", "possibility", "prospect", "ultimatum",
    };

    /// <summary>
    /// The actor-naming word that ends the noun phrase right before a finite <paramref name="verb"/>
    /// that has no subject in the parse (auxiliaries and adverbs between are skipped), or -1. An
    /// infinitive, a participle without auxiliary, or a verb preceded by a conjunction or a comma
    /// gets no subject this way: its subject is shared, not adjacent.
    /// </summary>
    public static int SubjectBefore(CoderState state, int verb, Sentence sentence)
    {
        if (state.Analyses[verb].Upos != "VERB" || state.MarkerIs(verb, "to") || !IsFinite(state, verb))
        {
            return -1;
        }
        var t = verb - 1;
        for (var gap = 0; gap < MaxGap && t >= sentence.FirstToken; gap++, t--)
        {
            var a = state.Analyses[t];
            if (a.Upos is "AUX" or "ADV" || (a.Upos == "PART" && state.Lemma(t) is "not" or "n't"))
            {
                continue;
            }
            break;
        }
        if (t < sentence.FirstToken || state.ActorOf(t) < 0 || state.Removed[t])
        {
            return -1;
        }
        // A word the parse already made another verb's subject or object is that verb's.
        var rel = state.Relation(t);
        return rel is "nsubj" or "nsubj:pass" or "obj" or "iobj" || IsPossessor(state, t) ? -1 : t;
    }

    /// <summary>
    /// The actor-naming word of the noun phrase right after <paramref name="verb"/> (determiners,
    /// adjectives, numbers and title words skipped), or -1: "meet Russian President Vladimir Putin"
    /// when the parse hung the name elsewhere. A word the parse made the object of another verb stays
    /// with it.
    /// </summary>
    public static int ObjectAfter(CoderState state, int verb, Sentence sentence)
    {
        if (state.Analyses[verb].Upos != "VERB")
        {
            return -1;
        }
        for (var t = verb + 1; t < sentence.EndToken && t <= verb + MaxGap; t++)
        {
            if (state.Removed[t])
            {
                return -1;
            }
            var a = state.Analyses[t];
            if (state.ActorOf(t) >= 0)
            {
                var head = a.Head;
                var rel = state.Relation(t);
                var ownedElsewhere = rel is "obj" or "iobj" && head != verb;
                return ownedElsewhere || IsPossessor(state, t) ? -1 : t;
            }
            if (a.Upos is not ("DET" or "ADJ" or "NUM" or "PROPN"))
            {
                return -1;
            }
        }
        return -1;
    }

    /// <summary>
    /// The light verb just before the phrase of the event noun at <paramref name="noun"/> when the
    /// parse attached the noun elsewhere: scanning left over determiners, adjectives, numbers,
    /// commas and participles used as adjectives ("an intensive, renewed assault"), the first verb
    /// in <paramref name="lightVerbs"/> that is not itself inside the phrase; -1 when none.
    /// </summary>
    public static int LightVerbBefore(CoderState state, int noun, Sentence sentence, HashSet<string> lightVerbs)
    {
        var t = noun - 1;
        for (var steps = 0; steps < MaxNounPhrase && t >= sentence.FirstToken; steps++, t--)
        {
            var a = state.Analyses[t];
            if (a.Upos is "DET" or "ADJ" or "NUM" or "ADV" || (a.Upos == "PRON" && state.Relation(t) == "nmod:poss")
                || (a.Upos == "PUNCT" && IsComma(state, t)) || (a.Upos == "CCONJ" && state.Lemma(t) == "and"))
            {
                continue;
            }
            if (a.Upos != "VERB")
            {
                return -1;
            }
            // A participle between an article or adjective and the noun is an adjective: "a renewed assault".
            var before = t > sentence.FirstToken ? state.Analyses[t - 1] : default;
            if (t > sentence.FirstToken && (before.Upos is "DET" or "ADJ" || (before.Upos == "PUNCT" && IsComma(state, t - 1))))
            {
                continue;
            }
            return lightVerbs.Contains(state.Lemma(t)) ? t : -1;
        }
        return -1;
    }

    /// <summary>
    /// For a clause attached to a noun or adjective that is the predicate of a copula ("X was the
    /// first leader to meet Y", "X was forceful in blaming Y") or has a subject of its own, or that
    /// is the complement of a linking verb ("X became the first leader to meet Y"): that
    /// predicate's subject; otherwise -1.
    /// </summary>
    public static int PredicateSubject(CoderState state, int predicate, Sentence sentence)
    {
        if (state.Analyses[predicate].Upos is not ("NOUN" or "ADJ" or "PROPN"))
        {
            return -1;
        }
        // A noun with a subject of its own is a predicate too: a copula's, or a verb the tagger
        // took for a noun ("Gondor plans to ...").
        if (HasCopula(state, predicate) || state.HasChild(predicate, "nsubj"))
        {
            return BestSubject(state, predicate);
        }
        if (state.ActorOf(predicate) >= 0)
        {
            return -1;
        }
        var head = state.Analyses[predicate].Head;
        if (state.Relation(predicate) is "xcomp" or "obj" && head >= sentence.FirstToken && head < sentence.EndToken
            && state.Lemma(head) is "become" or "remain" or "stay")
        {
            return BestSubject(state, head);
        }
        return -1;
    }

    /// <summary>
    /// The subject dependent of <paramref name="head"/>; of several (a parse that split "Austrian
    /// Chancellor Karl Nehammer" in two), the one that names an actor; -1 when none.
    /// </summary>
    public static int BestSubject(CoderState state, int head)
    {
        var first = -1;
        for (var c = state.FirstChild[head]; c >= 0; c = state.NextSibling[c])
        {
            if (state.Relation(c) is "nsubj" or "nsubj:pass")
            {
                if (NamesActor(state, c))
                {
                    return c;
                }
                first = first < 0 ? c : first;
            }
        }
        return first;
    }

    /// <summary>
    /// True for a bare infinitive-with-to: such a verb has no subject of its own in English unless a
    /// <c>for</c> phrase gives one ("for the envoy to visit"), so an nsubj under it is a parse error.
    /// </summary>
    public static bool IsToInfinitive(CoderState state, int verb) =>
        state.MarkerIs(verb, "to") && !state.MarkerIs(verb, "for") && !HasAuxiliary(state, verb);

    /// <summary>
    /// True for a to-infinitive whose subject comes in a <c>for</c> phrase, which is wanted or
    /// planned rather than done: "a request for the envoy to visit".
    /// </summary>
    public static bool IsForToClause(CoderState state, int verb, Sentence sentence)
    {
        if (!state.MarkerIs(verb, "to"))
        {
            return false;
        }
        if (state.MarkerIs(verb, "for"))
        {
            return true;
        }
        var head = state.Analyses[verb].Head;
        return state.Relation(verb) == "acl" && head >= sentence.FirstToken && head < sentence.EndToken && state.MarkerIs(head, "for");
    }

    private static bool NamesActor(CoderState state, int token)
    {
        if (state.ActorOf(token) >= 0)
        {
            return true;
        }
        for (var c = state.FirstChild[token]; c >= 0; c = state.NextSibling[c])
        {
            if (state.ActorOf(c) >= 0 && state.Relation(c) is "flat" or "compound" or "appos" or "nmod:poss")
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsFinite(CoderState state, int verb) =>
        state.Analyses[verb].Xpos is "VBD" or "VBZ" or "VBP" || HasAuxiliary(state, verb);

    private static bool HasAuxiliary(CoderState state, int verb)
    {
        for (var c = state.FirstChild[verb]; c >= 0; c = state.NextSibling[c])
        {
            if (state.Relation(c) is "aux" or "aux:pass")
            {
                return true;
            }
        }
        return false;
    }

    private static bool HasCopula(CoderState state, int token) => state.HasChild(token, "cop");

    private static bool IsPossessor(CoderState state, int token) =>
        state.Relation(token) == "nmod:poss" || (token + 1 < state.Analyses.Length && state.Analyses[token + 1].Upos == "PART"
            && state.Document.TokenText(token + 1) is "'s" or "’s");

    private static bool IsComma(CoderState state, int token) => state.Document.TokenText(token).SequenceEqual(",");
}
