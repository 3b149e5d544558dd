using System.Globalization;
using System.Text;
using Parley.Diagnostics;

namespace Parley.Actors;

/// <summary>
/// What is known about people: for each name, the affiliations seen in articles and when. Looked
/// up by full name or by surname as of a date, each in constant time (hash tables keyed by the
/// normalised name; the work per lookup grows with the facts about that one name, not with the
/// size of the base). Immutable and safe to share across threads.
/// </summary>
/// <remarks>
/// A fact applies on a date from <see cref="PersonFact.FirstSeen"/> minus
/// <see cref="LeadMargin"/> until <see cref="PersonFact.LastSeen"/> plus
/// <see cref="TrailMargin"/>. The lead margin is short (default 30 days) because an office is
/// usually reported soon after it starts, and a role first seen in 2022 must not be assumed in
/// 2010; the trail margin is longer (default 365 days) because the base may simply not have
/// seen the latest articles, but a role cannot be assumed forever. Names are compared after the
/// same normalisation as <see cref="ActorLexicon"/> tokens (case, Latin diacritics, spacing).
/// </remarks>
public sealed class PersonKnowledgeBase
{
    /// <summary>First line of the text format; identifies the format and its version.</summary>
    public const string FormatHeader = "# parley person knowledge base v1";

    private static readonly string[] Columns =
        ["name", "country", "sector", "role", "organization", "code", "first_seen", "last_seen", "evidence"];

    // Generational suffixes are not surnames ("Martin Luther King Jr." is found under "king").
    private static readonly HashSet<string> NameSuffixes = new(StringComparer.Ordinal) { "jr", "jr.", "sr", "sr.", "ii", "iii", "iv" };

    private readonly PersonFact[] _facts;
    private readonly Dictionary<string, int[]> _byName;
    private readonly Dictionary<string, int[]> _bySurname;

    /// <summary>Builds a base from <paramref name="facts"/>; their order does not matter.</summary>
    /// <exception cref="ArgumentException">A fact has an empty name or ends before it starts.</exception>
    public PersonKnowledgeBase(IEnumerable<PersonFact> facts, int leadMarginDays = 30, int trailMarginDays = 365)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentOutOfRangeException.ThrowIfNegative(leadMarginDays);
        ArgumentOutOfRangeException.ThrowIfNegative(trailMarginDays);
        LeadMargin = leadMarginDays;
        TrailMargin = trailMarginDays;
        var keyed = new List<(string Key, PersonFact Fact)>();
        foreach (var fact in facts)
        {
            ArgumentNullException.ThrowIfNull(fact);
            var key = LexiconText.NormalizePhrase(fact.Name);
            if (key.Length == 0)
            {
                throw new ArgumentException("A person fact needs a name.", nameof(facts));
            }
            if (fact.LastSeen < fact.FirstSeen)
            {
                throw new ArgumentException($"'{fact.Name}': last seen {fact.LastSeen:yyyy-MM-dd} is before first seen {fact.FirstSeen:yyyy-MM-dd}.", nameof(facts));
            }
            keyed.Add((key, fact));
        }
        // One order whatever the input order, so that exports are byte-identical.
        keyed.Sort(static (a, b) => CompareFacts(a.Key, a.Fact, b.Key, b.Fact));
        _facts = new PersonFact[keyed.Count];
        var byName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var bySurname = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var people = 0;
        for (var i = 0; i < keyed.Count; i++)
        {
            var (key, fact) = keyed[i];
            _facts[i] = fact;
            if (!byName.TryGetValue(key, out var list))
            {
                byName[key] = list = [];
                people++;
            }
            list.Add(i);
            var surname = SurnameKey(key);
            if (!bySurname.TryGetValue(surname, out var surnameList))
            {
                bySurname[surname] = surnameList = [];
            }
            surnameList.Add(i);
        }
        _byName = Freeze(byName);
        _bySurname = Freeze(bySurname);
        PersonCount = people;
    }

    /// <summary>An empty base.</summary>
    public static PersonKnowledgeBase Empty { get; } = new([]);

    /// <summary>Days before its first evidence that a fact already applies.</summary>
    public int LeadMargin { get; }

    /// <summary>Days after its last evidence that a fact still applies.</summary>
    public int TrailMargin { get; }

    /// <summary>Number of distinct (normalised) names.</summary>
    public int PersonCount { get; }

    /// <summary>Every fact, in the base's deterministic order (name, then first seen, then the other fields).</summary>
    public IReadOnlyList<PersonFact> Facts => _facts;

    /// <summary>True when <paramref name="fact"/> applies on <paramref name="date"/> under this base's margins.</summary>
    public bool AppliesOn(PersonFact fact, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return date.DayNumber >= fact.FirstSeen.DayNumber - LeadMargin
            && date.DayNumber <= fact.LastSeen.DayNumber + TrailMargin;
    }

    /// <summary>Every fact about the person with this full name, earliest first; empty if unknown.</summary>
    public IReadOnlyList<PersonFact> ByName(string fullName) => Select(_byName, fullName, null, surname: false);

    /// <summary>The facts about the person with this full name that apply on <paramref name="date"/>, earliest first.</summary>
    public IReadOnlyList<PersonFact> ByName(string fullName, DateOnly date) => Select(_byName, fullName, date, surname: false);

    /// <summary>Every fact about anyone with this surname, in the base's order; empty if unknown.</summary>
    public IReadOnlyList<PersonFact> BySurname(string surname) => Select(_bySurname, surname, null, surname: true);

    /// <summary>
    /// The facts that apply on <paramref name="date"/> about anyone with this surname (the last
    /// word of the name, generational suffixes aside), in the base's order. Several people may
    /// share a surname; the caller decides what an ambiguous answer means.
    /// </summary>
    public IReadOnlyList<PersonFact> BySurname(string surname, DateOnly date) => Select(_bySurname, surname, date, surname: true);

    /// <summary>Reads a base written by <see cref="Write"/>.</summary>
    /// <exception cref="ParleyConfigurationException">The text is not in the format (E103), with the line.</exception>
    public static PersonKnowledgeBase Read(TextReader reader, int leadMarginDays = 30, int trailMarginDays = 365) =>
        Read(reader, "person knowledge base", leadMarginDays, trailMarginDays);

    /// <summary>
    /// Reads a base written by <see cref="Write"/>; <paramref name="source"/> (a file name) starts
    /// every error message, as <c>source:line</c>.
    /// </summary>
    /// <exception cref="ParleyConfigurationException">The text is not in the format (E103): a missing
    /// header row, a wrong number of fields, an unreadable date, an empty name, or a fact last seen
    /// before it was first seen, each with its line.</exception>
    public static PersonKnowledgeBase Read(TextReader reader, string source, int leadMarginDays = 30, int trailMarginDays = 365)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        var facts = new List<PersonFact>();
        var lineNumber = 0;
        var sawHeader = false;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var fields = line.Split('\t');
            if (!sawHeader)
            {
                if (!fields.SequenceEqual(Columns))
                {
                    throw Malformed(source, lineNumber, $"expected the header row '{string.Join(' ', Columns)}' (tab-separated)");
                }
                sawHeader = true;
                continue;
            }
            if (fields.Length != Columns.Length)
            {
                throw Malformed(source, lineNumber, $"expected {Columns.Length} tab-separated fields, found {fields.Length}");
            }
            var fact = new PersonFact
            {
                Name = Unescape(fields[0]),
                Country = NullIfEmpty(Unescape(fields[1])),
                Sector = NullIfEmpty(Unescape(fields[2])),
                Role = NullIfEmpty(Unescape(fields[3])),
                Organization = NullIfEmpty(Unescape(fields[4])),
                Code = NullIfEmpty(Unescape(fields[5])),
                FirstSeen = ParseDate(fields[6], source, lineNumber),
                LastSeen = ParseDate(fields[7], source, lineNumber),
                Evidence = Unescape(fields[8]),
            };
            if (LexiconText.NormalizePhrase(fact.Name).Length == 0)
            {
                throw Malformed(source, lineNumber, "the name is empty");
            }
            if (fact.LastSeen < fact.FirstSeen)
            {
                throw Malformed(source, lineNumber, $"last seen {fields[7]} is before first seen {fields[6]}");
            }
            facts.Add(fact);
        }
        return new PersonKnowledgeBase(facts, leadMarginDays, trailMarginDays);
    }

    /// <summary>
    /// Writes the base as UTF-8-safe text: a format line, a header row, then one tab-separated
    /// row per fact in the base's order (the same base always gives the same bytes). Tabs, line
    /// breaks and backslashes inside fields are written as <c>\t</c>, <c>\n</c>, <c>\r</c>, <c>\\</c>.
    /// </summary>
    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(FormatHeader);
        writer.Write('\n');
        writer.Write(string.Join('\t', Columns));
        writer.Write('\n');
        var line = new StringBuilder();
        foreach (var fact in _facts)
        {
            line.Clear();
            line.Append(Escape(fact.Name)).Append('\t')
                .Append(Escape(fact.Country)).Append('\t')
                .Append(Escape(fact.Sector)).Append('\t')
                .Append(Escape(fact.Role)).Append('\t')
                .Append(Escape(fact.Organization)).Append('\t')
                .Append(Escape(fact.Code)).Append('\t')
                .Append(fact.FirstSeen.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\t')
                .Append(fact.LastSeen.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\t')
                .Append(Escape(fact.Evidence)).Append('\n');
            writer.Write(line);
        }
    }

    private IReadOnlyList<PersonFact> Select(Dictionary<string, int[]> index, string name, DateOnly? date, bool surname)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = LexiconText.NormalizePhrase(name);
        if (surname)
        {
            key = SurnameKey(key);
        }
        if (!index.TryGetValue(key, out var positions))
        {
            return [];
        }
        var found = new List<PersonFact>(positions.Length);
        foreach (var position in positions)
        {
            if (date is not { } day || AppliesOn(_facts[position], day))
            {
                found.Add(_facts[position]);
            }
        }
        return found;
    }

    private static string SurnameKey(string nameKey)
    {
        var end = nameKey.Length;
        while (true)
        {
            var space = nameKey.LastIndexOf(' ', end - 1);
            var word = nameKey[(space + 1)..end];
            if (space < 0 || !NameSuffixes.Contains(word.TrimEnd(',')))
            {
                return word.TrimEnd(',');
            }
            end = space;
        }
    }

    private static int CompareFacts(string keyA, PersonFact a, string keyB, PersonFact b)
    {
        var c = string.CompareOrdinal(keyA, keyB);
        if (c != 0) return c;
        c = a.FirstSeen.CompareTo(b.FirstSeen);
        if (c != 0) return c;
        c = a.LastSeen.CompareTo(b.LastSeen);
        if (c != 0) return c;
        foreach (var (x, y) in (ReadOnlySpan<(string?, string?)>)
            [(a.Name, b.Name), (a.Code, b.Code), (a.Country, b.Country), (a.Sector, b.Sector), (a.Role, b.Role), (a.Organization, b.Organization), (a.Evidence, b.Evidence)])
        {
            c = string.CompareOrdinal(x, y);
            if (c != 0) return c;
        }
        return 0;
    }

    private static Dictionary<string, int[]> Freeze(Dictionary<string, List<int>> lists)
    {
        var frozen = new Dictionary<string, int[]>(lists.Count, StringComparer.Ordinal);
        foreach (var (key, list) in lists)
        {
            frozen[key] = [.. list];
        }
        return frozen;
    }

    private static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value.AsSpan().IndexOfAny("\\\t\n\r") < 0)
        {
            return value;
        }
        return value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);
    }

    private static string Unescape(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            return value;
        }
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                i++;
                builder.Append(value[i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', var other => other });
            }
            else
            {
                builder.Append(value[i]);
            }
        }
        return builder.ToString();
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static DateOnly ParseDate(string text, string source, int line) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Malformed(source, line, $"'{text}' is not a yyyy-MM-dd date");

    private static ParleyConfigurationException Malformed(string source, int line, string problem) =>
        new(DiagnosticCodes.DataMissing, $"{source}:{line}: {problem}; fix the line or regenerate the file.");
}
