using Parley.Diagnostics;
using Parley.Model;

namespace Parley.Events;

/// <summary>
/// Codes events from a tagged and parsed document with a <see cref="EventLexicon"/>: at every verb
/// or noun whose lemma heads a pattern it tries the patterns, most specific first; source and target
/// come from the matched dependents (nsubj, obj, obl with a preposition, the <c>by</c> agent in the
/// passive, a possessor, the subject of a light verb or of a governing verb) and map to actors
/// through their mention spans. Read-only after construction; one instance serves every thread.
/// </summary>
public sealed class EventCoder
{
    private const int MaxFrame = 8;
    private const int MaxClimb = 6;

    // The furthest an adjacent pattern word's head may stand from the previous word (a multi-word synonym).
    private const int MaxPhraseWords = 6;

    // How far down the predicate's subtree its phrase's words are looked for.
    private const int MaxPhraseDepth = 8;

    // The most words one side of an event is read from (a subject with its conjuncts).
    private const int MaxMembers = 16;

    // What a role slot that names an actor adds to a match's score: a little more than a named
    // word, so "accused X of corruption" (word + actor) beats "accused X" (actor) beats "accused of".
    private const int RoleWeight = 7;

    // Verbs that take a nominal event as object and lend it their subject: "launched an attack on".
    internal static readonly HashSet<string> LightVerbs = new(StringComparer.Ordinal)
    {
        "launch", "carry", "conduct", "mount", "stage", "direct", "begin", "start", "continue", "resume",
        "step", "intensify", "escalate", "renew", "order", "hold", "make", "pay", "undertake", "unleash",
        "wage", "issue", "lodge", "file", "impose", "sign", "reach", "conclude", "give", "offer", "extend",
        "provide", "deliver", "press", "perpetrate", "commit", "orchestrate", "lead", "organize", "organise",
        "announce", "initiate", "open", "pursue", "expand", "broaden", "plan", "threaten", "vow",
        "call", "demand", "seek", "host", "attend", "join", "enter", "keep", "maintain", "do",
        "take", "put", "send", "dispatch", "receive", "accept", "approve", "grant", "have", "use",
        "express", "voice", "boost", "deepen", "increase", "complete", "finish", "perform",
        "record", "restart", "coordinate", "strengthen", "execute", "win", "uphold", "cast", "lose",
        "repeat", "reiterate", "tighten", "fight",
    };

    // Governors that make the clause below them intended rather than done.
    private static readonly HashSet<string> IntentVerbs = new(StringComparer.Ordinal)
    {
        "plan", "intend", "want", "seek", "promise", "pledge", "vow", "agree", "offer", "propose", "hope",
        "aim", "try", "attempt", "request", "ask", "prepare", "wish", "decide", "consider", "push", "urge",
        "expect", "like", "mean", "schedule", "set", "resolve", "move", "vote", "call", "demand", "need",
    };

    // Verbs whose coordinated subjects act on each other when nothing else is named: "Gondor and
    // Rohan met" is Gondor meeting Rohan and Rohan meeting Gondor.
    private static readonly HashSet<string> ReciprocalVerbs = new(StringComparer.Ordinal)
    {
        "meet", "talk", "negotiate", "confer", "consult", "clash", "fight", "cooperate", "reconcile", "spar",
    };

    // Nouns of a bond or exchange between parties, which make any verb mutual: "X and Y renewed
    // ties", "... held talks", "... are seeking to deepen a partnership".
    private static readonly HashSet<string> ReciprocalObjects = new(StringComparer.Ordinal)
    {
        "tie", "relation", "talk", "negotiation", "partnership", "cooperation", "co-operation", "agreement",
        "accord", "pact", "deal", "treaty", "alliance", "dialogue", "friendship", "truce", "ceasefire",
        "collaboration", "rapprochement", "reconciliation",
    };

    // Governors that make the clause below them conditional or merely threatened.
    private static readonly HashSet<string> HypotheticalVerbs = new(StringComparer.Ordinal)
    {
        "threaten", "warn", "may", "might", "could", "would", "risk",
    };

    private static readonly HashSet<string> ConditionalAuxiliaries = new(StringComparer.Ordinal)
    {
        "would", "could", "might", "may", "should",
    };

    // Governors that refuse or fail the clause below them.
    private static readonly HashSet<string> NegatingVerbs = new(StringComparer.Ordinal)
    {
        "refuse", "decline", "fail", "deny", "avoid", "stop", "cease", "halt",
    };

    // Verbs that describe someone rather than report a deed: "described X as isolated" codes nothing.
    private static readonly HashSet<string> DescriptionVerbs = new(StringComparer.Ordinal)
    {
        "describe", "call", "consider", "regard", "see", "view", "portray", "label", "brand", "depict",
        "characterize", "characterise", "deem", "find",
    };

    // Verbs of saying: a clause they govern is reported speech.
    private static readonly HashSet<string> SpeechVerbs = new(StringComparer.Ordinal)
    {
        "say", "tell", "state", "claim", "report", "announce", "add", "note", "insist", "allege", "believe",
        "think", "write", "declare", "assert", "argue", "explain", "suggest", "confirm", "reveal", "indicate",
        "maintain", "contend", "acknowledge", "admit", "stress", "emphasize", "emphasise", "reiterate", "tweet",
    };

    /// <summary>Creates a coder; every pattern's code must be in <paramref name="ontology"/>.</summary>
    /// <exception cref="ParleyConfigurationException">E103 when a pattern uses a code the ontology lacks.</exception>
    public EventCoder(EventLexicon lexicon, CameoOntology ontology, EventCoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(ontology);
        Lexicon = lexicon;
        Ontology = ontology;
        Options = options ?? new EventCoderOptions();
        foreach (var pattern in lexicon.Patterns)
        {
            if (!ontology.Contains(pattern.Code) || (pattern.ReverseCode is not null && !ontology.Contains(pattern.ReverseCode)))
            {
                throw new ParleyConfigurationException(DiagnosticCodes.DataMissing,
                    $"Event lexicon {pattern.Id}: {pattern.Code} is not a CAMEO 1.1b3 code.");
            }
        }
    }

    /// <summary>The patterns.</summary>
    public EventLexicon Lexicon { get; }

    /// <summary>The codes' names, weights and classes.</summary>
    public CameoOntology Ontology { get; }

    /// <summary>The settings.</summary>
    public EventCoderOptions Options { get; }

    /// <summary>
    /// Codes the events of <paramref name="document"/>, which needs tokens, sentences, analyses
    /// (lemmas, tags, heads, relations) and actors. Returns them in sentence order with ids
    /// <c>e1</c>, <c>e2</c> … numbered after <paramref name="firstId"/>; the document is not changed.
    /// When <paramref name="trace"/> is given, every decision is noted in it.
    /// </summary>
    public List<CodedEvent> Code(Document document, int firstId = 1, EventCodingTrace? trace = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var events = new List<CodedEvent>();
        var n = document.Tokens.Length;
        if (n == 0 || document.Analyses.Length != n)
        {
            return events;
        }
        var state = new CoderState(document);
        var candidates = new List<Candidate>();
        var seen = new HashSet<(int, int, int, string)>();
        var covered = new List<int>();
        var nextId = firstId;
        for (var s = 0; s < document.Sentences.Length; s++)
        {
            var sentence = document.Sentences[s];
            candidates.Clear();
            for (var t = sentence.FirstToken; t < sentence.EndToken; t++)
            {
                if (state.Removed[t])
                {
                    continue;
                }
                var a = document.Analyses[t];
                bool nominal;
                if ((a.Upos is "VERB" && !IsNounReadAsVerb(state, t)) || IsVerbReadAsAdjective(state, t))
                {
                    nominal = false;
                }
                else if (a.Upos is "NOUN" or "PROPN" or "VERB")
                {
                    nominal = true;
                }
                else
                {
                    continue;
                }
                var patterns = nominal ? [] : FindByOwnForm(state, t);
                if (patterns.Length == 0)
                {
                    patterns = Lexicon.Find(state.Lemma(t), nominal);
                }
                if (patterns.Length == 0 && nominal && IsPastReadAsNoun(state, t, out var verbLemma))
                {
                    patterns = verbLemma is null ? FindByForm(state, t) : Lexicon.Find(verbLemma, nominal: false);
                    trace?.Note(s, t, $"'{state.Document.TokenText(t)}' parsed as a noun heads the sentence: read as a verb");
                }
                if (patterns.Length == 0 && !nominal)
                {
                    patterns = FindByForm(state, t);
                    if (patterns.Length == 0)
                    {
                        trace?.Note(s, t, $"verb '{state.Lemma(t)}': no pattern in the lexicon");
                    }
                }
                Candidate best = default;
                var bestScore = -1;
                for (var i = 0; i < patterns.Length; i++)
                {
                    // Patterns are sorted by specificity; role slots add at most RoleWeight each, so once a
                    // pattern cannot beat the best even with every role filled, stop.
                    if (patterns[i].Specificity + (RoleWeight * patterns[i].Slots.Count) <= bestScore)
                    {
                        break;
                    }
                    if (TryMatch(state, patterns[i], t, sentence, out var candidate, out var score) && score > bestScore)
                    {
                        best = candidate;
                        bestScore = score;
                    }
                }
                if (bestScore >= 0)
                {
                    candidates.Add(best with { Score = bestScore });
                    trace?.Note(s, t, $"'{state.Lemma(t)}': {patterns.Length} patterns; best {best.Pattern.Code} [{best.Pattern.Id}] score {bestScore}");
                }
                else if (patterns.Length > 0)
                {
                    trace?.Note(s, t, $"'{state.Lemma(t)}': none of {patterns.Length} patterns matched (a required word or dependent is missing)");
                }
            }
            var sentenceFirstEvent = events.Count;
            var sentenceFirstId = nextId;
            covered.Clear();
            // A predicate that another pattern needed as one of its words ("meet" in "requested to
            // meet", "sanctions" in "imposed sanctions on") codes only as part of that pattern.
            for (var i = 0; i < candidates.Count; i++)
            {
                var consumed = false;
                var by = -1;
                for (var j = 0; j < candidates.Count && !consumed; j++)
                {
                    // ...unless its own match says as much ("issued a call for talks with X"), or someone
                    // else is to do it ("a request for the envoy to visit": the visit is the envoy's).
                    consumed = i != j && candidates[j].Consumes(candidates[i].Predicate) && candidates[j].Score > candidates[i].Score
                        && !IsForTo(state, candidates[i].Predicate);
                    by = j;
                }
                for (var j = 0; j < candidates.Count && !consumed; j++)
                {
                    // The other way round: a pattern that needed a word which codes better alone gives way.
                    consumed = i != j && candidates[i].Consumes(candidates[j].Predicate) && candidates[j].Score >= candidates[i].Score;
                    by = j;
                }
                if (!consumed)
                {
                    Emit(state, candidates[i], s, events, seen, covered, ref nextId, trace);
                }
                else
                {
                    trace?.Note(s, candidates[i].Predicate, $"'{state.Lemma(candidates[i].Predicate)}' [{candidates[i].Pattern.Id}] gives way to "
                        + $"'{state.Lemma(candidates[by].Predicate)}' [{candidates[by].Pattern.Id}], which shares its word and scores higher");
                }
            }
            if (events.Count - sentenceFirstEvent > 1)
            {
                OneSidedEvents.DropCoveredNouns(events, sentenceFirstEvent, CoveredSpans(state, covered), trace, s);
                nextId = OneSidedEvents.DropSubsumed(events, sentenceFirstEvent, sentenceFirstId, trace, s);
            }
        }
        return events;
    }

    private static bool TryMatch(CoderState state, EventPattern pattern, int predicate, Sentence sentence,
        out Candidate candidate, out int score)
    {
        Span<int> frame = stackalloc int[MaxFrame];
        frame[0] = predicate;
        var frameCount = 1;
        if (pattern.Nominal)
        {
            // "launched an attack on X": the parser may hang "on X" on the verb or on the noun.
            var light = LightVerbOf(state, predicate);
            if (light >= 0)
            {
                frame[frameCount++] = light;
            }
        }
        var slots = pattern.Slots;
        Span<int> found = stackalloc int[slots.Count];
        Span<int> roles = stackalloc int[MaxFrame];
        var roleCount = 0;
        score = pattern.Specificity;
        // PETRARCH's words match in order: those after the verb forwards from it, those before it
        // backwards from it; each anchor is the last word matched on that side.
        var before = predicate;
        var after = predicate;
        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            int token;
            if (slot.Relation == SlotRelation.BeforePredicate)
            {
                token = FindBefore(state, before, slot, sentence, out var start);
                before = token >= 0 ? start : before;
            }
            else if (slot.Relation == SlotRelation.InPhrase)
            {
                token = slot.SkipPhrases > 0
                    ? FindAfterSkipped(state, predicate, after, slot.SkipPhrases, sentence)
                    : FindInPhrase(state, predicate, after, slot, sentence, frame[..frameCount]);
                after = token >= 0 ? token : after;
            }
            else
            {
                token = FindDependent(state, frame[..frameCount], slot, sentence);
                if (token < 0 && slot.SurfaceSubject)
                {
                    // "X was seen to break in Y": an infinitive's subject is the one it shares.
                    token = SubjectOf(state, predicate, sentence, 0, out _);
                }
            }
            if (token < 0 && roleCount > 0 && slot.Role == SlotRole.None && slot.Relation is not (SlotRelation.InPhrase or SlotRelation.BeforePredicate))
            {
                // "accused Harad of aggression" parsed with "of aggression" under "Harad".
                token = FindDependent(state, roles[..roleCount], slot, sentence, frame[..frameCount]);
            }
            found[i] = token;
            if (token < 0)
            {
                if (slot.Required)
                {
                    candidate = default;
                    return false;
                }
                continue;
            }
            if (slot.Role != SlotRole.None)
            {
                if (roleCount < MaxFrame)
                {
                    roles[roleCount++] = token;
                }
                // A role slot counts when it names an actor: "promised X aid" beats "promised aid
                // with the region" only because X is someone.
                if (HasOwnActor(state, token))
                {
                    score += RoleWeight;
                }
            }
            else if (frameCount < MaxFrame && slot.Relation != SlotRelation.BeforePredicate)
            {
                frame[frameCount++] = token;
            }
        }
        if (pattern.CompoundSubject && !HasCoordinatedSubject(state, predicate, sentence))
        {
            candidate = default;
            return false;
        }
        candidate = new Candidate(pattern, predicate, found.ToArray());
        return true;
    }

    private static bool HasCoordinatedSubject(CoderState state, int predicate, Sentence sentence)
    {
        var subject = SubjectOf(state, predicate, sentence, 0, out _);
        if (subject < 0)
        {
            return false;
        }
        for (var c = state.FirstChild[subject]; c >= 0; c = state.NextSibling[c])
        {
            if (state.Relation(c) == "conj")
            {
                return true;
            }
        }
        return false;
    }

    // A form the lexicon lists apart from its lemma ("left" beside "leave") takes its own patterns.
    private EventPattern[] FindByOwnForm(CoderState state, int token)
    {
        var text = state.Document.TokenText(token);
        if (text.Length > 24)
        {
            return [];
        }
        Span<char> lower = stackalloc char[text.Length];
        text.ToLowerInvariant(lower);
        return lower.SequenceEqual(state.Lemma(token)) ? [] : Lexicon.FindVerbForm(lower);
    }

    // The lemmatizer leaves rare verbs as they are ("apologized", "deported"): try the regular
    // inflections. Runs only when the lemma heads no pattern, and allocates only for -ed/-ing/-s forms.
    private EventPattern[] FindByForm(CoderState state, int token)
    {
        var lemma = state.Lemma(token);
        if (lemma.Length < 5)
        {
            return [];
        }
        if (!lemma.EndsWith('e'))
        {
            // A lemmatizer that cut "deplored" to "deplor" dropped the e.
            var withE = Lexicon.Find(lemma + "e", nominal: false);
            if (withE.Length > 0)
            {
                return withE;
            }
            // One that cut "boycotted" to "boycot" undid a doubling the verb has of its own.
            if (IsVowel(lemma[^2]) && !IsVowel(lemma[^1]))
            {
                var doubled = Lexicon.Find(lemma + lemma[^1], nominal: false);
                if (doubled.Length > 0)
                {
                    return doubled;
                }
            }
        }
        if (lemma.EndsWith("ed", StringComparison.Ordinal))
        {
            return First(lemma[..^1], lemma[..^2], lemma[^3] == lemma[^4] ? lemma[..^3] : null,
                lemma.EndsWith("ied", StringComparison.Ordinal) ? lemma[..^3] + "y" : null);
        }
        if (lemma.EndsWith("ing", StringComparison.Ordinal))
        {
            return First(lemma[..^3], lemma[..^3] + "e", lemma[^4] == lemma[^5] ? lemma[..^4] : null, null);
        }
        if (lemma.EndsWith('s'))
        {
            return First(lemma[..^1], lemma.EndsWith("es", StringComparison.Ordinal) ? lemma[..^2] : null,
                lemma.EndsWith("ies", StringComparison.Ordinal) ? lemma[..^3] + "y" : null, null);
        }
        return [];

        EventPattern[] First(string a, string? b, string? c, string? d)
        {
            foreach (var candidate in (ReadOnlySpan<string?>)[a, b, c, d])
            {
                if (candidate is not null)
                {
                    var found = Lexicon.Find(candidate, nominal: false);
                    if (found.Length > 0)
                    {
                        return found;
                    }
                }
            }
            return [];
        }
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static bool NamesActor(CoderState state, int token)
    {
        if (state.ActorOf(token) >= 0)
        {
            return true;
        }
        for (var c = state.FirstChild[token]; c >= 0; c = state.NextSibling[c])
        {
            if (state.ActorOf(c) >= 0 && state.Relation(c) is "nmod:poss" or "compound" or "flat" or "amod" or "appos" or "conj" or "nmod")
            {
                return true;
            }
        }
        return false;
    }

    // The verb a nominal event is the object of, when it is a light verb ("launched an attack").
    private static int LightVerbOf(CoderState state, int noun)
    {
        var head = state.Analyses[noun].Head;
        var rel = state.Relation(noun);
        return head >= 0 && (rel == "obj" || rel == "nsubj:pass") && state.Analyses[head].Upos == "VERB"
            && LightVerbs.Contains(state.Lemma(head)) ? head : -1;
    }

    private static int FindDependent(CoderState state, ReadOnlySpan<int> frame, PatternSlot slot, Sentence sentence) =>
        FindDependent(state, frame, slot, sentence, frame);

    private static int FindDependent(CoderState state, ReadOnlySpan<int> frame, PatternSlot slot, Sentence sentence, ReadOnlySpan<int> matched)
    {
        if (slot.Relation is SlotRelation.InPhrase or SlotRelation.BeforePredicate)
        {
            return -1;
        }
        // The newest word first: "requested to meet X" finds X under "meet" before anything under
        // "requested"; "demanded that X withdraw" finds X as the subject of "withdraw".
        for (var f = frame.Length - 1; f >= 0; f--)
        {
            var head = frame[f];
            var passive = state.IsPassive(head);
            for (var c = state.FirstChild[head]; c >= 0; c = state.NextSibling[c])
            {
                // A word already matched is not matched again: "called for protection for X".
                if (!state.Removed[c] && frame.IndexOf(c) < 0 && matched.IndexOf(c) < 0 && Fits(state, c, slot, passive) && LemmaFits(state, c, slot))
                {
                    return c;
                }
            }
            // The parser often hangs a verb's prepositional phrase on its object or another phrase
            // ("met face-to-face with X" with "with X" under "face"): a role slot looks one level down.
            if (slot.Relation == SlotRelation.Prepositional && slot.Role != SlotRole.None && !slot.Required)
            {
                for (var c = state.FirstChild[head]; c >= 0; c = state.NextSibling[c])
                {
                    var rel = state.Relation(c);
                    if (c < head || state.Removed[c] || !(rel is "obj" || rel.StartsWith("obl", StringComparison.Ordinal)))
                    {
                        continue;
                    }
                    for (var g = state.FirstChild[c]; g >= 0; g = state.NextSibling[g])
                    {
                        if (!state.Removed[g] && matched.IndexOf(g) < 0 && state.Relation(g).StartsWith("nmod", StringComparison.Ordinal)
                            && Fits(state, g, slot, passive: false) && HasOwnActor(state, g))
                        {
                            return g;
                        }
                    }
                }
            }
            // A passive participle modifying a noun has that noun as its object: "forces surrounded in".
            if (f == 0 && frame == matched && slot.Relation == SlotRelation.Object && slot.Lemmas is null
                && ((state.Relation(head) == "acl" && state.Analyses[head].Xpos == "VBN") || IsVerbReadAsAdjective(state, head)))
            {
                var noun = state.Analyses[head].Head;
                if (noun >= sentence.FirstToken && noun < sentence.EndToken)
                {
                    return noun;
                }
            }
        }
        return -1;
    }

    // A word after the predicate and after the pattern's previous word (right after it for an
    // adjacent word), inside the predicate's phrase: anywhere in its subtree, as PETRARCH reads the
    // whole verb phrase ("welcomed assurances on issues sent from X" has "from" five levels down).
    private static int FindInPhrase(CoderState state, int predicate, int anchor, PatternSlot slot, Sentence sentence, ReadOnlySpan<int> matched)
    {
        var end = slot.Adjacent ? Math.Min(sentence.EndToken, anchor + 1 + MaxPhraseWords) : sentence.EndToken;
        for (var t = anchor + 1; t < end; t++)
        {
            if (state.Removed[t] || matched.IndexOf(t) >= 0)
            {
                continue;
            }
            var start = MatchStart(state, t, slot);
            if (start < 0 || (slot.Adjacent && start != anchor + 1))
            {
                continue;
            }
            if (InPhraseOf(state, t, predicate))
            {
                return t;
            }
        }
        return -1;
    }

    private static bool InPhraseOf(CoderState state, int token, int predicate)
    {
        var head = state.Analyses[token].Head;
        for (var depth = 0; depth < MaxPhraseDepth && head >= 0; depth++)
        {
            if (head == predicate)
            {
                return true;
            }
            head = state.Analyses[head].Head;
        }
        return false;
    }

    // PETRARCH's "^": pass over the next noun phrases after the anchor word in the predicate's
    // phrase, then take the first phrase after them that names an actor.
    private static int FindAfterSkipped(CoderState state, int predicate, int anchor, int skips, Sentence sentence)
    {
        var passed = 0;
        for (var t = anchor + 1; t < sentence.EndToken; t++)
        {
            if (state.Removed[t] || state.Analyses[t].Upos is not ("NOUN" or "PROPN" or "PRON")
                || state.Relation(t) is "compound" or "flat" or "amod" or "nmod:poss" || !InPhraseOf(state, t, predicate))
            {
                continue;
            }
            if (passed < skips)
            {
                passed++;
            }
            else if (HasOwnActor(state, t))
            {
                return t;
            }
        }
        return -1;
    }

    // A word before the predicate, backwards from the previous match: right before it when adjacent,
    // else anywhere earlier in the sentence. <paramref name="start"/> is the first word of the match.
    private static int FindBefore(CoderState state, int anchor, PatternSlot slot, Sentence sentence, out int start)
    {
        for (var t = anchor - 1; t >= sentence.FirstToken; t--)
        {
            start = state.Removed[t] ? -1 : MatchStart(state, t, slot);
            if (start >= sentence.FirstToken)
            {
                return t;
            }
            if (slot.Adjacent)
            {
                break;
            }
        }
        start = -1;
        return -1;
    }

    private static bool Fits(CoderState state, int token, PatternSlot slot, bool passive)
    {
        var rel = state.Relation(token);
        switch (slot.Relation)
        {
            case SlotRelation.Object:
                // A lone object the parser called "iobj" ("urged Umbar to fund") is still the object.
                return passive
                    ? rel == "nsubj:pass"
                    : rel == "obj" || (rel == "iobj" && slot.Lemmas is null && !state.HasChild(state.Analyses[token].Head, "obj"));
            case SlotRelation.IndirectObject:
                return rel == "iobj";
            case SlotRelation.Subject:
                return passive && !slot.SurfaceSubject
                    ? rel == "obl:agent" || (rel == "obl" && state.MarkerIs(token, "by"))
                    : rel is "nsubj" or "nsubj:pass";
            case SlotRelation.Prepositional:
                if (rel.StartsWith("obl", StringComparison.Ordinal) || rel.StartsWith("nmod", StringComparison.Ordinal)
                    || rel == "advcl" || rel == "acl")
                {
                    // In the passive the by-phrase is the subject, not a prepositional slot.
                    if (rel is "nmod:poss" or "obl:unmarked" or "nmod:unmarked" or "obl:agent"
                        || (passive && rel == "obl" && state.MarkerIs(token, "by")))
                    {
                        return false;
                    }
                    var prepositions = slot.Prepositions!;
                    for (var i = 0; i < prepositions.Count; i++)
                    {
                        if (state.MarkerIs(token, prepositions[i]))
                        {
                            return true;
                        }
                    }
                    return false;
                }
                return false;
            case SlotRelation.OpenComplement:
                // "a request to meet" is an acl; "used its veto to block" may be an advcl.
                return rel == "xcomp" || (rel is "advcl" or "acl" && state.MarkerIs(token, "to"));
            case SlotRelation.ClausalComplement:
                return rel == "ccomp";
            case SlotRelation.Particle:
                return rel == "compound:prt" || rel == "advmod";
            case SlotRelation.Modifier:
                // "held X responsible", "found X guilty": the predicative adjective is an xcomp.
                return rel is "amod" or "compound" or "advmod" or "nummod" or "obl:unmarked" or "nmod:unmarked" or "xcomp";
            case SlotRelation.Possessor:
                return rel == "nmod:poss";
            default:
                return false;
        }
    }

    private static bool LemmaFits(CoderState state, int token, PatternSlot slot) => MatchStart(state, token, slot) >= 0;

    // The first word of the slot's word matched at the token (the token itself for a one-word
    // match; earlier for a multi-word synonym such as "total boycott"), or -1 when it does not match.
    private static int MatchStart(CoderState state, int token, PatternSlot slot)
    {
        if (slot.Lemmas is null)
        {
            return token;
        }
        var word = slot.MatchForm ? state.Form(token) : state.Lemma(token);
        if (!slot.Lemmas.Contains(word))
        {
            return -1;
        }
        if (slot.Preceding is null || !slot.Preceding.TryGetValue(word, out var alternatives))
        {
            return token;
        }
        // The words before the head must be there, in order, right before it.
        foreach (var words in alternatives)
        {
            var first = token - words.Length;
            var fits = first >= 0;
            for (var k = 0; fits && k < words.Length; k++)
            {
                fits = (slot.MatchForm ? state.Form(first + k) : state.Lemma(first + k)) == words[k];
            }
            if (fits)
            {
                return first;
            }
        }
        return -1;
    }

    private void Emit(CoderState state, Candidate candidate, int sentenceIndex, List<CodedEvent> events,
        HashSet<(int, int, int, string)> seen, List<int> covered, ref int nextId, EventCodingTrace? trace)
    {
        var pattern = candidate.Pattern;
        var predicate = candidate.Predicate;
        var sentence = state.Document.Sentences[sentenceIndex];
        var confidence = 0.9;
        var governor = state.Analyses[predicate].Head;
        if (!pattern.Nominal && governor >= 0 && state.Relation(predicate) is "xcomp" or "obl" or "advcl"
            && state.Analyses[predicate].Xpos is "VBN" or "JJ" && DescriptionVerbs.Contains(state.Lemma(governor)))
        {
            trace?.Note(sentenceIndex, predicate, $"dropped: '{state.Lemma(predicate)}' describes the object of '{state.Lemma(governor)}', it reports no deed");
            return;
        }

        if (!pattern.Nominal && IsRecalledPast(state, predicate, sentence))
        {
            trace?.Note(sentenceIndex, predicate, $"dropped: '{state.Lemma(predicate)}' is a past event recalled ('years after ...'), not news");
            return;
        }

        // The clause the event is stated in: the predicate, or for a nominal event the verb it is the
        // object of ("launched an attack").
        var clause = predicate;
        if (pattern.Nominal)
        {
            confidence -= 0.1;
            var light = LightVerbOf(state, predicate);
            if (light >= 0)
            {
                clause = light;
            }
        }

        int sourceToken = -1, targetToken = -1;
        var subjectIsTarget = false;
        for (var i = 0; i < pattern.Slots.Count; i++)
        {
            var slot = pattern.Slots[i];
            if (slot.Role == SlotRole.Source && sourceToken < 0)
            {
                sourceToken = candidate.Found[i];
            }
            else if (slot.Role == SlotRole.Target)
            {
                if (targetToken < 0)
                {
                    targetToken = candidate.Found[i];
                }
                // "demanded that X withdraw" names the target as a subject, but not the
                // predicate's own: the source is still the predicate's subject.
                subjectIsTarget |= slot.Relation == SlotRelation.Subject && candidate.Found[i] >= 0
                    && state.Analyses[candidate.Found[i]].Head == predicate;
            }
        }
        if (sourceToken < 0 && !subjectIsTarget && !HasSourceSlotFilled(pattern, candidate))
        {
            if (pattern.Nominal)
            {
                sourceToken = NominalSource(state, predicate, clause, sentence);
                var occasion = OccasionOf(state, predicate, pattern, sentence);
                if (sourceToken < 0 && occasion >= 0)
                {
                    // "X held talks with Y during a visit to Z": the visitor is the one who held talks.
                    sourceToken = SubjectOf(state, occasion, sentence, 0, out _);
                    confidence -= sourceToken >= 0 ? 0.1 : 0;
                }
            }
            else
            {
                sourceToken = SubjectOf(state, predicate, sentence, 0, out var inherited);
                if (inherited)
                {
                    confidence -= 0.1;
                }
                if (sourceToken < 0)
                {
                    sourceToken = ActorJustBefore(state, predicate, sentence);
                    if (sourceToken < 0)
                    {
                        sourceToken = RootNameBefore(state, predicate, sentence);
                    }
                    confidence -= sourceToken >= 0 ? 0.1 : 0;
                }
                if (sourceToken < 0 && state.Analyses[predicate].Upos == "NOUN")
                {
                    // A verb parsed as a noun ("the security adviser met with X") keeps its subject
                    // as its own modifiers and possessor.
                    sourceToken = predicate;
                }
            }
        }

        if (pattern.CompoundSubject)
        {
            // Coordinated subjects act on each other: "Kallia and Vell have postponed".
            sourceToken = SubjectOf(state, predicate, sentence, 0, out _);
            targetToken = sourceToken;
        }
        else if (Options.TargetFromVerbPhrase && subjectIsTarget && sourceToken < 0)
        {
            // The subject is the target ("X received money from Y"): the source is the first actor
            // in the verb phrase, as the target is otherwise.
            sourceToken = FirstActorInPhrase(state, candidate, clause, targetToken, -1);
        }
        else if (Options.TargetFromVerbPhrase && (targetToken < 0 || !HasOwnActor(state, targetToken)))
        {
            // PETRARCH: the target is the first actor in the verb phrase.
            var inPhrase = FirstActorInPhrase(state, candidate, clause, sourceToken, targetToken);
            targetToken = inPhrase >= 0 ? inPhrase : targetToken;
        }
        if (!pattern.Nominal && targetToken < 0 && sourceToken < 0 && IsReducedRelative(state, predicate)
            && HasOwnActor(state, predicate - 1))
        {
            trace?.Note(sentenceIndex, predicate, $"a participle describing '{state.Document.TokenText(predicate - 1)}': it is the target");
            targetToken = predicate - 1;
        }
        if (!pattern.Nominal && !pattern.CompoundSubject && (targetToken < 0 || !HasOwnActor(state, targetToken)))
        {
            // "condemned allegations by X", "endorsed an agreement with X": the party named in the
            // object noun is the target, and the noun's own one-sided event says no more.
            var party = PartyOfObject(state, predicate, sourceToken, out var noun);
            if (party >= 0)
            {
                trace?.Note(sentenceIndex, predicate, $"target taken from the object '{state.Document.TokenText(noun)}': '{state.Document.TokenText(party)}'");
                targetToken = party;
            }
        }
        if (!pattern.Nominal && !pattern.CompoundSubject && (targetToken < 0 || !HasOwnActor(state, targetToken))
            && ObjectTargetMissing(state, pattern, candidate))
        {
            // The parse lost the object ("requested to meet [President] X" with X hung elsewhere): an
            // actor right after the trigger, past determiners, adjectives and titles, is the object.
            var after = ActorJustAfter(state, LastTriggerWord(candidate), sentence, sourceToken);
            if (after >= 0)
            {
                trace?.Note(sentenceIndex, predicate, $"target taken from the words right after the trigger: '{state.Document.TokenText(after)}'");
                targetToken = after;
                confidence -= 0.1;
            }
        }
        if (!pattern.Nominal && targetToken >= 0 && IsPartyOfObject(state, predicate, targetToken))
        {
            // The object noun's own event without a source says no more than this one.
            covered.Add(state.Analyses[targetToken].Head);
        }
        if (sourceToken >= 0 && sourceToken == targetToken && !pattern.CompoundSubject)
        {
            sourceToken = -1;
        }

        Span<int> sources = stackalloc int[8];
        Span<int> targets = stackalloc int[8];
        var sourceCount = ActorsOf(state, sourceToken, sources, ref confidence);
        var targetCount = ActorsOf(state, targetToken, targets, ref confidence);
        Span<int> sourceTokens = stackalloc int[8];
        Span<int> targetTokens = stackalloc int[8];
        ActorTokens(state, sourceToken, sourceTokens);
        ActorTokens(state, targetToken, targetTokens);

        // "talks between Gondor and Mordor": one side of a symmetric event names both actors. Only a
        // between/among phrase says so; "an assault on Gondor and its forces" has no source.
        if (sourceCount == 0 && targetCount >= 2 && !pattern.CompoundSubject
            && (state.MarkerIs(targetToken, "between") || state.MarkerIs(targetToken, "among")))
        {
            sources[0] = targets[0];
            sourceTokens[0] = targetTokens[0];
            sourceCount = 1;
            for (var i = 1; i < targetCount; i++)
            {
                targets[i - 1] = targets[i];
                targetTokens[i - 1] = targetTokens[i];
            }
            targetCount--;
        }

        if (trace is not null)
        {
            trace.Note(sentenceIndex, predicate, $"[{pattern.Id}] {pattern.Code}: source word {Word(state, sourceToken)} ({sourceCount} actors), "
                + $"target word {Word(state, targetToken)} ({targetCount} actors)");
        }
        if (sourceCount >= 2 && targetCount == 0 && !pattern.Nominal
            && (ReciprocalVerbs.Contains(state.Lemma(predicate)) || HasReciprocalObject(state, predicate)))
        {
            trace?.Note(sentenceIndex, predicate, "coordinated subjects of a reciprocal verb act on each other");
            sources[..sourceCount].CopyTo(targets);
            sourceTokens[..sourceCount].CopyTo(targetTokens);
            targetCount = sourceCount;
        }
        if (sourceCount == 0 && targetCount == 0)
        {
            trace?.Note(sentenceIndex, predicate, "dropped: no actor on either side");
            return;
        }
        if (Options.RequireDyad && (sourceCount == 0 || targetCount == 0))
        {
            trace?.Note(sentenceIndex, predicate, $"dropped by require-dyad: no {(sourceCount == 0 ? "source" : "target")} actor");
            return;
        }
        if (Options.TargetFromVerbPhrase && targetCount == 0 && !pattern.Nominal && !HasPhraseAfter(state, clause))
        {
            // PETRARCH: a verb with nothing after it but a bare time word ("said today") has no
            // phrase to take a target from, and codes nothing.
            trace?.Note(sentenceIndex, predicate, "dropped: no target and no phrase after the verb");
            return;
        }
        if (sourceCount == 0 || targetCount == 0)
        {
            confidence -= 0.2;
        }
        confidence = Math.Clamp(confidence, 0.05, 1.0);
        if (confidence < Options.MinConfidence)
        {
            trace?.Note(sentenceIndex, predicate, $"dropped: confidence {confidence:F2} below {Options.MinConfidence:F2}");
            return;
        }

        var code = Ontology.Find(pattern.Code)!;
        var reverse = pattern.ReverseCode is null ? null : Ontology.Find(pattern.ReverseCode);
        var mode = ModeOf(state, clause, predicate, code.Root, sentence);
        var trigger = TriggerOf(state, candidate, clause);
        var place = PlaceOf(state, clause, predicate);
        var date = DateOf(state, clause, predicate);

        var sourceLoops = Math.Max(sourceCount, 1);
        var targetLoops = Math.Max(targetCount, 1);
        for (var i = 0; i < sourceLoops; i++)
        {
            var sa = sourceCount == 0 ? -1 : sources[i];
            for (var j = 0; j < targetLoops; j++)
            {
                var ta = targetCount == 0 ? -1 : targets[j];
                if (sa >= 0 && sa == ta)
                {
                    continue;
                }
                var source = sa < 0 ? null : Argument(state, sa, sourceTokens[i]);
                var target = ta < 0 ? null : Argument(state, ta, targetTokens[j]);
                if (!IsCompound(source) && !IsCompound(target))
                {
                    Add(code, sa, ta, source, target, null, ref nextId);
                    if (reverse is not null && source is not null && target is not null)
                    {
                        Add(reverse, ta, sa, target, source, null, ref nextId);
                    }
                    continue;
                }
                // A name that stands for several actors ("[FRO/BIL/SAM]") codes one event for each.
                foreach (var s in Parts(source))
                {
                    foreach (var t in Parts(target))
                    {
                        var pair = $"{s?.Code}>{t?.Code}";
                        Add(code, sa, ta, s, t, pair, ref nextId);
                        if (reverse is not null && s is not null && t is not null)
                        {
                            Add(reverse, ta, sa, t, s, pair, ref nextId);
                        }
                    }
                }
            }
        }

        void Add(CameoCode code, int sa, int ta, EventArgument? source, EventArgument? target, string? pair, ref int nextId)
        {
            if (!seen.Add((sentenceIndex, sa, ta, pair is null ? code.Code : code.Code + " " + pair)))
            {
                trace?.Note(sentenceIndex, predicate, $"dropped as a duplicate: {code.Code} between the same actors is already coded in this sentence");
                return;
            }
            events.Add(new CodedEvent
            {
                Id = "e" + nextId++,
                Code = code.Code,
                Name = code.Name,
                Root = code.Root,
                Plover = code.Plover,
                Goldstein = code.Goldstein,
                Quad = code.Quad,
                Sentence = sentenceIndex,
                Trigger = trigger,
                Source = source,
                Target = target,
                Mode = mode,
                Place = place,
                Date = date,
                Confidence = Math.Round(confidence, 2),
                Rule = pattern.Id,
            });
        }
    }

    private static bool IsCompound(EventArgument? side) => side?.Code is { } code && code.Contains('/', StringComparison.Ordinal);

    private static IEnumerable<EventArgument?> Parts(EventArgument? side)
    {
        if (!IsCompound(side))
        {
            yield return side;
            yield break;
        }
        foreach (var part in side!.Code!.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            yield return side with { Code = part };
        }
    }

    private static string Word(CoderState state, int token) =>
        token < 0 ? "none" : $"'{state.Document.TokenText(token)}' ({state.Relation(token)})";

    private static int FirstActorInPhrase(CoderState state, Candidate candidate, int clause, int sourceToken, int emptyTarget)
    {
        var best = -1;
        Visit(candidate.Predicate);
        if (clause != candidate.Predicate)
        {
            Visit(clause);
        }
        if (emptyTarget >= 0)
        {
            Visit(emptyTarget);
        }
        for (var i = 0; i < candidate.Found.Length; i++)
        {
            if (candidate.Found[i] > candidate.Predicate)
            {
                Visit(candidate.Found[i]);
            }
        }
        return best;

        // PETRARCH takes the first actor anywhere in the verb phrase: descend through objects,
        // obliques, noun modifiers, open and clausal complements and clauses modifying a noun
        // ("welcomed a resumption of ties with X", "welcomed memos sent by X", "allowed that X is") and
        // purpose infinitives ("signed a pact to supply X"), but not into other adverbial or
        // coordinated clauses, nor to the predicate's own subject or agent.
        void Visit(int head, int depth = 0)
        {
            for (var c = state.FirstChild[head]; c >= 0; c = state.NextSibling[c])
            {
                var rel = state.Relation(c);
                var own = head == candidate.Predicate || head == clause;
                if (c == sourceToken || (own && rel is "obl:agent" or "nsubj" or "nsubj:pass")
                    || !(rel is "obj" or "iobj" or "xcomp" or "ccomp" or "nsubj" or "nsubj:pass" || rel.StartsWith("obl", StringComparison.Ordinal)
                        || (rel == "advcl" && (state.MarkerIs(c, "to") || IsMisreadPhrase(state, c, head)))
                        || rel.StartsWith("nmod", StringComparison.Ordinal) || rel.StartsWith("acl", StringComparison.Ordinal)))
                {
                    continue;
                }
                if (c > candidate.Predicate && (best < 0 || c < best) && HasOwnActor(state, c))
                {
                    best = c;
                }
                if (depth < 3 && (best < 0 || c < best))
                {
                    Visit(c, depth + 1);
                }
            }
        }
    }

    // "The army's advance" with "advance" read as a verb: a verb has no possessor.
    private static bool IsNounReadAsVerb(CoderState state, int token) => state.HasChild(token, "nmod:poss");

    // "Police arrested students" with "arrested" read as an adjective of "students": a past form
    // between a name and the noun it modifies, both naming actors, is the clause's verb. After a
    // determiner ("the arrested students") it is an adjective.
    private static bool IsVerbReadAsAdjective(CoderState state, int token)
    {
        var a = state.Analyses[token];
        if (a.Upos != "ADJ" || a.Relation != "amod" || a.Head <= token || token == 0)
        {
            return false;
        }
        var form = state.Form(token);
        var before = token - 1;
        return (a.Xpos is "VBN" or "VBD" || form.EndsWith("ed", StringComparison.Ordinal))
            && state.Analyses[before].Upos is "NOUN" or "PROPN" && state.ActorOf(before) >= 0 && HasOwnActor(state, a.Head)
            && state.Analyses[before].Head != token;
    }

    // An adverbial clause the parser made of what is a phrase of the verb's: a preposition heads it
    // ("launched an offensive against besieged X"), or it is an -ing word right after the object
    // with no marker or subject of its own ("rescheduled his mushroom hunting trip in X").
    private static bool IsMisreadPhrase(CoderState state, int clause, int head)
    {
        var preposition = false;
        for (var c = state.FirstChild[clause]; c >= 0; c = state.NextSibling[c])
        {
            var rel = state.Relation(c);
            if (rel is "mark" or "nsubj" or "nsubj:pass" or "csubj")
            {
                return false;
            }
            preposition |= rel == "case" && c < clause && state.Analyses[c].Upos == "ADP";
        }
        return preposition || (state.Analyses[clause].Xpos == "VBG" && clause > 0
            && state.Analyses[clause - 1].Head == head && state.Relation(clause - 1) == "obj");
    }

    // An object, complement or prepositional phrase after the verb; bare time words ("today",
    // "last week") are none.
    private static bool HasPhraseAfter(CoderState state, int verb)
    {
        for (var c = state.FirstChild[verb]; c >= 0; c = state.NextSibling[c])
        {
            var rel = state.Relation(c);
            if (state.FirstChild[c] < 0 && state.Lemma(c) is "today" or "yesterday" or "tonight" or "now")
            {
                // However the parser labels it.
                continue;
            }
            if (c > verb && (rel is "obj" or "iobj" or "ccomp" or "xcomp" || (rel.StartsWith("obl", StringComparison.Ordinal)
                && rel is not ("obl:unmarked" or "obl:tmod" or "obl:npmod"))))
            {
                return true;
            }
        }
        return false;
    }

    // "... almost five years after crowds burned down its embassy": a clause dated back from the
    // news by a span of years or months recalls what happened then; it is background, not an event
    // of the story. Read from the words, which parsers hang in many ways.
    private static bool IsRecalledPast(CoderState state, int verb, Sentence sentence)
    {
        // "... jailed over a year ago".
        for (var c = state.FirstChild[verb]; c >= 0; c = state.NextSibling[c])
        {
            if (state.Lemma(c) == "ago" && c > sentence.FirstToken + 1 && state.Lemma(c - 1) is "year" or "month" or "decade")
            {
                return true;
            }
        }
        for (var t = verb - 1; t > sentence.FirstToken + 1; t--)
        {
            var a = state.Analyses[t];
            if (a.Upos is "VERB" or "PUNCT" or "SCONJ" && state.Lemma(t) is not ("after" or "since"))
            {
                return false;
            }
            if (state.Lemma(t) is not ("after" or "since"))
            {
                continue;
            }
            var unit = t - 1;
            if (state.Lemma(unit) is not ("year" or "month" or "decade"))
            {
                return false;
            }
            var count = unit - 1;
            return state.Analyses[count].Upos == "NUM" || state.Lemma(count) is "several" or "many" or "few";
        }
        return false;
    }

    // An actor named by the token or one of the close dependents ActorsOf reads.
    private static bool HasOwnActor(CoderState state, int token)
    {
        if (state.ActorOf(token) >= 0)
        {
            return true;
        }
        for (var c = state.FirstChild[token]; c >= 0; c = state.NextSibling[c])
        {
            var rel = state.Relation(c);
            if ((rel is "nmod:poss" or "compound" or "flat" or "amod" or "appos" || (rel == "nmod" && state.MarkerIs(c, "of")))
                && state.ActorOf(c) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    // The actor a verb's object noun names as its agent or partner: "allegations by X", "X's
    // allegations", "an agreement with X", "talks between X and Y". Returns the token that names it
    // (the possessed noun itself for a possessor) and the object noun in <paramref name="noun"/>.
    private static int PartyOfObject(CoderState state, int predicate, int sourceToken, out int noun)
    {
        for (var c = state.FirstChild[predicate]; c >= 0; c = state.NextSibling[c])
        {
            if (c < predicate || !(state.Relation(c) == "obj" || IsObjectNoun(state, c)))
            {
                continue;
            }
            // Only the first object: a second is a misparse ("hit the islands, X issued alerts").
            if (!IsObjectNoun(state, c) || state.Removed[c] || state.ActorOf(c) >= 0)
            {
                break;
            }
            noun = c;
            for (var g = state.FirstChild[c]; g >= 0; g = state.NextSibling[g])
            {
                if (g == sourceToken || state.Removed[g] || state.ActorOf(g) < 0)
                {
                    continue;
                }
                var rel = state.Relation(g);
                if (rel == "nmod:poss" && state.Analyses[g].Upos != "PRON")
                {
                    // "her speech" is mostly the subject's own.
                    return c;
                }
                if (rel == "nmod" && (state.MarkerIs(g, "by") || state.MarkerIs(g, "with") || state.MarkerIs(g, "between")))
                {
                    return g;
                }
            }
            break;
        }
        noun = -1;
        return -1;
    }

    private static bool IsPartyOfObject(CoderState state, int predicate, int target)
    {
        var noun = state.Analyses[target].Head;
        return noun >= 0 && state.Analyses[noun].Head == predicate && IsObjectNoun(state, noun)
            && state.Relation(target).StartsWith("nmod", StringComparison.Ordinal);
    }

    // A common noun the verb acts on: its object, or what "condemned as unacceptable allegations"
    // makes an "as" phrase.
    private static bool IsObjectNoun(CoderState state, int noun) =>
        state.Analyses[noun].Upos == "NOUN" && (state.Relation(noun) == "obj" || (state.Relation(noun) == "obl" && state.MarkerIs(noun, "as")));

    private static List<(int Start, int End)> CoveredSpans(CoderState state, List<int> covered)
    {
        var spans = new List<(int, int)>(covered.Count);
        foreach (var t in covered)
        {
            spans.Add((state.Document.Tokens[t].Start, state.Document.Tokens[t].End));
        }
        return spans;
    }

    // Past forms that are not nouns, for verbs the parser took for one: "Gondor's security adviser met
    // with X" parsed as a noun phrase headed by "met".
    private static readonly Dictionary<string, string> IrregularPast = new(StringComparer.OrdinalIgnoreCase)
    {
        ["met"] = "meet", ["held"] = "hold", ["fought"] = "fight", ["sought"] = "seek", ["struck"] = "strike",
        ["sent"] = "send", ["told"] = "tell", ["threw"] = "throw", ["gave"] = "give", ["took"] = "take",
        ["won"] = "win", ["shot"] = "shoot", ["led"] = "lead", ["spoke"] = "speak", ["began"] = "begin",
    };

    // The sentence's root tagged a noun, without a determiner, after the noun phrase it would have as
    // subject and before a phrase of its own, in a past form: the parser took the verb for a noun.
    // <paramref name="verbLemma"/> is the verb's lemma, or null for a regular -ed form.
    private static bool IsPastReadAsNoun(CoderState state, int token, out string? verbLemma)
    {
        verbLemma = null;
        if (state.Relation(token) != "root" || state.Analyses[token].Upos != "NOUN" || token == 0
            || state.Analyses[token - 1].Upos is not ("NOUN" or "PROPN") || state.Analyses[token - 1].Head != token)
        {
            return false;
        }
        var after = false;
        for (var c = state.FirstChild[token]; c >= 0; c = state.NextSibling[c])
        {
            if (state.Relation(c) is "det" or "case" or "cop" or "nsubj")
            {
                return false;
            }
            after |= c > token && state.Relation(c) is "nmod" or "obj" or "obl";
        }
        if (!after)
        {
            return false;
        }
        var form = state.Form(token);
        if (IrregularPast.TryGetValue(form, out var lemma))
        {
            verbLemma = lemma;
            return true;
        }
        return form.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && form.Length > 4;
    }

    // A past participle (or the same form tagged as a past tense) right after a noun, with no
    // auxiliary, subject or object of its own, that the parser joined to another clause (conj,
    // parataxis) rather than to the noun: "a member of the movement jailed a year ago", "officials
    // accused of playing a role".
    private static bool IsReducedRelative(CoderState state, int verb)
    {
        if (verb == 0 || verb + 1 >= state.Analyses.Length || state.Relation(verb) is not ("conj" or "parataxis")
            || state.Analyses[verb - 1].Upos is not ("NOUN" or "PROPN"))
        {
            return false;
        }
        // A past tense reads as a participle only before a preposition ("accused of"), not before
        // a clause ("the bill remarked the law was ...", a subject the parser lost).
        var xpos = state.Analyses[verb].Xpos;
        if (xpos != "VBN" && !(xpos == "VBD" && (state.Analyses[verb + 1].Upos == "ADP"
            || state.Lemma(verb + 1) is "of" or "for" or "by" or "over" or "in" or "on" or "with")))
        {
            return false;
        }
        for (var c = state.FirstChild[verb]; c >= 0; c = state.NextSibling[c])
        {
            if (state.Relation(c) is "aux" or "aux:pass" or "nsubj" or "nsubj:pass" or "obj" or "cc")
            {
                return false;
            }
        }
        return true;
    }

    private static bool HasReciprocalObject(CoderState state, int predicate)
    {
        for (var c = state.FirstChild[predicate]; c >= 0; c = state.NextSibling[c])
        {
            if (state.Relation(c) == "obj" && ReciprocalObjects.Contains(state.Lemma(c)))
            {
                return true;
            }
        }
        return false;
    }

    private static bool HasSourceSlotFilled(EventPattern pattern, Candidate candidate)
    {
        for (var i = 0; i < pattern.Slots.Count; i++)
        {
            if (pattern.Slots[i].Role == SlotRole.Source && candidate.Found[i] >= 0)
            {
                return true;
            }
        }
        return false;
    }

    // The subject of a verb: its own nsubj (the by-agent when passive), else the subject its clause
    // shares: the object or subject of the verb it complements ("urged Gondor to withdraw", "wants
    // to meet"), the subject of the verb it is coordinated with or a purpose clause of, or the noun
    // a relative or participial clause modifies.
    private static int SubjectOf(CoderState state, int verb, Sentence sentence, int depth, out bool inherited)
    {
        inherited = depth > 0;
        var passive = state.IsPassive(verb);
        // A to-infinitive has no subject of its own ("for X to visit" aside): an nsubj the parser gave
        // it belongs elsewhere, and the subject comes from the verb it depends on.
        var infinitive = IsBareInfinitive(state, verb);
        for (var c = state.FirstChild[verb]; c >= 0; c = state.NextSibling[c])
        {
            var rel = state.Relation(c);
            if ((infinitive && rel is "nsubj") || (rel is "nsubj" && c < verb && state.HasChild(c, "case") && state.ActorOf(c) < 0))
            {
                // A "subject" with a preposition of its own ("on Thursday fired") is a misparsed
                // oblique: the subject is sought elsewhere.
                continue;
            }
            if (passive ? rel == "obl:agent" || (rel == "obl" && state.MarkerIs(c, "by")) : rel is "nsubj" or "nsubj:pass")
            {
                if (state.Analyses[c].Upos == "PRON" && state.Relation(verb) == "acl:relcl" && IsRelativePronoun(state.Lemma(c)))
                {
                    return InSentence(state.Analyses[verb].Head, sentence);
                }
                var named = NamedSpeaker(state, verb, c);
                if (named >= 0)
                {
                    return named;
                }
                if (state.Analyses[c].Upos == "PRON" && state.ActorOf(c) < 0 && depth < MaxClimb && IsPersonalPronoun(state.Lemma(c)))
                {
                    // "Gondor indicated it would act": the pronoun subject of a reported clause is the
                    // speaker when the speaker names an actor.
                    var speaker = SpeakerOf(state, verb, sentence, depth);
                    if (speaker >= 0)
                    {
                        inherited = true;
                        return speaker;
                    }
                }
                return c;
            }
        }
        if (depth >= MaxClimb || passive)
        {
            // A passive with no agent names no doer, and does not borrow one: what it shares with a
            // verb it is joined to is its patient ("landed and was arrested").
            return -1;
        }
        if (IsReducedRelative(state, verb))
        {
            // "officials accused of ..." read as a clause joined to the main one: the participle
            // describes the noun before it, and the main clause's subject did not do it.
            return -1;
        }
        var head = state.Analyses[verb].Head;
        if (head < sentence.FirstToken || head >= sentence.EndToken)
        {
            return -1;
        }
        var relation = state.Relation(verb);
        if (relation is "xcomp" or "advcl" or "acl" && state.Analyses[head].Upos is "NOUN" or "PROPN" or "ADJ" && state.HasChild(head, "cop"))
        {
            // "X was the last leader to meet Y": the subject of the copular noun acts.
            var first = -1;
            for (var c = state.FirstChild[head]; c >= 0; c = state.NextSibling[c])
            {
                if (state.Relation(c) is "nsubj")
                {
                    if (HasOwnActor(state, c))
                    {
                        inherited = true;
                        return c;
                    }
                    first = first < 0 ? c : first;
                }
            }
            if (first >= 0)
            {
                inherited = true;
                return first;
            }
        }
        if (relation is "xcomp" or "advcl" or "acl")
        {
            // "Gondor plans to ..." with "plans" tagged a noun; "X became the first leader to meet Y".
            var predicateSubject = ClauseSubjects.OfPredicateNoun(state, head, sentence);
            if (predicateSubject >= 0)
            {
                inherited = true;
                return predicateSubject;
            }
            // "rejected plans to attack X": the infinitive complements the plan; its owner acts.
            var plan = ClauseSubjects.IntentNounBefore(state, head, verb, LightVerbs);
            if (plan >= 0)
            {
                return ClauseSubjects.PossessorOf(state, plan);
            }
        }
        if (relation == "xcomp" && state.IsPassive(head))
        {
            // "X was seen to attack Y", "X was urged to withdraw": the passive's subject does the
            // infinitive (raising or object control), not the unnamed doer of the passive.
            for (var c = state.FirstChild[head]; c >= 0; c = state.NextSibling[c])
            {
                if (state.Relation(c) == "nsubj:pass")
                {
                    inherited = true;
                    return c;
                }
            }
        }
        if (relation == "xcomp")
        {
            // Object control: "urged Gondor to withdraw" — unless the object is what the verb acts on.
            for (var c = state.FirstChild[head]; c >= 0; c = state.NextSibling[c])
            {
                // "efforts to hold X accountable": a common noun object before the clause is what the
                // clause is about, so the doer is not the governing verb's subject either; after a
                // light verb ("took steps to end") it is.
                if (state.Relation(c) == "obj" && c < verb && (state.Analyses[c].Upos is "PROPN" or "PRON"
                    || (state.Analyses[c].Upos == "NOUN" && !LightVerbs.Contains(state.Lemma(head)))))
                {
                    inherited = true;
                    return c;
                }
            }
            return ClimbOrSelf(state, head, sentence, depth, out inherited);
        }
        if (relation is "conj" or "advcl" or "ccomp" or "parataxis")
        {
            if ((relation == "ccomp" && (state.Analyses[head].Upos != "VERB" || verb < head))
                || (relation == "advcl" && IsUnmarkedReportBefore(state, verb, head)))
            {
                // A report put before its verb ("X signed the deal, officials said"), also when parsed
                // as an adverbial clause of the speech verb, is not said of the speaker: its doer is
                // in the report.
                return -1;
            }
            if (relation == "conj" && NearestSubjectConjunct(state, head, verb) is var nearer and >= 0)
            {
                // "X urged talks, Y has launched an attack, renewed shelling": a subject carries on
                // to the next clause, so a conjunct without one shares the nearest earlier
                // conjunct's subject, not the first clause's.
                var shared = SubjectOf(state, nearer, sentence, depth + 1, out _);
                if (shared >= 0)
                {
                    inherited = true;
                    return shared;
                }
            }
            return state.Analyses[head].Upos == "VERB" ? ClimbOrSelf(state, head, sentence, depth, out inherited) : -1;
        }
        if (relation == "acl" && ForSubjectBetween(state, head, verb) is var forSubject and >= 0)
        {
            // "a request for the envoy to visit" with both "envoy" and "visit" hung on "request":
            // the for-phrase names who is to act.
            inherited = true;
            return forSubject;
        }
        if (relation == "acl:relcl" || (relation == "acl" && state.Analyses[verb].Xpos != "VBN"))
        {
            inherited = true;
            return head;
        }
        if (relation == "acl" && state.Analyses[verb].Upos == "VERB")
        {
            // "the majority of nations voting to condemn": the participle's noun acts.
            return head;
        }
        return -1;
    }

    // "X signed the deal, officials said" parsed with "signed" as an adverbial clause of "said": a
    // finite verb before a speech verb, with no word that makes it adverbial ("when", "after"), is
    // the report. A participle ("Speaking to X, Y said") or a marked clause keeps the speaker.
    private static bool IsUnmarkedReportBefore(CoderState state, int verb, int head) =>
        verb < head && SpeechVerbs.Contains(state.Lemma(head)) && state.Analyses[verb].Xpos is "VBD" or "VBZ" or "VBP"
        && !state.HasChild(verb, "mark");

    // The conjunct of the same head closest before the verb that has a subject of its own, or -1. A
    // conjunct joined by a comma alone ("X pushed for talks as Y has launched an intensive, renewed
    // assault", with "renewed" hung on "pushed") also continues the nearest adverbial clause of the head
    // that has a subject: verbs are seldom coordinated without "and", so such a conjunct belongs to
    // the clause it follows.
    private static int NearestSubjectConjunct(CoderState state, int head, int verb)
    {
        var nearest = -1;
        var asyndetic = !state.HasChild(verb, "cc");
        for (var c = state.FirstChild[head]; c >= 0 && c < verb; c = state.NextSibling[c])
        {
            // Children come in text order, so the last one found is the nearest.
            var relation = state.Relation(c);
            if ((relation == "conj" || (asyndetic && relation == "advcl")) && state.Analyses[c].Upos is "VERB" or "AUX" && state.HasSubject(c))
            {
                nearest = c;
            }
        }
        return nearest;
    }

    private static bool ObjectTargetMissing(CoderState state, EventPattern pattern, Candidate candidate)
    {
        for (var i = 0; i < pattern.Slots.Count; i++)
        {
            var slot = pattern.Slots[i];
            if (slot.Role == SlotRole.Target && slot.Relation == SlotRelation.Object)
            {
                return candidate.Found[i] < 0 || !HasOwnActor(state, candidate.Found[i]);
            }
        }
        return false;
    }

    private static int LastTriggerWord(Candidate candidate)
    {
        var last = candidate.Predicate;
        for (var i = 0; i < candidate.Found.Length; i++)
        {
            var slot = candidate.Pattern.Slots[i];
            if (candidate.Found[i] > last && slot.Role == SlotRole.None && slot.Relation != SlotRelation.Prepositional)
            {
                last = candidate.Found[i];
            }
        }
        return last;
    }

    private static int ActorJustAfter(CoderState state, int word, Sentence sentence, int exclude)
    {
        for (var t = word + 1; t < sentence.EndToken && t <= word + 4; t++)
        {
            var upos = state.Analyses[t].Upos;
            if (state.ActorOf(t) >= 0 && upos is "NOUN" or "PROPN" && t != exclude)
            {
                return t;
            }
            if (upos is not ("DET" or "ADJ" or "PROPN" or "NOUN"))
            {
                return -1;
            }
        }
        return -1;
    }

    private static bool IsBareInfinitive(CoderState state, int verb)
    {
        var to = false;
        for (var c = state.FirstChild[verb]; c >= 0 && c < verb; c = state.NextSibling[c])
        {
            var rel = state.Relation(c);
            if (rel == "mark" && state.Lemma(c) == "for")
            {
                return false;
            }
            to |= rel == "mark" && state.Lemma(c) == "to";
        }
        return to;
    }

    // When the tree gives a verb no subject at all, an actor ending just before its verb group
    // ("the Russian leader has directed ...") is taken: the parse lost the link, the words did not.
    private static int ActorJustBefore(CoderState state, int verb, Sentence sentence)
    {
        for (var t = verb - 1; t >= sentence.FirstToken; t--)
        {
            if (state.ActorOf(t) >= 0)
            {
                return state.Analyses[t].Upos is "NOUN" or "PROPN" or "PRON" ? t : -1;
            }
            // Not across the infinitive marker: the actor before "to meet" is rarely who meets.
            if (!(state.Analyses[t].Upos is "AUX" or "ADV" || state.Lemma(t) is "not" or "n't"))
            {
                return -1;
            }
        }
        return -1;
    }

    // When the parser made the sentence's first name its root ("X on Monday signed ..." with "signed"
    // hung lower down), that name is the subject the verb lost: a noun root that has no subject or
    // copula of its own, names an actor, and stands before the verb, with the verb in its tree.
    private static int RootNameBefore(CoderState state, int verb, Sentence sentence)
    {
        var root = verb;
        for (var depth = 0; depth < MaxPhraseDepth; depth++)
        {
            var up = state.Analyses[root].Head;
            if (up < sentence.FirstToken || up >= sentence.EndToken)
            {
                break;
            }
            root = up;
        }
        if (root == verb || root > verb || state.Relation(root) != "root" || state.Analyses[root].Upos is not ("PROPN" or "NOUN")
            || !HasOwnActor(state, root) || state.HasChild(root, "cop") || state.HasSubject(root))
        {
            return -1;
        }
        return root;
    }

    private static int ClimbOrSelf(CoderState state, int head, Sentence sentence, int depth, out bool inherited)
    {
        var found = SubjectOf(state, head, sentence, depth + 1, out _);
        inherited = true;
        return found;
    }

    // "..., the official news agency KCNA said": a parser that reads the agency's name as the subject
    // of a relative clause on the noun has split one speaker in two. A name that is nobody, right
    // after a noun that is someone, as the subject of a verb of saying hung on that noun: the noun speaks.
    private static int NamedSpeaker(CoderState state, int verb, int subject)
    {
        if (state.Relation(verb) != "acl:relcl" || !SpeechVerbs.Contains(state.Lemma(verb))
            || state.Analyses[subject].Upos != "PROPN" || state.ActorOf(subject) >= 0)
        {
            return -1;
        }
        var noun = state.Analyses[verb].Head;
        if (noun < 0 || noun >= subject || !HasOwnActor(state, noun))
        {
            return -1;
        }
        for (var t = noun + 1; t < subject; t++)
        {
            // Only the name's own words between them: "the agency Bree Press said".
            if (state.Analyses[t].Head != subject || state.Relation(t) is not ("compound" or "flat"))
            {
                return -1;
            }
        }
        return noun;
    }

    private static bool IsPersonalPronoun(string lemma) => lemma is "it" or "he" or "she" or "they";

    // The subject of the verb a clausal complement reports ("indicated", "said"), when it names an actor.
    private static int SpeakerOf(CoderState state, int verb, Sentence sentence, int depth)
    {
        var head = state.Analyses[verb].Head;
        if (state.Relation(verb) != "ccomp" || head < sentence.FirstToken || head >= sentence.EndToken || state.Analyses[head].Upos != "VERB")
        {
            return -1;
        }
        var speaker = SubjectOf(state, head, sentence, depth + 1, out _);
        return speaker >= 0 && HasOwnActor(state, speaker) ? speaker : -1;
    }

    private static bool IsRelativePronoun(string lemma) => lemma is "who" or "which" or "that" or "whom";

    private static int InSentence(int token, Sentence sentence) =>
        token >= sentence.FirstToken && token < sentence.EndToken ? token : -1;

    // The doer of a nominal event: its possessor ("Gondor's invasion"), its by-phrase ("the attack by
    // Gondor"), or the subject of the light verb it is the object of ("Gondor launched an attack").
    // The verb a meeting or visit is the occasion of ("... during a visit to", "on a trip to", "at
    // a meeting with"), or -1. Only consultations: "after an attack on" is often someone else's.
    private static int OccasionOf(CoderState state, int noun, EventPattern pattern, Sentence sentence)
    {
        if (!pattern.Code.StartsWith("04", StringComparison.Ordinal) || state.Relation(noun) != "obl"
            || !(state.MarkerIs(noun, "during") || state.MarkerIs(noun, "on") || state.MarkerIs(noun, "at")))
        {
            return -1;
        }
        // Not a passive or a participle of a noun: "the medal, received during a visit to X" names
        // the thing received, not the visitor.
        var verb = state.Analyses[noun].Head;
        return verb >= sentence.FirstToken && verb < sentence.EndToken && state.Analyses[verb].Upos == "VERB"
            && !state.IsPassive(verb) && state.Analyses[verb].Xpos != "VBN" ? verb : -1;
    }

    private static int NominalSource(CoderState state, int noun, int clause, Sentence sentence)
    {
        for (var c = state.FirstChild[noun]; c >= 0; c = state.NextSibling[c])
        {
            var rel = state.Relation(c);
            if (rel == "nmod:poss" || (rel.StartsWith("nmod", StringComparison.Ordinal) && state.MarkerIs(c, "by")))
            {
                return c;
            }
        }
        // "Gondor push for talks": a name before the noun, tagged as a compound.
        for (var c = state.FirstChild[noun]; c >= 0 && c < noun; c = state.NextSibling[c])
        {
            if (state.Relation(c) == "compound" && state.Analyses[c].Upos == "PROPN" && state.ActorOf(c) >= 0)
            {
                return c;
            }
        }
        if (clause != noun)
        {
            var subject = SubjectOf(state, clause, sentence, 0, out _);
            if (subject >= 0)
            {
                return subject;
            }
        }
        // The words before the noun: "X has directed an intensive, renewed assault", however parsed.
        var light = -1;
        for (var t = noun - 1; t >= sentence.FirstToken; t--)
        {
            var upos = state.Analyses[t].Upos;
            if (upos == "VERB")
            {
                light = LightVerbs.Contains(state.Lemma(t)) ? t : light;
                continue;
            }
            // An adjective before a comma read as a lone noun ("an intensive, renewed assault" with
            // "intensive" tagged a noun) is still one of the noun's modifiers.
            var loneNounBeforeComma = upos == "NOUN" && t + 1 < noun && state.Lemma(t + 1) == "," && HasOnlyDeterminers(state, t);
            if (upos is not ("DET" or "ADJ" or "NUM") && state.Lemma(t) != "," && !loneNounBeforeComma)
            {
                break;
            }
        }
        return light >= 0 ? ActorJustBefore(state, light, sentence) : -1;
    }

    private static bool HasOnlyDeterminers(CoderState state, int token)
    {
        for (var c = state.FirstChild[token]; c >= 0; c = state.NextSibling[c])
        {
            if (state.Analyses[c].Upos != "DET" && state.Lemma(c) != ",")
            {
                return false;
            }
        }
        return true;
    }

    // Actors named by the subtree at token: the token's own actor, or one named by a close dependent
    // ("Gondor's army", "the Gondorian forces", "the mission of Gondor"); each conjunct adds its own.
    private static int ActorsOf(CoderState state, int token, Span<int> actors, ref double confidence)
    {
        if (token < 0)
        {
            return 0;
        }
        var count = 0;
        Span<int> members = stackalloc int[MaxMembers];
        var memberCount = SideMembers(state, token, members);
        for (var m = 0; m < memberCount && count < actors.Length; m++)
        {
            AddActor(state, members[m], actors, ref count, ref confidence);
        }
        return count;
    }

    // The words that name one side: the token and its conjuncts, the conjuncts of its of-phrase, and for a subject the other
    // subjects of its verb, which a parser gives for coordinated subjects it failed to join
    // ("the rebels and the army attacked" with two nsubj).
    private static int SideMembers(CoderState state, int token, Span<int> members)
    {
        var count = 0;
        AddMember(state, token, members, ref count);
        for (var n = state.FirstChild[token]; n >= 0; n = state.NextSibling[n])
        {
            // "the ambassadors of Arnor and Gondor": the countries joined in the of-phrase each
            // have their own (the actor phrases code them so).
            if (state.Relation(n) == "nmod" && (state.MarkerIs(n, "of") || state.MarkerIs(n, "in") || state.MarkerIs(n, "from")))
            {
                for (var c = state.FirstChild[n]; c >= 0 && count < members.Length; c = state.NextSibling[c])
                {
                    if (state.Relation(c) == "conj")
                    {
                        members[count++] = c;
                    }
                }
            }
        }
        var rel = state.Relation(token);
        var head = state.Analyses[token].Head;
        if (head >= 0 && rel is "nsubj" or "nsubj:pass")
        {
            for (var c = state.FirstChild[head]; c >= 0; c = state.NextSibling[c])
            {
                if (c != token && state.Relation(c) == rel)
                {
                    AddMember(state, c, members, ref count);
                }
            }
        }
        return count;
    }

    // The word and its conjuncts. "Arnor, the Shire, Fornost and Bree" parsed with "Fornost" as an
    // apposition of "Shire": a proper-noun apposition followed by a conjunct of the same word is one
    // more member of the list.
    private static void AddMember(CoderState state, int member, Span<int> members, ref int count)
    {
        if (count < members.Length)
        {
            members[count++] = member;
        }
        var lastConjunct = -1;
        for (var c = state.FirstChild[member]; c >= 0; c = state.NextSibling[c])
        {
            lastConjunct = state.Relation(c) == "conj" ? c : lastConjunct;
        }
        for (var c = state.FirstChild[member]; c >= 0 && count < members.Length; c = state.NextSibling[c])
        {
            if (state.Relation(c) == "conj" || (state.Relation(c) == "appos" && c < lastConjunct && state.Analyses[c].Upos == "PROPN"))
            {
                members[count++] = c;
            }
        }
    }

    private static void AddActor(CoderState state, int token, Span<int> actors, ref int count, ref double confidence)
    {
        var actor = state.ActorOf(token);
        if (actor < 0)
        {
            for (var c = state.FirstChild[token]; c >= 0; c = state.NextSibling[c])
            {
                var rel = state.Relation(c);
                if (rel is "nmod:poss" or "compound" or "flat" or "amod" or "appos"
                    || (rel == "nmod" && state.MarkerIs(c, "of")))
                {
                    actor = state.ActorOf(c);
                    if (actor >= 0)
                    {
                        confidence -= 0.05;
                        break;
                    }
                }
            }
        }
        if (actor < 0 || count >= actors.Length)
        {
            return;
        }
        for (var i = 0; i < count; i++)
        {
            if (actors[i] == actor)
            {
                return;
            }
        }
        actors[count++] = actor;
    }

    // The token whose actor mention is reported for each actor, parallel to ActorsOf.
    private static void ActorTokens(CoderState state, int token, Span<int> tokens)
    {
        if (token < 0)
        {
            return;
        }
        var count = 0;
        Span<int> members = stackalloc int[MaxMembers];
        var memberCount = SideMembers(state, token, members);
        for (var m = 0; m < memberCount && count < tokens.Length; m++)
        {
            AddActorToken(state, members[m], tokens, ref count);
        }
    }

    private static void AddActorToken(CoderState state, int token, Span<int> tokens, ref int count)
    {
        var actor = state.ActorOf(token);
        var at = token;
        if (actor < 0)
        {
            for (var c = state.FirstChild[token]; c >= 0; c = state.NextSibling[c])
            {
                var rel = state.Relation(c);
                if ((rel is "nmod:poss" or "compound" or "flat" or "amod" or "appos"
                    || (rel == "nmod" && state.MarkerIs(c, "of"))) && state.ActorOf(c) >= 0)
                {
                    actor = state.ActorOf(c);
                    at = c;
                    break;
                }
            }
        }
        if (actor < 0 || count >= tokens.Length)
        {
            return;
        }
        for (var i = 0; i < count; i++)
        {
            if (state.ActorOf(tokens[i]) == actor)
            {
                return;
            }
        }
        tokens[count++] = at;
    }

    private static EventArgument Argument(CoderState state, int actorIndex, int token)
    {
        var actor = state.Document.Actors[actorIndex];
        var (start, end) = state.MentionSpan(token);
        return new EventArgument(actor.Id, actor.Code, start, end, state.Document.Text[start..end]);
    }

    private static string ModeOf(CoderState state, int clause, int predicate, string root, Sentence sentence)
    {
        var modal = root is "02" or "03" or "10" or "13";
        if (IsNegated(state, predicate) || (clause != predicate && IsNegated(state, clause)))
        {
            return EventModes.Negated;
        }
        var hypothetical = HasConditional(state, clause);
        // "a request for X to visit", "called for X to withdraw": a for-to clause is wanted, not done.
        var intended = IsForTo(state, predicate);
        var reported = false;
        var node = clause;
        for (var step = 0; step < MaxClimb; step++)
        {
            var rel = state.Relation(node);
            var head = state.Analyses[node].Head;
            if (head < sentence.FirstToken || head >= sentence.EndToken)
            {
                break;
            }
            var lemma = state.Lemma(head);
            if (rel is "xcomp" or "advcl" or "ccomp" or "parataxis" or "conj")
            {
                if (rel == "xcomp" || (rel == "advcl" && state.MarkerIs(node, "to")))
                {
                    if (IsNegated(state, head) || NegatingVerbs.Contains(lemma))
                    {
                        return EventModes.Negated;
                    }
                    intended |= IntentVerbs.Contains(lemma) || ClauseSubjects.IntentNounBefore(state, head, node, null) >= 0;
                    // "would like to meet" is a wish, not a condition.
                    hypothetical |= HypotheticalVerbs.Contains(lemma) || (HasConditional(state, head) && !IntentVerbs.Contains(lemma));
                }
                else if (rel is "ccomp" or "parataxis")
                {
                    reported |= SpeechVerbs.Contains(lemma);
                    hypothetical |= HypotheticalVerbs.Contains(lemma);
                    intended |= IntentVerbs.Contains(lemma) && lemma is not "say";
                }
                node = head;
                continue;
            }
            if (rel is "acl" or "acl:relcl")
            {
                // "plans to attack", "a threat to invade": the noun says the act is not done.
                intended |= rel == "acl" && state.MarkerIs(node, "to") && ClauseSubjects.IntentNouns.Contains(lemma);
                hypothetical |= rel == "acl" && state.MarkerIs(node, "to") && ClauseSubjects.HypotheticalNouns.Contains(lemma);
                node = head;
                continue;
            }
            if (rel.StartsWith("nmod", StringComparison.Ordinal) && (state.MarkerIs(node, "for") || state.MarkerIs(node, "of")))
            {
                // "plans for an attack on X", "the threat of an invasion".
                intended |= ClauseSubjects.IntentNouns.Contains(lemma);
                hypothetical |= ClauseSubjects.HypotheticalNouns.Contains(lemma);
            }
            break;
        }
        if (hypothetical && !modal)
        {
            return EventModes.Hypothetical;
        }
        if (intended && !modal)
        {
            return EventModes.Intended;
        }
        if (reported || state.InQuote(predicate, sentence))
        {
            return EventModes.Reported;
        }
        return EventModes.Asserted;
    }

    private static bool IsForTo(CoderState state, int verb)
    {
        var to = false;
        var forSubject = false;
        for (var c = state.FirstChild[verb]; c >= 0 && c < verb; c = state.NextSibling[c])
        {
            to |= state.Relation(c) == "mark" && state.Lemma(c) == "to";
            forSubject |= state.Lemma(c) == "for" || (state.Relation(c) is "nsubj" && state.MarkerIs(c, "for"));
        }
        var head = state.Analyses[verb].Head;
        // The parser may hang the clause on its subject ("for the envoy to visit" with "visit" an acl of
        // "envoy") or on the noun the for-phrase modifies ("a request for the envoy to visit").
        forSubject |= head >= 0 && head < verb && state.Relation(verb) == "acl"
            && (state.MarkerIs(head, "for") || ForSubjectBetween(state, head, verb) >= 0);
        return to && forSubject;
    }

    // A phrase opened by "for" that modifies the noun and stands between it and the verb, or -1.
    private static int ForSubjectBetween(CoderState state, int noun, int verb)
    {
        for (var c = state.FirstChild[noun]; c >= 0 && c < verb; c = state.NextSibling[c])
        {
            if (c > noun && state.Relation(c).StartsWith("nmod", StringComparison.Ordinal) && state.MarkerIs(c, "for"))
            {
                return c;
            }
        }
        return -1;
    }

    private static bool IsNegated(CoderState state, int token)
    {
        for (var c = state.FirstChild[token]; c >= 0; c = state.NextSibling[c])
        {
            var rel = state.Relation(c);
            if ((rel is "advmod" or "neg" && state.Lemma(c) is "not" or "never" or "n't")
                || (rel == "det" && state.Lemma(c) == "no"))
            {
                return true;
            }
        }
        return false;
    }

    private static bool HasConditional(CoderState state, int verb)
    {
        for (var c = state.FirstChild[verb]; c >= 0; c = state.NextSibling[c])
        {
            var rel = state.Relation(c);
            if ((rel == "aux" && ConditionalAuxiliaries.Contains(state.Lemma(c)))
                || (rel == "mark" && state.Lemma(c) is "if" or "unless"))
            {
                return true;
            }
        }
        return false;
    }

    // The predicate with the words the pattern needed beside it ("requested to meet", "imposed
    // sanctions"), or the light verb and its nominal event ("launched an attack").
    private static Mention TriggerOf(CoderState state, Candidate candidate, int clause)
    {
        var tokens = state.Document.Tokens;
        var first = candidate.Predicate;
        var last = candidate.Predicate;
        if (clause != candidate.Predicate)
        {
            first = Math.Min(first, clause);
            last = Math.Max(last, clause);
        }
        var slots = candidate.Pattern.Slots;
        for (var i = 0; i < slots.Count; i++)
        {
            var t = candidate.Found[i];
            if (t >= 0 && slots[i].Role == SlotRole.None && slots[i].Relation != SlotRelation.Prepositional)
            {
                first = Math.Min(first, t);
                last = Math.Max(last, t);
            }
        }
        var start = tokens[first].Start;
        var end = tokens[last].End;
        return new Mention(start, end, state.Document.Text[start..end]);
    }

    private static string? PlaceOf(CoderState state, int clause, int predicate)
    {
        if (state.Document.Places.Count == 0)
        {
            return null;
        }
        var place = PlaceUnder(state, predicate);
        return place ?? (clause != predicate ? PlaceUnder(state, clause) : null);
    }

    private static string? PlaceUnder(CoderState state, int head)
    {
        for (var c = state.FirstChild[head]; c >= 0; c = state.NextSibling[c])
        {
            var rel = state.Relation(c);
            if (rel.StartsWith("obl", StringComparison.Ordinal) || rel.StartsWith("nmod", StringComparison.Ordinal))
            {
                var id = state.PlaceAt(c);
                if (id is not null)
                {
                    return id;
                }
            }
        }
        return null;
    }

    private static string? DateOf(CoderState state, int clause, int predicate)
    {
        if (state.Document.Times.Count == 0)
        {
            return null;
        }
        var date = DateUnder(state, predicate);
        return date ?? (clause != predicate ? DateUnder(state, clause) : null);
    }

    private static string? DateUnder(CoderState state, int head)
    {
        for (var c = state.FirstChild[head]; c >= 0; c = state.NextSibling[c])
        {
            var rel = state.Relation(c);
            if (rel.StartsWith("obl", StringComparison.Ordinal) || rel.StartsWith("nmod", StringComparison.Ordinal))
            {
                var value = state.TimeAt(c);
                if (value is not null)
                {
                    return value;
                }
            }
        }
        return null;
    }

    private readonly record struct Candidate(EventPattern Pattern, int Predicate, int[] Found)
    {
        public int Score { get; init; }

        public bool Consumes(int token)
        {
            for (var i = 0; i < Found.Length; i++)
            {
                // Only words the pattern names are used up; "condemned the attack by X" leaves
                // "attack" free to code on its own.
                if (Found[i] == token && Pattern.Slots[i].Lemmas is not null)
                {
                    return true;
                }
            }
            return false;
        }
    }
}
