using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Parley.Diagnostics;

namespace Parley.Places;

/// <summary>
/// Parley's built-in gazetteer: GeoNames cities, ISO 3166 countries and subdivisions, and the project's
/// regions and English variants, compiled by <c>tools/gazetteer/build.sh</c> into
/// <c>data/places/gazetteer.tsv</c>. Loaded once; read-only afterwards, so one instance serves every
/// thread. Lookup is by normalised name (case, diacritics, punctuation and a leading "the" ignored).
/// </summary>
public sealed class Gazetteer
{
    /// <summary>The gazetteer file's path relative to Parley's data folder.</summary>
    public const string RelativePath = "places/gazetteer.tsv";

    private const string Magic = "#parley-gazetteer\t1";

    private readonly GazetteerEntry[] _entries;
    // Candidates of every name, grouped by name: _byName maps a name key to its range in _candidates.
    private readonly int[] _candidates;
    private readonly Dictionary<ulong, (int Start, int Count)> _byName;
    private readonly Dictionary<ulong, NameFlags> _flags;
    private readonly string?[] _fold;

    private Gazetteer(GazetteerEntry[] entries, int[] candidates, Dictionary<ulong, (int, int)> byName,
        Dictionary<ulong, NameFlags> flags, string?[] fold)
    {
        _entries = entries;
        _candidates = candidates;
        _byName = byName;
        _flags = flags;
        _fold = fold;
    }

    /// <summary>Number of entries.</summary>
    public int Count => _entries.Length;

    /// <summary>Number of distinct normalised names (preferred names and variants).</summary>
    public int NameCount => _byName.Count;

    /// <summary>The entries in file order (countries, subdivisions, regions, then cities).</summary>
    public IReadOnlyList<GazetteerEntry> Entries => _entries;

    /// <summary>The entry at <paramref name="index"/>.</summary>
    public GazetteerEntry this[int index] => _entries[index];

    /// <summary>Reads the gazetteer from <c>places/gazetteer.tsv</c> under <paramref name="dataFolder"/>.</summary>
    /// <exception cref="ParleyConfigurationException">E103 when the file is missing or malformed.</exception>
    public static Gazetteer LoadFromDataFolder(string dataFolder) =>
        Load(Path.Combine(dataFolder, RelativePath));

    /// <summary>Reads a compiled gazetteer file.</summary>
    /// <exception cref="ParleyConfigurationException">E103 when the file is missing or malformed.</exception>
    public static Gazetteer Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ParleyConfigurationException(DiagnosticCodes.DataMissing,
                $"The gazetteer '{path}' does not exist. Rebuild it with tools/gazetteer/build.sh or point PARLEY_DATA at Parley's data folder.");
        }
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        return Load(reader, path);
    }

    /// <summary>Reads a compiled gazetteer from <paramref name="reader"/>; <paramref name="origin"/> names it in errors.</summary>
    /// <exception cref="ParleyConfigurationException">E103 when the content is malformed.</exception>
    // Loaded once per process: optimise the loop at once rather than after tiered compilation notices it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Gazetteer Load(TextReader reader, string origin = "gazetteer")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var first = reader.ReadLine();
        if (first != Magic)
        {
            throw Malformed(origin, 1, "it does not start with the gazetteer header");
        }
        var fold = new string?[char.MaxValue + 1];
        var flagNames = new List<(string Name, NameFlags Flag)>();
        var entries = new List<GazetteerEntry>(140_000);
        var names = new List<NameRow>(300_000);
        var codes = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        Span<Range> fields = stackalloc Range[12];
        var lineNumber = 1;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var span = line.AsSpan();
            var count = span.Split(fields, '\t');
            switch (line[0])
            {
                case 'F' when count == 3:
                    fold[int.Parse(span[fields[1]], NumberStyles.HexNumber, CultureInfo.InvariantCulture)] = span[fields[2]].ToString();
                    break;
                case 'W' when count == 2:
                    flagNames.Add((span[fields[1]].ToString(), NameFlags.CommonWord));
                    break;
                case 'A' when count == 2:
                    flagNames.Add((span[fields[1]].ToString(), NameFlags.CapitalisedWord));
                    break;
                case 'E' when count == 11:
                    var entry = ParseEntry(span, fields, entries.Count, codes, origin, lineNumber);
                    entries.Add(entry);
                    AddName(names, entry.Name, entry, fold);
                    var variants = span[fields[10]];
                    while (!variants.IsEmpty)
                    {
                        var bar = variants.IndexOf('|');
                        AddName(names, bar < 0 ? variants : variants[..bar], entry, fold);
                        variants = bar < 0 ? [] : variants[(bar + 1)..];
                    }
                    break;
                default:
                    throw Malformed(origin, lineNumber, $"'{line[0]}' lines do not have {count} fields");
            }
        }

        // Sorting the (name, entry) rows groups them by name; within a name, candidates are ordered by
        // population (then file order) so the first is the usual reading, the same on every load.
        var rows = CollectionsMarshal.AsSpan(names);
        rows.Sort(static (x, y) => x.Key != y.Key ? x.Key.CompareTo(y.Key)
            : x.Population != y.Population ? y.Population.CompareTo(x.Population) : x.Entry.CompareTo(y.Entry));
        var candidates = new int[rows.Length];
        var byName = new Dictionary<ulong, (int, int)>(rows.Length);
        var filled = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            var groupStart = filled;
            var key = rows[i].Key;
            for (; i < rows.Length && rows[i].Key == key; i++)
            {
                // A name and its variant may fold to the same key; list the entry once.
                if (filled == groupStart || candidates[filled - 1] != rows[i].Entry)
                {
                    candidates[filled++] = rows[i].Entry;
                }
            }
            i--;
            byName[key] = (groupStart, filled - groupStart);
        }
        var flags = new Dictionary<ulong, NameFlags>(flagNames.Count);
        foreach (var (name, flag) in flagNames)
        {
            var key = NameKey.Create();
            key.Append(name, fold);
            flags[key.Hash] = flag;
        }
        return new Gazetteer([.. entries], candidates, byName, flags, fold);
    }

    /// <summary>
    /// The entries named <paramref name="name"/> (preferred name or variant), most populous first; empty
    /// when none is.
    /// </summary>
    public IReadOnlyList<GazetteerEntry> Lookup(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var indices = Find(KeyOf(name));
        var result = new GazetteerEntry[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            result[i] = _entries[indices[i]];
        }
        return result;
    }

    /// <summary>
    /// The name as the gazetteer compares it: folded to lower case without diacritics, apostrophes and
    /// full stops dropped, other punctuation turned into single spaces, a leading "the" removed.
    /// </summary>
    public string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        var pendingSpace = false;
        foreach (var c in name)
        {
            string folded;
            if (c < 128)
            {
                folded = char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c).ToString()
                    : c is '\'' or '.' or '`' ? string.Empty : " ";
            }
            else
            {
                folded = _fold[c] ?? (char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c).ToString()
                    : char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark ? string.Empty : " ");
            }
            foreach (var f in folded)
            {
                if (f == ' ')
                {
                    pendingSpace = builder.Length > 0;
                    continue;
                }
                if (pendingSpace)
                {
                    builder.Append(' ');
                    pendingSpace = false;
                }
                builder.Append(f);
            }
        }
        var normal = builder.ToString();
        return normal.StartsWith("the ", StringComparison.Ordinal) ? normal[4..] : normal;
    }

    /// <summary>The fold table, for <see cref="NameKey.Append"/>.</summary>
    internal string?[] Fold => _fold;

    /// <summary>The candidates for a name key, most populous first; empty (with a null array) when none.</summary>
    internal ArraySegment<int> Find(ulong key) =>
        _byName.TryGetValue(key, out var range) ? new ArraySegment<int>(_candidates, range.Start, range.Count) : default;

    /// <summary>Whether a one-word name is also an English word.</summary>
    internal NameFlags FlagsOf(ulong key) => _flags.TryGetValue(key, out var flag) ? flag : NameFlags.None;

    private ulong KeyOf(string name)
    {
        var key = NameKey.Create();
        key.Append(Normalize(name), _fold);
        return key.Hash;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddName(List<NameRow> names, ReadOnlySpan<char> name, GazetteerEntry entry, string?[] fold)
    {
        var key = NameKey.Create();
        key.Append(WithoutLeadingThe(name), fold);
        if (key.HasContent)
        {
            names.Add(new NameRow(key.Hash, entry.Population, entry.Index));
        }
    }

    // A leading "the" is not part of the key ("The Hague", "the Gambia"); the geocoder matches from
    // the word after it.
    private static ReadOnlySpan<char> WithoutLeadingThe(ReadOnlySpan<char> name)
    {
        var trimmed = name.Trim();
        return trimmed.Length > 4 && trimmed[..4].Equals("the ", StringComparison.OrdinalIgnoreCase) ? trimmed[4..] : trimmed;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static GazetteerEntry ParseEntry(ReadOnlySpan<char> line, Span<Range> fields, int index,
        Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> codes, string origin, int lineNumber)
    {
        if (!double.TryParse(line[fields[5]], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            || !double.TryParse(line[fields[6]], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
            || !long.TryParse(line[fields[7]], NumberStyles.Integer, CultureInfo.InvariantCulture, out var population))
        {
            throw Malformed(origin, lineNumber, "its coordinates or population are not numbers");
        }
        return new GazetteerEntry
        {
            Index = index,
            Id = line[fields[1]].ToString(),
            Kind = Shared(codes, line[fields[2]])!,
            Country = Shared(codes, line[fields[3]]),
            Admin1 = Shared(codes, line[fields[4]]),
            Latitude = lat,
            Longitude = lon,
            Population = population,
            Feature = Shared(codes, line[fields[8]]) ?? string.Empty,
            Name = line[fields[9]].ToString(),
        };
    }

    // Kinds, country and subdivision codes repeat thousands of times; keep one string of each.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? Shared(Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> codes, ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return null;
        }
        if (!codes.TryGetValue(value, out var shared))
        {
            shared = value.ToString();
            codes[shared] = shared;
        }
        return shared;
    }

    private readonly record struct NameRow(ulong Key, long Population, int Entry);

    private static ParleyConfigurationException Malformed(string origin, int line, string why) =>
        new(DiagnosticCodes.DataMissing, $"The gazetteer '{origin}' is malformed at line {line}: {why}. Rebuild it with tools/gazetteer/build.sh.");
}
