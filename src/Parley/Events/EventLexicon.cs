using System.Globalization;
using Parley.Diagnostics;

namespace Parley.Events;

/// <summary>
/// The verb-pattern lexicon: synonym sets and event patterns read from <c>data/events/*.txt</c>,
/// indexed by predicate lemma. Read once; shared read-only across threads.
/// </summary>
/// <remarks>
/// One entry a line: <c>CODE PREDICATE SLOT* | EXAMPLE | SOURCE &gt; TARGET</c>. The predicate is a
/// lemma, alternatives <c>a|b</c> or a synset <c>&amp;NAME</c>; a leading <c>@</c> makes it a noun
/// (a nominal event). A slot is <c>REL:VALUE</c>: REL is <c>obj iobj nsubj xcomp ccomp prt mod poss</c>
/// or prepositions (<c>on</c>, <c>against|on</c> …); VALUE is <c>+</c> (target), <c>$</c> (source), <c>*</c>
/// (any word), or lemmas. Lemma slots are required; role slots are optional unless marked <c>!</c>.
/// Synsets: <c>&amp;TROOPS = troop force soldier</c>. Lines starting <c>#</c> are comments.
/// </remarks>
public sealed class EventLexicon
{
    private static readonly EventPattern[] None = [];
    private readonly Dictionary<string, EventPattern[]> _verbs;
    private readonly Dictionary<string, EventPattern[]> _nouns;

    private EventLexicon(List<EventPattern> patterns, Dictionary<string, string[]> synsets)
    {
        Patterns = patterns;
        Synsets = synsets;
        _verbs = Index(patterns, nominal: false);
        _nouns = Index(patterns, nominal: true);
    }

    /// <summary>A lexicon over patterns built elsewhere (a PETRARCH dictionary), most specific first per predicate.</summary>
    public static EventLexicon FromPatterns(IEnumerable<EventPattern> patterns, IReadOnlyDictionary<string, string[]>? synsets = null)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var copy = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (synsets is not null)
        {
            foreach (var (name, members) in synsets)
            {
                copy[name] = members;
            }
        }
        return new EventLexicon([.. patterns], copy);
    }

    /// <summary>This lexicon's patterns followed by <paramref name="other"/>'s, synsets merged (this one's win).</summary>
    public EventLexicon Combine(EventLexicon other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var patterns = new List<EventPattern>(Patterns);
        patterns.AddRange(other.Patterns);
        var synsets = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, members) in other.Synsets)
        {
            synsets[name] = members;
        }
        foreach (var (name, members) in Synsets)
        {
            synsets[name] = members;
        }
        return new EventLexicon(patterns, synsets);
    }

    /// <summary>Every pattern in file and line order.</summary>
    public IReadOnlyList<EventPattern> Patterns { get; }

    /// <summary>The synonym sets by name (without <c>&amp;</c>), members expanded.</summary>
    public IReadOnlyDictionary<string, string[]> Synsets { get; }

    /// <summary>Sum of <see cref="EventPattern.ExpandedCount"/>: the word patterns after synset expansion.</summary>
    public int ExpandedCount
    {
        get
        {
            var n = 0;
            foreach (var p in Patterns)
            {
                n += p.ExpandedCount;
            }
            return n;
        }
    }

    /// <summary>Patterns whose predicate is <paramref name="lemma"/>, most specific first.</summary>
    public EventPattern[] Find(string lemma, bool nominal) =>
        (nominal ? _nouns : _verbs).GetValueOrDefault(lemma) ?? None;

    /// <summary>
    /// The verb patterns listed under a word form itself (a dictionary that names "left" apart from
    /// "leave"); <paramref name="form"/> in lower case. Allocates nothing.
    /// </summary>
    public EventPattern[] FindVerbForm(ReadOnlySpan<char> form) =>
        _verbs.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(form, out var found) ? found : None;

    /// <summary>Loads every <c>*.txt</c> file in <c>events/</c> under Parley's data folder.</summary>
    /// <exception cref="ParleyConfigurationException">E103 when the folder is missing or a line is malformed.</exception>
    public static EventLexicon LoadFromData(string dataDirectory) => Load(Path.Combine(dataDirectory, "events"));

    /// <summary>Loads every <c>*.txt</c> file in <paramref name="directory"/>, in name order.</summary>
    /// <exception cref="ParleyConfigurationException">E103 when the folder is missing or a line is malformed.</exception>
    public static EventLexicon Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new ParleyConfigurationException(DiagnosticCodes.DataMissing,
                $"The event lexicon folder '{directory}' does not exist.");
        }
        var files = Directory.GetFiles(directory, "*.txt");
        Array.Sort(files, StringComparer.Ordinal);
        var sources = new List<(string Name, string Text)>(files.Length);
        foreach (var file in files)
        {
            sources.Add((Path.GetFileName(file), File.ReadAllText(file)));
        }
        return Parse(sources);
    }

    /// <summary>Reads a lexicon from named texts (file name, content). Synsets are shared across them.</summary>
    /// <exception cref="ParleyConfigurationException">E103 when a line is malformed.</exception>
    public static EventLexicon Parse(IReadOnlyList<(string Name, string Text)> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        // Two passes: synsets first, so an entry may use a set defined in any file.
        var raw = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, text) in sources)
        {
            var lineNumber = 0;
            foreach (var line in text.Split('\n'))
            {
                lineNumber++;
                var trimmed = StripComment(line);
                if (trimmed.Length > 0 && trimmed[0] == '&')
                {
                    var eq = trimmed.IndexOf('=', StringComparison.Ordinal);
                    if (eq < 0)
                    {
                        throw Malformed(name, lineNumber, "a synset needs '&NAME = member member …'.");
                    }
                    var setName = trimmed[1..eq].Trim();
                    var members = trimmed[(eq + 1)..].Split([' ', '|', '\t'], StringSplitOptions.RemoveEmptyEntries);
                    if (!raw.TryAdd(setName, members))
                    {
                        throw Malformed(name, lineNumber, $"synset &{setName} is defined twice.");
                    }
                }
            }
        }
        var synsets = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var setName in raw.Keys)
        {
            synsets[setName] = ExpandSet(setName, raw, 0);
        }

        var patterns = new List<EventPattern>();
        foreach (var (name, text) in sources)
        {
            var lineNumber = 0;
            foreach (var line in text.Split('\n'))
            {
                lineNumber++;
                var trimmed = StripComment(line);
                if (trimmed.Length == 0 || trimmed[0] == '&')
                {
                    continue;
                }
                patterns.Add(ParseEntry(trimmed, name, lineNumber, synsets));
            }
        }
        return new EventLexicon(patterns, synsets);
    }

    private static EventPattern ParseEntry(string line, string file, int lineNumber, Dictionary<string, string[]> synsets)
    {
        // Alternatives inside the pattern also use '|': the example is the part after " | ".
        var bar = line.IndexOf(" | ", StringComparison.Ordinal);
        var patternText = bar < 0 ? line : line[..bar];
        string? example = null, source = null, target = null;
        if (bar >= 0)
        {
            var rest = line[(bar + 3)..];
            var bar2 = rest.IndexOf(" | ", StringComparison.Ordinal);
            if (bar2 < 0)
            {
                throw Malformed(file, lineNumber, "an example needs its roles: '| EXAMPLE | SOURCE > TARGET' ('-' for none).");
            }
            example = rest[..bar2].Trim();
            var roles = rest[(bar2 + 3)..].Split('>');
            if (roles.Length != 2)
            {
                throw Malformed(file, lineNumber, "roles are 'SOURCE > TARGET' ('-' for none).");
            }
            source = roles[0].Trim() is "-" or "" ? null : roles[0].Trim();
            target = roles[1].Trim() is "-" or "" ? null : roles[1].Trim();
        }

        var words = patternText.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
        {
            throw Malformed(file, lineNumber, "an entry needs a CAMEO code and a predicate.");
        }
        var code = words[0];
        if (code.Length is < 2 or > 4 || !int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw Malformed(file, lineNumber, $"'{code}' is not a CAMEO code.");
        }
        var predicateText = words[1];
        var nominal = predicateText[0] == '@';
        if (nominal)
        {
            predicateText = predicateText[1..];
        }
        var predicates = Values(predicateText, synsets, file, lineNumber);
        var slots = new List<PatternSlot>(words.Length - 2);
        for (var i = 2; i < words.Length; i++)
        {
            slots.Add(ParseSlot(words[i], synsets, file, lineNumber));
        }
        return new EventPattern($"{file}:{lineNumber}", code, predicates, nominal, slots, example, source, target);
    }

    private static PatternSlot ParseSlot(string word, Dictionary<string, string[]> synsets, string file, int lineNumber)
    {
        var colon = word.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == word.Length - 1)
        {
            throw Malformed(file, lineNumber, $"slot '{word}' should be REL:VALUE.");
        }
        var rel = word[..colon];
        var value = word[(colon + 1)..];
        var required = false;
        if (value.EndsWith('!'))
        {
            required = true;
            value = value[..^1];
        }
        string[]? prepositions = null;
        var relation = rel switch
        {
            "obj" => SlotRelation.Object,
            "iobj" => SlotRelation.IndirectObject,
            "nsubj" => SlotRelation.Subject,
            "xcomp" => SlotRelation.OpenComplement,
            "ccomp" => SlotRelation.ClausalComplement,
            "prt" => SlotRelation.Particle,
            "mod" => SlotRelation.Modifier,
            "poss" => SlotRelation.Possessor,
            _ => SlotRelation.Prepositional,
        };
        if (relation == SlotRelation.Prepositional)
        {
            foreach (var c in rel)
            {
                if (c is (< 'a' or > 'z') and not '|')
                {
                    throw Malformed(file, lineNumber, $"'{rel}' is neither a relation nor a preposition.");
                }
            }
            prepositions = rel.Split('|', StringSplitOptions.RemoveEmptyEntries);
        }
        switch (value)
        {
            case "+":
                return new PatternSlot(relation, prepositions, null, SlotRole.Target, required);
            case "$":
                return new PatternSlot(relation, prepositions, null, SlotRole.Source, required);
            case "*":
                return new PatternSlot(relation, prepositions, null, SlotRole.None, required: true);
            default:
                var lemmas = new HashSet<string>(Values(value, synsets, file, lineNumber), StringComparer.Ordinal);
                return new PatternSlot(relation, prepositions, lemmas, SlotRole.None, required: true);
        }
    }

    private static string[] Values(string text, Dictionary<string, string[]> synsets, string file, int lineNumber)
    {
        var values = new List<string>();
        foreach (var part in text.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part[0] == '&')
            {
                if (!synsets.TryGetValue(part[1..], out var members))
                {
                    throw Malformed(file, lineNumber, $"synset {part} is not defined.");
                }
                foreach (var m in members)
                {
                    if (!values.Contains(m))
                    {
                        values.Add(m);
                    }
                }
            }
            else if (!values.Contains(part))
            {
                values.Add(part);
            }
        }
        return [.. values];
    }

    private static string[] ExpandSet(string name, Dictionary<string, string[]> raw, int depth)
    {
        if (depth > 8)
        {
            throw new ParleyConfigurationException(DiagnosticCodes.DataMissing, $"Event lexicon: synset &{name} refers to itself.");
        }
        var result = new List<string>();
        foreach (var member in raw[name])
        {
            if (member[0] == '&')
            {
                if (!raw.ContainsKey(member[1..]))
                {
                    throw new ParleyConfigurationException(DiagnosticCodes.DataMissing, $"Event lexicon: synset &{name} uses undefined {member}.");
                }
                foreach (var inner in ExpandSet(member[1..], raw, depth + 1))
                {
                    if (!result.Contains(inner))
                    {
                        result.Add(inner);
                    }
                }
            }
            else if (!result.Contains(member))
            {
                result.Add(member);
            }
        }
        return [.. result];
    }

    private static Dictionary<string, EventPattern[]> Index(List<EventPattern> patterns, bool nominal)
    {
        var lists = new Dictionary<string, List<EventPattern>>(StringComparer.Ordinal);
        foreach (var p in patterns)
        {
            if (p.Nominal != nominal)
            {
                continue;
            }
            foreach (var lemma in p.Predicates)
            {
                if (!lists.TryGetValue(lemma, out var list))
                {
                    lists[lemma] = list = [];
                }
                list.Add(p);
            }
        }
        var index = new Dictionary<string, EventPattern[]>(lists.Count, StringComparer.Ordinal);
        foreach (var (lemma, list) in lists)
        {
            // Stable: equal specificity keeps file order, so an earlier line wins a tie.
            var sorted = list.ToArray();
            var order = new int[sorted.Length];
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = -sorted[i].Specificity * 100000 + i;
            }
            Array.Sort(order, sorted);
            index[lemma] = sorted;
        }
        return index;
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return (hash >= 0 ? line[..hash] : line).Trim();
    }

    private static ParleyConfigurationException Malformed(string file, int line, string what) =>
        new(DiagnosticCodes.DataMissing, $"Event lexicon {file}:{line}: {what}");
}
