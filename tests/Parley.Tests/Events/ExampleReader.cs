using Parley.Events;
using Parley.Model;

namespace Parley.Tests.Events;

/// <summary>
/// Reads the controlled-English example sentences of the event lexicon into a Document with
/// tokens, one sentence, UD analyses and one actor per capitalised name, by fixed rules, so the
/// lexicon can check itself without the tagger and parser models. The form it reads: a subject
/// (a name, or "Name's noun" with prepositional phrases), auxiliaries and "not", the verb (a past
/// form after a common noun ends the subject), then particles, noun phrases ("the Name noun" makes
/// the name a compound), prepositional phrases, "to" + verb (a complement clause) and "that" + clause. Prepositional phrases hang on the nearest noun that heads a nominal pattern, else on the
/// verb; "of" hangs on the noun before it.
/// </summary>
internal sealed class ExampleReader
{
    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "its", "his", "her", "their", "this", "these", "those", "some", "several", "no", "our", "any",
    };

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "has", "have", "had", "was", "were", "is", "are", "been", "be", "being", "will", "would", "did", "does", "do",
        "could", "might", "may", "should", "can",
    };

    private static readonly HashSet<string> BeForms = new(StringComparer.Ordinal) { "was", "were", "is", "are", "been", "be", "being" };

    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal)
    {
        "on", "with", "against", "for", "to", "from", "of", "into", "at", "over", "about", "in", "between", "among", "by",
        "across", "toward", "towards", "upon", "under", "after", "through", "onto", "around", "within", "without", "behind",
        "near", "along", "outside", "alongside", "as", "like",
    };

    private static readonly HashSet<string> Predicatives = new(StringComparer.Ordinal)
    {
        "guilty", "liable", "responsible", "accountable", "dead", "hostage", "captive", "persona", "non-grata",
    };

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "up", "out", "off", "down", "back", "away", "aside" };

    private static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal)
    {
        "itself", "himself", "herself", "themselves", "it", "them", "him", "her", "self",
    };

    private static readonly Dictionary<string, string> Irregular = new(StringComparer.Ordinal)
    {
        ["held"] = "hold", ["met"] = "meet", ["sent"] = "send", ["fought"] = "fight", ["took"] = "take", ["taken"] = "take",
        ["gave"] = "give", ["given"] = "give", ["made"] = "make", ["struck"] = "strike", ["shot"] = "shoot",
        ["brought"] = "bring", ["sought"] = "seek", ["told"] = "tell", ["said"] = "say", ["began"] = "begin", ["begun"] = "begin",
        ["broke"] = "break", ["broken"] = "break", ["withdrew"] = "withdraw", ["withdrawn"] = "withdraw", ["drove"] = "drive",
        ["driven"] = "drive", ["threw"] = "throw", ["thrown"] = "throw", ["led"] = "lead", ["paid"] = "pay", ["hit"] = "hit",
        ["set"] = "set", ["put"] = "put", ["cut"] = "cut", ["beat"] = "beat", ["beaten"] = "beat", ["spoke"] = "speak",
        ["spoken"] = "speak", ["froze"] = "freeze", ["frozen"] = "freeze", ["forgave"] = "forgive", ["forgiven"] = "forgive",
        ["overthrew"] = "overthrow", ["undertook"] = "undertake", ["shut"] = "shut", ["laid"] = "lay", ["lent"] = "lend",
        ["blew"] = "blow", ["blown"] = "blow", ["won"] = "win", ["lost"] = "lose", ["kept"] = "keep", ["found"] = "find",
        ["stood"] = "stand", ["swore"] = "swear", ["ran"] = "run", ["dealt"] = "deal", ["fled"] = "flee", ["sold"] = "sell",
        ["bought"] = "buy", ["caught"] = "catch", ["came"] = "come", ["went"] = "go", ["gone"] = "go", ["saw"] = "see",
        ["wrote"] = "write", ["written"] = "write", ["sat"] = "sit", ["flew"] = "fly", ["flown"] = "fly", ["lit"] = "light",
        ["slew"] = "slay", ["slain"] = "slay", ["hung"] = "hang", ["stole"] = "steal", ["rode"] = "ride", ["bore"] = "bear",
        ["hid"] = "hide", ["upheld"] = "uphold", ["overran"] = "overrun", ["chose"] = "choose", ["chosen"] = "choose",
        ["shook"] = "shake", ["arose"] = "arise", ["rang"] = "ring", ["rung"] = "ring", ["felt"] = "feel", ["meant"] = "mean",
        ["left"] = "leave", ["fed"] = "feed", ["spent"] = "spend", ["built"] = "build", ["understood"] = "understand",
        ["forbade"] = "forbid", ["overthrown"] = "overthrow", ["sped"] = "speed", ["tore"] = "tear", ["torn"] = "tear",
        ["people"] = "people", ["men"] = "man", ["women"] = "woman", ["children"] = "child", ["talks"] = "talk",
        ["news"] = "news", ["forces"] = "force", ["unfroze"] = "unfreeze", ["withheld"] = "withhold",
    };

    private readonly HashSet<string> _known;
    private readonly HashSet<string> _verbs;
    private readonly HashSet<string> _nominals;

    public ExampleReader(EventLexicon lexicon)
    {
        _known = new HashSet<string>(StringComparer.Ordinal);
        _verbs = new HashSet<string>(EventCoder.LightVerbs, StringComparer.Ordinal)
        {
            "act", "leave", "retreat", "respond", "continue", "report", "begin", "start", "end", "complete", "unite",
            "welcome", "hail", "uphold", "win", "cast", "join", "attend", "voice", "boost", "deepen", "praise",
        };
        _nominals = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pattern in lexicon.Patterns)
        {
            foreach (var p in pattern.Predicates)
            {
                _known.Add(p);
                (pattern.Nominal ? _nominals : _verbs).Add(p);
            }
            foreach (var slot in pattern.Slots)
            {
                if (slot.Lemmas is null)
                {
                    continue;
                }
                foreach (var l in slot.Lemmas)
                {
                    _known.Add(l);
                    if (slot.Relation is SlotRelation.OpenComplement or SlotRelation.ClausalComplement)
                    {
                        _verbs.Add(l);
                    }
                }
            }
        }
        foreach (var set in lexicon.Synsets.Values)
        {
            foreach (var m in set)
            {
                _known.Add(m);
            }
        }
        foreach (var v in _verbs)
        {
            _known.Add(v);
        }
    }

    public Document Read(string sentence)
    {
        var words = new List<Word>();
        var pos = 0;
        foreach (var raw in sentence.Split(' '))
        {
            var start = sentence.IndexOf(raw, pos, StringComparison.Ordinal);
            var text = raw;
            var end = start + text.Length;
            var trailingDot = text.EndsWith('.') && text.Length > 1;
            if (trailingDot)
            {
                text = text[..^1];
                end--;
            }
            if (text.EndsWith("'s", StringComparison.Ordinal) && text.Length > 2)
            {
                words.Add(new Word(text[..^2], start, end - 2));
                words.Add(new Word("'s", end - 2, end));
            }
            else
            {
                words.Add(new Word(text, start, end));
            }
            if (trailingDot)
            {
                words.Add(new Word(".", end, end + 1));
            }
            pos = start + raw.Length;
        }
        new Parse(this, words).Sentence();

        var document = new Document("example", sentence);
        var tokens = new Token[words.Count];
        var analyses = new TokenAnalysis[words.Count];
        var actors = new Dictionary<string, List<Mention>>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            tokens[i] = new Token(w.Start, w.End);
            analyses[i] = new TokenAnalysis(w.Upos, w.Xpos, w.Lemma, w.Head, w.Relation);
            if (w.Upos == "PROPN")
            {
                if (!actors.TryGetValue(w.Text, out var mentions))
                {
                    actors[w.Text] = mentions = [];
                }
                mentions.Add(new Mention(w.Start, w.End, w.Text));
            }
        }
        document.Tokens = tokens;
        document.Sentences = [new Sentence(tokens[0].Start, tokens[^1].End, 0, tokens.Length)];
        document.Analyses = analyses;
        var n = 1;
        foreach (var (name, mentions) in actors)
        {
            document.Actors.Add(new Actor { Id = "a" + n++, Name = name, Code = name.ToUpperInvariant(), Mentions = mentions });
        }
        document.AddLayers(Layers.Tokens | Layers.Sentences | Layers.Tags | Layers.Dependencies | Layers.Actors);
        return document;
    }

    private string Lemma(string form, bool verb)
    {
        var lower = form.ToLowerInvariant();
        if (Irregular.TryGetValue(lower, out var irregular))
        {
            return irregular;
        }
        if (verb)
        {
            // "armed" is a verb form of "arm" before it is the adjective a pattern may name.
            foreach (var candidate in Candidates(lower))
            {
                if (_verbs.Contains(candidate))
                {
                    return candidate;
                }
            }
        }
        if (_known.Contains(lower) && !(verb && lower.EndsWith('s') && _known.Contains(lower[..^1])))
        {
            return lower;
        }
        foreach (var candidate in Candidates(lower))
        {
            if (_known.Contains(candidate))
            {
                return candidate;
            }
        }
        if (verb && lower.EndsWith("ed", StringComparison.Ordinal) && lower.Length > 4)
        {
            var stem = lower[..^2];
            if (stem.Length > 2 && stem[^1] == stem[^2] && stem[^1] is not 'l' and not 's' and not 'f')
            {
                return stem[..^1];
            }
            return stem.EndsWith("at", StringComparison.Ordinal) || stem.EndsWith("iz", StringComparison.Ordinal)
                || stem.EndsWith("is", StringComparison.Ordinal) || stem.EndsWith("ur", StringComparison.Ordinal)
                || stem[^1] is 'v' or 'c' or 'g' or 'u' || stem.EndsWith("os", StringComparison.Ordinal)
                ? stem + "e" : stem;
        }
        return lower;
    }

    private static IEnumerable<string> Candidates(string w)
    {
        if (w.EndsWith("ies", StringComparison.Ordinal))
        {
            yield return w[..^3] + "y";
        }
        if (w.EndsWith("ied", StringComparison.Ordinal))
        {
            yield return w[..^3] + "y";
        }
        if (w.EndsWith('s'))
        {
            yield return w[..^1];
        }
        if (w.EndsWith("es", StringComparison.Ordinal))
        {
            yield return w[..^2];
        }
        if (w.EndsWith("ed", StringComparison.Ordinal))
        {
            yield return w[..^2];
            yield return w[..^1];
            if (w.Length > 4 && w[^3] == w[^4])
            {
                yield return w[..^3];
            }
        }
        if (w.EndsWith("ing", StringComparison.Ordinal))
        {
            yield return w[..^3];
            yield return w[..^3] + "e";
            if (w.Length > 5 && w[^4] == w[^5])
            {
                yield return w[..^4];
            }
        }
    }

    private sealed class Word(string text, int start, int end)
    {
        public string Text { get; } = text;
        public int Start { get; } = start;
        public int End { get; } = end;
        public string Upos { get; set; } = "X";
        public string Xpos { get; set; } = "_";
        public string Lemma { get; set; } = text;
        public int Head { get; set; } = -1;
        public string Relation { get; set; } = "dep";
    }

    private sealed class Parse(ExampleReader reader, List<Word> words)
    {
        private int _i;

        private string Lower(int i) => i < words.Count ? words[i].Text.ToLowerInvariant() : ".";

        private bool IsName(int i) => i < words.Count && words[i].Text.Length > 0 && char.IsUpper(words[i].Text[0]);

        private void Attach(int dependent, int head, string relation)
        {
            words[dependent].Head = head;
            words[dependent].Relation = relation;
        }

        public void Sentence()
        {
            var verb = Clause(-1, "root");
            for (var k = 0; k < words.Count; k++)
            {
                if (words[k].Text == ".")
                {
                    words[k].Upos = "PUNCT";
                    words[k].Xpos = ".";
                    words[k].Lemma = ".";
                    Attach(k, verb, "punct");
                }
            }
        }

        // subject, auxiliaries, verb, rest; returns the verb.
        private int Clause(int governor, string relation)
        {
            var subject = NounPhrase(out _);
            var lastNominal = reader._nominals.Contains(words[subject].Lemma) ? subject : -1;
            while (_i < words.Count && Prepositions.Contains(Lower(_i)) && Lower(_i) != "to")
            {
                PrepositionalPhrase(subject, ref lastNominal, subject, passive: false);
            }
            var auxiliaries = new List<int>();
            var adverbs = new List<int>();
            while (_i < words.Count)
            {
                var w = Lower(_i);
                if (Auxiliaries.Contains(w) || w is "not" or "never" || IsAdverb(w))
                {
                    (Auxiliaries.Contains(w) ? auxiliaries : adverbs).Add(_i++);
                    continue;
                }
                break;
            }
            var verb = _i++;
            var passive = false;
            foreach (var a in auxiliaries)
            {
                passive |= BeForms.Contains(Lower(a));
            }
            passive &= Lower(verb).EndsWith("ed", StringComparison.Ordinal) || Lower(verb).EndsWith("en", StringComparison.Ordinal)
                || Irregular.ContainsKey(Lower(verb));
            var v = words[verb];
            v.Upos = "VERB";
            v.Xpos = passive ? "VBN" : "VBD";
            v.Lemma = reader.Lemma(v.Text, verb: true);
            Attach(verb, governor, relation);
            Attach(subject, verb, passive ? "nsubj:pass" : "nsubj");
            foreach (var a in auxiliaries)
            {
                words[a].Upos = "AUX";
                words[a].Xpos = "VBZ";
                words[a].Lemma = BeForms.Contains(Lower(a)) ? "be" : Lower(a) switch
                {
                    "has" or "have" or "had" => "have",
                    "did" or "does" => "do",
                    var other => other,
                };
                Attach(a, verb, passive && BeForms.Contains(Lower(a)) ? "aux:pass" : "aux");
            }
            foreach (var a in adverbs)
            {
                words[a].Upos = "ADV";
                words[a].Xpos = "RB";
                words[a].Lemma = Lower(a) == "n't" ? "not" : Lower(a);
                Attach(a, verb, "advmod");
            }
            Rest(verb, passive);
            return verb;
        }

        private void Rest(int verb, bool passive)
        {
            var hasObject = false;
            var lastNoun = -1;
            var lastNominal = -1;
            while (_i < words.Count && words[_i].Text != ".")
            {
                var w = Lower(_i);
                if (Particles.Contains(w) || (w is "over" or "in" && !IsName(_i + 1)
                    && (_i == verb + 1 || Lower(_i + 1) is "to" or ".") && words[verb].Lemma is "hand" or "give" or "take"))
                {
                    words[_i].Upos = "ADP";
                    words[_i].Xpos = "RP";
                    words[_i].Lemma = w;
                    Attach(_i++, verb, "compound:prt");
                    continue;
                }
                if (w == "to" && IsInfinitive(_i + 1))
                {
                    var mark = _i++;
                    var inner = _i++;
                    var iv = words[inner];
                    iv.Upos = "VERB";
                    iv.Xpos = "VB";
                    iv.Lemma = reader.Lemma(iv.Text, verb: true);
                    words[mark].Upos = "PART";
                    words[mark].Xpos = "TO";
                    words[mark].Lemma = "to";
                    Attach(mark, inner, "mark");
                    if (lastNoun >= 0 && words[lastNoun].Upos == "NOUN")
                    {
                        Attach(inner, lastNoun, "acl");
                    }
                    else
                    {
                        Attach(inner, verb, "xcomp");
                    }
                    Rest(inner, passive: false);
                    return;
                }
                if (w == "that")
                {
                    var mark = _i++;
                    words[mark].Upos = "SCONJ";
                    words[mark].Xpos = "IN";
                    words[mark].Lemma = "that";
                    var inner = Clause(verb, "ccomp");
                    Attach(mark, inner, "mark");
                    return;
                }
                if (Prepositions.Contains(w))
                {
                    lastNoun = PrepositionalPhrase(verb, ref lastNominal, lastNoun, passive);
                    continue;
                }
                if (IsAdverb(w))
                {
                    words[_i].Upos = "ADV";
                    words[_i].Xpos = "RB";
                    words[_i].Lemma = w;
                    Attach(_i++, verb, "advmod");
                    continue;
                }
                var head = NounPhrase(out var single);
                if (!hasObject)
                {
                    // "gave Harad aid": a lone name followed by another noun phrase is the indirect object.
                    if (single && words[head].Upos == "PROPN" && _i < words.Count && words[_i].Text != "."
                        && !Prepositions.Contains(Lower(_i)) && !Particles.Contains(Lower(_i)) && Lower(_i) != "that"
                        && !Predicatives.Contains(Lower(_i)))
                    {
                        Attach(head, verb, "iobj");
                        head = NounPhrase(out _);
                    }
                    Attach(head, verb, "obj");
                    hasObject = true;
                }
                else
                {
                    // "held X responsible", "shot X dead": a predicative word after the object.
                    Attach(head, verb, Predicatives.Contains(Lower(head)) ? "xcomp" : "obl:unmarked");
                }
                lastNoun = head;
                if (reader._nominals.Contains(words[head].Lemma) && words[head].Upos == "NOUN")
                {
                    lastNominal = head;
                }
            }
        }

        private int PrepositionalPhrase(int verb, ref int lastNominal, int lastNoun, bool passive)
        {
            var prep = _i++;
            var p = Lower(prep);
            words[prep].Upos = "ADP";
            words[prep].Xpos = "IN";
            words[prep].Lemma = p;
            var head = NounPhrase(out _);
            Attach(prep, head, "case");
            if (p == "of" && lastNoun >= 0 && words[lastNoun].Upos == "NOUN")
            {
                Attach(head, lastNoun, "nmod");
            }
            else if (lastNominal >= 0)
            {
                Attach(head, lastNominal, "nmod");
            }
            else if (words[verb].Upos != "VERB")
            {
                Attach(head, verb, "nmod");
            }
            else
            {
                Attach(head, verb, passive && p == "by" ? "obl:agent" : "obl");
            }
            if (words[head].Upos == "NOUN" && reader._nominals.Contains(words[head].Lemma))
            {
                lastNominal = head;
            }
            return head;
        }

        private bool IsInfinitive(int i)
        {
            if (i >= words.Count || IsName(i))
            {
                return false;
            }
            var w = Lower(i);
            if (Determiners.Contains(w) || (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal)))
            {
                return false;
            }
            return reader._verbs.Contains(reader.Lemma(w, verb: true));
        }

        private bool IsAdverb(string w) =>
            w is "face-to-face" or "together" or "not" or "never" or "personally"
            || (w.EndsWith("ly", StringComparison.Ordinal) && w.Length > 5
                && w is not "assembly" and not "family" and not "monopoly" and not "anomaly" and not "multiply" and not "italy");

        // "Rohan's troops abandoned Mordor": a known verb in the past tense after a common noun starts the predicate.
        private bool EndsSubject(List<int> parts, string w) =>
            parts.Count > 1 && words[parts[^1]].Text != "'s" && !Determiners.Contains(Lower(parts[^1]))
            && (w.EndsWith("ed", StringComparison.Ordinal) || (Irregular.ContainsKey(w) && !w.EndsWith('s')))
            && reader._verbs.Contains(reader.Lemma(w, verb: true));

        // "the Mordor envoy": a name between a determiner and a common noun modifies the noun.
        private bool NameModifiesNoun(List<int> parts) =>
            parts.Count == 1 && Determiners.Contains(Lower(parts[0])) && IsName(_i) && _i + 1 < words.Count
            && !IsName(_i + 1) && Lower(_i + 1) is var next && next != "." && next != "'s"
            && !Prepositions.Contains(next) && !Particles.Contains(next) && !Determiners.Contains(next) && next != "that";

        // Determiners, modifiers and a head; "Name's" makes a possessor, "the Name noun" a compound. Returns the head.
        private int NounPhrase(out bool single)
        {
            var first = _i;
            var parts = new List<int>();
            while (_i < words.Count)
            {
                var w = Lower(_i);
                if (w == "." || (parts.Count > 0 && (Prepositions.Contains(w) || Particles.Contains(w) || w == "that")))
                {
                    break;
                }
                if (EndsSubject(parts, w))
                {
                    break;
                }
                var nameModifier = NameModifiesNoun(parts);
                if (parts.Count > 0 && IsName(_i) && !IsName(parts[^1]) && words[parts[^1]].Text != "'s" && !nameModifier)
                {
                    break;
                }
                parts.Add(_i++);
                if (IsName(parts[^1]) && Lower(_i) != "'s" && !nameModifier)
                {
                    break;
                }
                if (parts.Count > 0 && Prepositions.Contains(w) && parts.Count == 1)
                {
                    // A preposition where a noun phrase should start: treat it as a word.
                    continue;
                }
            }
            if (parts.Count == 0)
            {
                parts.Add(_i++);
            }
            var head = parts[^1];
            single = parts.Count == 1;
            var h = words[head];
            if (IsName(head))
            {
                h.Upos = "PROPN";
                h.Xpos = "NNP";
                h.Lemma = h.Text;
            }
            else if (Pronouns.Contains(Lower(head)))
            {
                h.Upos = "PRON";
                h.Xpos = "PRP";
                h.Lemma = Lower(head);
            }
            else
            {
                h.Upos = "NOUN";
                h.Xpos = "NN";
                h.Lemma = reader.Lemma(h.Text, verb: false);
            }
            for (var k = 0; k < parts.Count - 1; k++)
            {
                var t = parts[k];
                var w = words[t];
                var lower = Lower(t);
                if (Determiners.Contains(lower))
                {
                    w.Upos = "DET";
                    w.Xpos = "DT";
                    w.Lemma = lower;
                    Attach(t, head, "det");
                }
                else if (lower == "'s")
                {
                    w.Upos = "PART";
                    w.Xpos = "POS";
                    w.Lemma = "'s";
                    Attach(t, t - 1, "case");
                }
                else if (IsName(t))
                {
                    w.Upos = "PROPN";
                    w.Xpos = "NNP";
                    w.Lemma = w.Text;
                    Attach(t, head, k + 1 < parts.Count && Lower(t + 1) == "'s" ? "nmod:poss" : "compound");
                }
                else
                {
                    w.Upos = "NOUN";
                    w.Xpos = "NN";
                    w.Lemma = reader.Lemma(w.Text, verb: false);
                    Attach(t, head, "compound");
                }
            }
            _ = first;
            return head;
        }
    }
}
