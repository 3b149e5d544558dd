namespace Parley.Events;

/// <summary>
/// Who acts in an infinitive or participle clause that hangs on a noun: the subject of a noun that
/// is itself a predicate ("Gondor plans to ...", with "plans" tagged a noun; "X became the first
/// leader to meet Y"), or the owner of a plan or effort the clause complements ("rejected Harad's
/// plans to attack X"). Also the nouns that make such a clause intended or hypothetical.
/// </summary>
internal static class ClauseSubjects
{
    /// <summary>
    /// Nouns of purpose or plan: an infinitive that complements them is meant, not done ("plans to
    /// attack", "efforts to isolate", "a bid to annex").
    /// </summary>
    public static readonly HashSet<string> IntentNouns = new(StringComparer.Ordinal)
    {
        "plan", "proposal", "offer", "promise", "pledge", "bid", "attempt", "effort", "intention", "request",
        "call", "appeal", "demand", "plea", "invitation", "decision", "initiative", "desire", "wish", "aim",
        "goal", "ambition", "readiness", "willingness", "scheme", "plot", "campaign", "drive",
    };

    /// <summary>Nouns that make the infinitive they govern a mere possibility ("a threat to invade").</summary>
    public static readonly HashSet<string> HypotheticalNouns = new(StringComparer.Ordinal)
    {
        "threat", "warning", "risk", "danger", "possibility", "prospect", "ultimatum",
    };

    /// <summary>
    /// For a clause attached to <paramref name="predicate"/>, a noun or adjective with a subject of its
    /// own and no copula (the tagger took a verb for a noun: "Gondor plans to impose"), or the
    /// complement of a linking verb ("Gondor became the first state to recognise Arnor"): that subject,
    /// preferring one that names an actor; -1 when neither holds. Copular predicates are the coder's.
    /// </summary>
    public static int OfPredicateNoun(CoderState state, int predicate, Model.Sentence sentence)
    {
        if (state.Analyses[predicate].Upos is not ("NOUN" or "ADJ" or "PROPN") || state.HasChild(predicate, "cop"))
        {
            return -1;
        }
        if (state.HasChild(predicate, "nsubj"))
        {
            return BestSubject(state, predicate);
        }
        var head = state.Analyses[predicate].Head;
        if (state.ActorOf(predicate) < 0 && state.Relation(predicate) is "xcomp" or "obj" && head >= sentence.FirstToken
            && head < sentence.EndToken && state.Lemma(head) is "become" or "remain")
        {
            return BestSubject(state, head);
        }
        return -1;
    }

    /// <summary>
    /// The object of <paramref name="head"/> before <paramref name="verb"/> when it is a plan or effort
    /// noun that names no one and <paramref name="head"/> is neither passive nor a light verb: the noun
    /// the infinitive at <paramref name="verb"/> complements ("rejected plans to attack"); -1 otherwise.
    /// After a light verb ("announced plans to attack") the verb's subject owns the plan: pass the light
    /// verbs to get -1 then, or null to find the plan noun whatever the verb (it still makes the act intended).
    /// </summary>
    public static int IntentNounBefore(CoderState state, int head, int verb, HashSet<string>? lightVerbs)
    {
        if (!state.MarkerIs(verb, "to") || state.IsPassive(head) || (lightVerbs is not null && lightVerbs.Contains(state.Lemma(head))))
        {
            return -1;
        }
        for (var c = state.FirstChild[head]; c >= 0 && c < verb; c = state.NextSibling[c])
        {
            if (state.Relation(c) == "obj" && state.Analyses[c].Upos == "NOUN" && state.ActorOf(c) < 0
                && IntentNouns.Contains(state.Lemma(c)))
            {
                return c;
            }
        }
        return -1;
    }

    /// <summary>The possessor of <paramref name="noun"/> ("Harad's plans"), or -1.</summary>
    public static int PossessorOf(CoderState state, int noun)
    {
        for (var c = state.FirstChild[noun]; c >= 0; c = state.NextSibling[c])
        {
            if (state.Relation(c) == "nmod:poss")
            {
                return c;
            }
        }
        return -1;
    }

    // Of several subjects (a parse that split "King Theoden" in two), the one that names an actor.
    private static int BestSubject(CoderState state, int head)
    {
        var first = -1;
        for (var c = state.FirstChild[head]; c >= 0; c = state.NextSibling[c])
        {
            if (state.Relation(c) is "nsubj" or "nsubj:pass")
            {
                if (state.ActorOf(c) >= 0 || HasNamedPart(state, c))
                {
                    return c;
                }
                first = first < 0 ? c : first;
            }
        }
        return first;
    }

    private static bool HasNamedPart(CoderState state, int token)
    {
        for (var c = state.FirstChild[token]; c >= 0; c = state.NextSibling[c])
        {
            if (state.ActorOf(c) >= 0 && state.Relation(c) is "flat" or "compound" or "appos" or "nmod:poss")
            {
                return true;
            }
        }
        return false;
    }
}
