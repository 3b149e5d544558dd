using System.Text;
using Parley.Diagnostics;

namespace Parley.Events;

/// <summary>
/// Reads a PETRARCH verb dictionary (the PETRARCH-1 format of <c>PETR.Validate.verbs.txt</c> and the
/// PETRARCH-2 <c>CAMEO.2.0.txt</c>) into <see cref="EventPattern"/>s over the dependency parse: verb
/// blocks (<c>--- NAME [code] ---</c>, then the verb and its synonyms with irregular forms in braces),
/// synsets (<c>&amp;NAME</c> with <c>+member</c> lines) and patterns (<c>- words * words [code]</c>).
/// </summary>
/// <remarks>
/// PETRARCH matches words in a parse tree's linear order; Parley matches dependents. The translation
/// is approximate by design: the words after <c>*</c> must occur in the verb's phrase in their order,
/// the words before it earlier in the sentence in their order, and words joined by <c>_</c> right
/// next to each other (a space lets other words come between); a parenthesised phrase
/// <c>(TO BORDER)</c> is a prepositional dependent with its head word, a brace phrase <c>{ARMS SHIPMENT}</c>
/// a noun with its last word as head, <c>$</c> and <c>+</c> the source and target (after a preposition,
/// its object). Pattern and synset words match as written, in lower case, without stemming; verbs
/// match by lemma.
/// Codes CAMEO 1.1b3 lacks are mapped to their nearest ancestor; unreadable lines are counted in
/// <see cref="Skipped"/>, not thrown.
/// </remarks>
public sealed class PetrarchVerbReader
{
    private readonly CameoOntology _ontology;
    private readonly Dictionary<string, string[]> _synsets = new(StringComparer.Ordinal);

    // Per synset, the words before the last word of each multi-word member, by that last word
    // (an empty array for a one-word member).
    private readonly Dictionary<string, Dictionary<string, List<string[]>>> _memberPhrases = new(StringComparer.Ordinal);
    private readonly List<EventPattern> _patterns = [];

    private readonly bool _keepCodes;

    private PetrarchVerbReader(CameoOntology ontology, bool keepCodes)
    {
        _ontology = ontology;
        _keepCodes = keepCodes;
    }

    /// <summary>Lines that could not be turned into a pattern (no verb, no usable code, nothing after <c>*</c> Parley can match).</summary>
    public int Skipped { get; private set; }

    /// <summary>The patterns read.</summary>
    public IReadOnlyList<EventPattern> Patterns => _patterns;

    /// <summary>
    /// Reads a PETRARCH verb dictionary file into a lexicon. With <paramref name="keepCodes"/> a code
    /// CAMEO 1.1b3 lacks is kept as written instead of mapped to its ancestor; code with an ontology
    /// extended by <see cref="CameoOntology.WithCodes"/> then.
    /// </summary>
    /// <exception cref="ParleyConfigurationException">E103 when the file does not exist.</exception>
    public static EventLexicon Read(string path, CameoOntology ontology, out int skipped, bool keepCodes = false)
    {
        if (!File.Exists(path))
        {
            throw new ParleyConfigurationException(DiagnosticCodes.DataMissing, $"The PETRARCH verb dictionary '{path}' does not exist.");
        }
        return Parse(File.ReadAllText(path), Path.GetFileName(path), ontology, out skipped, keepCodes);
    }

    /// <summary>Reads the text of a PETRARCH verb dictionary into a lexicon.</summary>
    public static EventLexicon Parse(string text, string name, CameoOntology ontology, out int skipped, bool keepCodes = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(ontology);
        var reader = new PetrarchVerbReader(ontology, keepCodes);
        var lines = text.Split('\n');
        reader.ReadSynsets(lines);
        reader.ExpandNestedSynsets();
        reader.ReadBlocks(lines, name);
        skipped = reader.Skipped;
        return EventLexicon.FromPatterns(reader._patterns, reader._synsets);
    }

    private void ReadSynsets(string[] lines)
    {
        string? current = null;
        var members = new List<string>();
        foreach (var raw in lines)
        {
            var line = StripComment(raw);
            if (line.StartsWith('&'))
            {
                Flush();
                // "&PREPOSIT1_" is referred to as "&PREPOSIT1": the underscore only joins words.
                current = line[1..].Trim().TrimEnd('_');
                continue;
            }
            if (current is not null && line.StartsWith('+'))
            {
                var words = Forms(line[1..]);
                if (words.Count > 0)
                {
                    // A multi-word member matches on its head, the last word, with the others before it.
                    members.Add(words[^1]);
                    if (!_memberPhrases.TryGetValue(current, out var byHead))
                    {
                        _memberPhrases[current] = byHead = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
                    }
                    if (!byHead.TryGetValue(words[^1], out var before))
                    {
                        byHead[words[^1]] = before = [];
                    }
                    before.Add([.. words.GetRange(0, words.Count - 1)]);
                }
                continue;
            }
            if (line.Length > 0)
            {
                Flush();
            }
        }
        Flush();

        void Flush()
        {
            if (current is not null && members.Count > 0)
            {
                _synsets[current] = [.. members.Distinct(StringComparer.Ordinal)];
            }
            current = null;
            members.Clear();
        }
    }

    // A member "&OTHER" stands for the members of synset OTHER (one level deep, as written).
    private void ExpandNestedSynsets()
    {
        foreach (var name in _synsets.Keys.ToList())
        {
            var members = _synsets[name];
            if (!Array.Exists(members, m => m.StartsWith('&')))
            {
                continue;
            }
            var expanded = new List<string>();
            foreach (var member in members)
            {
                var other = member[1..].ToUpperInvariant();
                if (!member.StartsWith('&') || !_synsets.TryGetValue(other, out var inner))
                {
                    expanded.Add(member);
                    continue;
                }
                expanded.AddRange(inner);
                if (_memberPhrases.TryGetValue(other, out var innerPhrases))
                {
                    if (!_memberPhrases.TryGetValue(name, out var byHead))
                    {
                        _memberPhrases[name] = byHead = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
                    }
                    foreach (var (head, before) in innerPhrases)
                    {
                        if (!byHead.TryGetValue(head, out var list))
                        {
                            byHead[head] = list = [];
                        }
                        list.AddRange(before);
                    }
                }
            }
            _synsets[name] = [.. expanded.Distinct(StringComparer.Ordinal)];
        }
    }

    private void ReadBlocks(string[] lines, string name)
    {
        var verbs = new List<string>();
        var phrasalVerbs = new List<(string Head, List<PatternSlot> Words)>();
        string? blockCode = null;
        string? blockReverse = null;
        var inBlock = false;
        for (var n = 0; n < lines.Length; n++)
        {
            var line = StripComment(lines[n]);
            if (line.StartsWith("---", StringComparison.Ordinal))
            {
                verbs.Clear();
                phrasalVerbs.Clear();
                inBlock = true;
                blockCode = CodeIn(line);
                blockReverse = ReverseCodeIn(line);
                continue;
            }
            if (inBlock && TryPhrasalVerb(line, out var phrasal))
            {
                // "+CORDON_OFF {+CORDONED_OFF ...}", "WIRE_+TAP": a verb of several words, "+" on the verb.
                phrasalVerbs.Add(phrasal);
                var ownCode = CodeIn(line) ?? blockCode;
                if (ownCode is not null && Usable(ownCode) is { } phrasalCode)
                {
                    var reverse = CodeIn(line) is null ? blockReverse : ReverseCodeIn(line);
                    _patterns.Add(new EventPattern($"{name}:{n + 1}", phrasalCode, [phrasal.Head], false,
                        [.. phrasal.Words, new PatternSlot(SlotRelation.Object, null, null, SlotRole.Target, false)], null, null, null)
                    {
                        ReverseCode = reverse is null ? null : Usable(reverse),
                    });
                }
                continue;
            }
            if (!inBlock || line.Length == 0 || line.StartsWith('&') || line.StartsWith('+'))
            {
                continue;
            }
            if (line.StartsWith('-'))
            {
                var code = CodeIn(line) ?? blockCode;
                var star = line.IndexOf('*', StringComparison.Ordinal);
                var bracket = line.LastIndexOf('[');
                if ((verbs.Count == 0 && phrasalVerbs.Count == 0) || code is null || star < 0 || bracket < star)
                {
                    Skipped++;
                    continue;
                }
                var compound = line[..star].Contains('%', StringComparison.Ordinal);
                foreach (var (head, phrasalWords) in phrasalVerbs)
                {
                    // The block's patterns hold for its verbs of several words too, their words required.
                    if (Translate(line[1..star], line[(star + 1)..bracket], code, [head], $"{name}:{n + 1}", compound) is { } forPhrasal)
                    {
                        var reverse = CodeIn(line) is null ? blockReverse : ReverseCodeIn(line);
                        _patterns.Add(new EventPattern(forPhrasal.Id, forPhrasal.Code, forPhrasal.Predicates, false, [.. phrasalWords, .. forPhrasal.Slots], null, null, null)
                        {
                            ReverseCode = reverse is null ? null : Usable(reverse),
                            CompoundSubject = compound,
                        });
                    }
                }
                if (verbs.Count == 0)
                {
                    continue;
                }
                var pattern = Translate(line[1..star], line[(star + 1)..bracket], code, verbs, $"{name}:{n + 1}", compound);
                if (pattern is not null)
                {
                    var reverse = CodeIn(line) is null ? blockReverse : ReverseCodeIn(line);
                    pattern = new EventPattern(pattern.Id, pattern.Code, pattern.Predicates, false, pattern.Slots, null, null, null)
                    {
                        ReverseCode = reverse is null ? null : Usable(reverse),
                        // "- % HAVE * [191]": coordinated subjects act on each other.
                        CompoundSubject = compound,
                    };
                }
                if (pattern is null)
                {
                    Skipped++;
                }
                else
                {
                    _patterns.Add(pattern);
                }
                continue;
            }
            // A verb line: "TREMBLE {TREMBLES TREMBLING TREMBLED }" or "RESTORE [064]"; the first word is
            // the lemma. A verb with its own code adds a pattern with no dependents.
            var words = Words(line.Split('{')[0].Split('[')[0]);
            if (words.Count == 0)
            {
                continue;
            }
            var lemma = string.Join('-', words);
            verbs.Add(lemma);
            // PETRARCH-1 dictionaries list some verbs as inflected ("CALLED"); Parley matches lemmas.
            foreach (var stem in Stems(lemma))
            {
                if (!verbs.Contains(stem))
                {
                    verbs.Add(stem);
                }
            }
            var own = CodeIn(line) ?? blockCode;
            if (own is not null && Usable(own) is { } usable)
            {
                var reverse = CodeIn(line) is null ? blockReverse : ReverseCodeIn(line);
                _patterns.Add(new EventPattern($"{name}:{n + 1}", usable, [lemma], false,
                    [new PatternSlot(SlotRelation.Object, null, null, SlotRole.Target, false)], null, null, null)
                {
                    ReverseCode = reverse is null ? null : Usable(reverse),
                });
            }
        }
    }

    // A verb of several words with "+" on the verb itself: the verb's lemma, and the words before and
    // after it as adjacent words of the pattern. Inflected forms in braces are left to the lemmatiser.
    private bool TryPhrasalVerb(string line, out (string Head, List<PatternSlot> Words) phrasal)
    {
        phrasal = default;
        var text = line.Split('{')[0].Split('[')[0].Trim();
        var plus = text.IndexOf('+', StringComparison.Ordinal);
        if (plus < 0 || !text.Contains('_', StringComparison.Ordinal) || text.Contains(' ', StringComparison.Ordinal)
            || text.Contains('&', StringComparison.Ordinal) || text.IndexOf('+', plus + 1) >= 0)
        {
            return false;
        }
        var end = text.IndexOf('_', plus);
        var head = end < 0 ? text[(plus + 1)..] : text[(plus + 1)..end];
        if (head.Length == 0 || !head.All(char.IsLetter))
        {
            return false;
        }
        var words = new List<PatternSlot>();
        AddBefore(text[..plus], words);
        if (end >= 0)
        {
            foreach (var (t, _) in Tokens(text[end..]))
            {
                words.Add(Slot(SlotRelation.InPhrase, null, t, adjacent: true));
            }
        }
        phrasal = (Lemma(head), words);
        return words.Count > 0;
    }

    private EventPattern? Translate(string before, string after, string code, List<string> verbs, string id, bool compound)
    {
        var usable = Usable(code);
        if (usable is null)
        {
            return null;
        }
        var slots = new List<PatternSlot>();
        AddBefore(before, slots);
        var targetFirst = Tokens(before).Exists(t => t.Text == "+");
        if (targetFirst)
        {
            // "- + * MONEY $": the target comes before the verb, as its subject; the source follows.
            slots.Add(new PatternSlot(SlotRelation.Subject, null, null, SlotRole.Target, false) { SurfaceSubject = true });
        }
        var i = 0;
        var skips = 0;
        var tokens = Tokens(after);
        while (i < tokens.Count)
        {
            var (t, joined) = tokens[i];
            if (t == "(")
            {
                var phrase = Group(tokens, ref i, ")");
                if (phrase.Count < 2)
                {
                    continue;
                }
                var preposition = phrase[0].ToLowerInvariant();
                slots.Add(Slot(SlotRelation.Prepositional, [preposition], phrase[^1], false));
                continue;
            }
            if (t == "{")
            {
                var phrase = Group(tokens, ref i, "}");
                if (phrase.Count > 0)
                {
                    slots.Add(Slot(SlotRelation.InPhrase, null, phrase[^1], false));
                }
                continue;
            }
            i++;
            if (IsRole(t))
            {
                if (t == "^")
                {
                    skips++;
                }
                else if (skips > 0)
                {
                    // "- * IN ^ +": the role is the noun phrase after the skipped ones.
                    slots.Add(new PatternSlot(SlotRelation.InPhrase, null, null, t == "$" ? SlotRole.Source : SlotRole.Target, false) { SkipPhrases = skips });
                    skips = 0;
                }
                else
                {
                    slots.Add(new PatternSlot(SlotRelation.Object, null, null, t == "$" ? SlotRole.Source : SlotRole.Target, false));
                }
                continue;
            }
            skips = 0;
            if (t.Length > 0 && (char.IsLetter(t[0]) || t[0] == '&'))
            {
                if (IsPreposition(t) && i < tokens.Count && IsRole(tokens[i].Text) && tokens[i].Text != "^")
                {
                    // "- * TO +": a preposition with the source or target as its object; after a
                    // target before the verb ("- + * FROM $") the phrase must be there.
                    var slot = Slot(SlotRelation.Prepositional, [t.ToLowerInvariant()], tokens[i++].Text, false);
                    slots.Add(targetFirst ? new PatternSlot(slot.Relation, slot.Prepositions, null, slot.Role, true) : slot);
                    continue;
                }
                // PETRARCH: the words after the verb are matched in the verb phrase, in order, whatever
                // their relation ("- * DIPLOMATIC" matches "renew close diplomatic ties"); "_" joins
                // words that must stand next to each other.
                slots.Add(Slot(SlotRelation.InPhrase, null, t, joined));
            }
        }
        if (slots.Count == 0 && !compound)
        {
            return null;
        }
        if (!compound && !slots.Exists(s => s.Role == SlotRole.Target))
        {
            // Without "+" the target is found as for the verb alone: its object first.
            slots.Add(new PatternSlot(SlotRelation.Object, null, null, SlotRole.Target, false));
        }
        return new EventPattern(id, usable, [.. verbs], false, slots, null, null, null);
    }

    // The words before "*", nearest the verb first: "MOST_CERTAINLY_&NEG_EVER *" needs "ever" somewhere
    // before the verb, the negation right before "ever", and so on. Source and target marks among
    // them are not matched; they only break a "_" chain.
    private void AddBefore(string before, List<PatternSlot> slots)
    {
        var tokens = Tokens(before);
        var toVerb = before.TrimEnd().EndsWith('_');
        for (var k = tokens.Count - 1; k >= 0; k--)
        {
            var t = tokens[k].Text;
            if (IsRole(t) || !(char.IsLetter(t[0]) || t[0] == '&'))
            {
                continue;
            }
            var adjacent = k == tokens.Count - 1 ? toVerb : !IsRole(tokens[k + 1].Text) && tokens[k + 1].Joined;
            slots.Add(Slot(SlotRelation.BeforePredicate, null, t, adjacent));
        }
    }

    private static bool IsRole(string token) => token is "+" or "$" or "%" or "^";

    // The pattern's words and marks, each with whether "_" joins it to the one before.
    private static List<(string Text, bool Joined)> Tokens(string text)
    {
        var tokens = new List<(string, bool)>();
        var word = new StringBuilder();
        var joined = false;
        foreach (var c in text)
        {
            if (c == '_')
            {
                Flush();
                joined = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                Flush();
                joined = false;
            }
            else if (c is '(' or ')' or '{' or '}')
            {
                Flush();
                tokens.Add((c.ToString(), false));
                joined = false;
            }
            else
            {
                word.Append(c);
            }
        }
        Flush();
        return tokens;

        void Flush()
        {
            if (word.Length > 0)
            {
                tokens.Add((word.ToString(), joined));
                word.Clear();
                joined = false;
            }
        }
    }

    // "%" after the verb marks a coordinated target; each member is a target, as with "+".
    // Words match as written, without stemming, as PETRARCH matches them.
    private PatternSlot Slot(SlotRelation relation, string[]? prepositions, string word, bool adjacent) => word switch
    {
        "+" or "%" => new PatternSlot(relation, prepositions, null, SlotRole.Target, false),
        "$" => new PatternSlot(relation, prepositions, null, SlotRole.Source, false),
        _ when word.StartsWith('&') && _synsets.TryGetValue(word[1..].TrimEnd('_'), out var members) =>
            new PatternSlot(relation, prepositions, new HashSet<string>(members, StringComparer.Ordinal), SlotRole.None, true)
            {
                Preceding = PrecedingWords(word[1..].TrimEnd('_')),
                MatchForm = true,
                Adjacent = adjacent,
            },
        _ => new PatternSlot(relation, prepositions, new HashSet<string>([Form(word)], StringComparer.Ordinal), SlotRole.None, true)
        {
            MatchForm = true,
            Adjacent = adjacent,
        },
    };

    // The heads of the synset's members that only ever come with words before them.
    private Dictionary<string, string[][]>? PrecedingWords(string synset)
    {
        if (!_memberPhrases.TryGetValue(synset, out var byHead))
        {
            return null;
        }
        Dictionary<string, string[][]>? preceding = null;
        foreach (var (head, alternatives) in byHead)
        {
            if (alternatives.TrueForAll(a => a.Length > 0))
            {
                preceding ??= new Dictionary<string, string[][]>(StringComparer.Ordinal);
                preceding[head] = [.. alternatives];
            }
        }
        return preceding;
    }

    private static List<string> Group(List<(string Text, bool Joined)> tokens, ref int i, string close)
    {
        var words = new List<string>();
        i++;
        while (i < tokens.Count && tokens[i].Text != close)
        {
            words.Add(tokens[i++].Text);
        }
        i++;
        return words;
    }

    private string? Usable(string code) => _ontology.Contains(code) ? code
        : _keepCodes && IsCodeShaped(code) ? code
        : _ontology.FindOrAncestor(code)?.Code;

    // Two to four digits, then at most one letter: "1717", "174K".
    private static bool IsCodeShaped(string code)
    {
        var digits = 0;
        while (digits < code.Length && char.IsAsciiDigit(code[digits]))
        {
            digits++;
        }
        return digits is >= 2 and <= 4 && code.Length - digits <= 1 && (digits == code.Length || char.IsAsciiLetterUpper(code[^1]));
    }

    // "[032:033]": the second code is for the pair the other way round (see EventPattern.ReverseCode).
    private static string? ReverseCodeIn(string line)
    {
        var open = line.LastIndexOf('[');
        var colon = open < 0 ? -1 : line.IndexOf(':', open);
        return colon < 0 ? null : CodeIn("[" + line[(colon + 1)..]);
    }

    // "[042:043]": the first code is source on target. "[---]" is no code.
    private static string? CodeIn(string line)
    {
        var open = line.LastIndexOf('[');
        var close = line.LastIndexOf(']');
        if (open < 0 || close < open)
        {
            return null;
        }
        var inside = line[(open + 1)..close].Split(':')[0].Trim();
        var sb = new StringBuilder();
        foreach (var c in inside)
        {
            if (c is >= '0' and <= '9')
            {
                sb.Append(c);
            }
            else
            {
                break;
            }
        }
        if (sb.Length is < 2 or > 4)
        {
            return null;
        }
        // A letter after the digits is part of the code in some dictionaries ("174K").
        if (inside.Length == sb.Length + 1 && char.IsAsciiLetterUpper(inside[^1]))
        {
            sb.Append(inside[^1]);
        }
        return sb.ToString();
    }

    private static IEnumerable<string> Stems(string word)
    {
        if (word.Length > 4 && word.EndsWith("ied", StringComparison.Ordinal))
        {
            yield return word[..^3] + "y";
        }
        else if (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal))
        {
            yield return word[..^2];
            yield return word[..^1];
            if (word[^3] == word[^4])
            {
                yield return word[..^3];
            }
        }
        else if (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal))
        {
            yield return word[..^3];
            yield return word[..^3] + "e";
        }
    }

    private static bool IsPreposition(string word) => word.ToLowerInvariant() is "to" or "with" or "on" or "against" or "for"
        or "from" or "of" or "into" or "at" or "over" or "about" or "in" or "by" or "between" or "toward" or "towards" or "upon";

    private static List<string> Forms(string text)
    {
        var words = new List<string>();
        foreach (var w in text.Split([' ', '\t', '_'], StringSplitOptions.RemoveEmptyEntries))
        {
            words.Add(Form(w));
        }
        return words;
    }

    private static string Form(string word) => word.ToLowerInvariant().Trim('_');

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var w in text.Split([' ', '\t', '_'], StringSplitOptions.RemoveEmptyEntries))
        {
            words.Add(Lemma(w));
        }
        return words;
    }

    private static string Lemma(string word)
    {
        var w = word.ToLowerInvariant().Trim('_');
        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal))
        {
            return w[..^3] + "y";
        }
        if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal))
        {
            return w[..^1];
        }
        return w;
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return (hash >= 0 ? line[..hash] : line).Trim();
    }
}
