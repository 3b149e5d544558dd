using Parley.Learning;
using Parley.Model;
using Parley.Places;

namespace Parley.Entities;

/// <summary>
/// Phrases that hint at named entities — countries, demonyms, cities, international organisations,
/// words that end organisation names ("Ministry", "Party"), titles before person names — each with
/// its category. Matched case-insensitively over tokens by hashing, without allocating. Read from a
/// TSV file (<c>category &lt;tab&gt; phrase</c>, <c>#</c> comments); read-only and thread-safe after loading.
/// </summary>
public sealed class EntityGazetteer
{
    /// <summary>Longest phrase, in tokens, that is matched.</summary>
    public const int MaxPhraseTokens = 6;

    private readonly List<(string Category, string Phrase)> _entries;
    private readonly List<string> _categories = [];
    private readonly Dictionary<ulong, int> _phrases = [];   // phrase hash → category bit mask
    private readonly HashSet<ulong> _prefixes = [];           // hashes of proper prefixes of phrases

    /// <summary>Builds a gazetteer from (category, phrase) entries; phrases are split into tokens at spaces.</summary>
    public EntityGazetteer(IEnumerable<(string Category, string Phrase)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = [.. entries];
        foreach (var (category, phrase) in _entries)
        {
            var bit = _categories.IndexOf(category);
            if (bit < 0)
            {
                if (_categories.Count == 31)
                {
                    throw new InvalidDataException("A gazetteer holds at most 31 categories.");
                }
                bit = _categories.Count;
                _categories.Add(category);
            }
            var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0 || words.Length > MaxPhraseTokens)
            {
                continue;
            }
            var hash = Start;
            for (var w = 0; w < words.Length; w++)
            {
                hash = Next(hash, words[w]);
                if (w < words.Length - 1)
                {
                    _prefixes.Add(hash);
                }
            }
            _phrases[hash] = _phrases.GetValueOrDefault(hash) | (1 << bit);
        }
    }

    private static readonly ulong Start = FeatureHash.Of(90);

    private static ulong Next(ulong hash, ReadOnlySpan<char> word) => FeatureHash.AddLower(hash, word);

    /// <summary>The entries, in file order.</summary>
    public IReadOnlyList<(string Category, string Phrase)> Entries => _entries;

    /// <summary>The categories, in order of first appearance (bit <c>i</c> of a match mask is category <c>i</c>).</summary>
    public IReadOnlyList<string> Categories => _categories;

    /// <summary>Reads a gazetteer TSV file.</summary>
    /// <exception cref="FormatException">A line is not <c>category &lt;tab&gt; phrase</c>.</exception>
    public static EntityGazetteer Load(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader);
    }

    /// <summary>Category of the place names taken from the places gazetteer (<see cref="PlaceEntries"/>).</summary>
    public const string PlaceCategory = "place";

    /// <summary>Smallest population of a city whose name becomes a <see cref="PlaceCategory"/> entry.</summary>
    public const long MinCityPopulation = 20_000;

    /// <summary>
    /// Reads the gazetteer TSV at <paramref name="path"/> and, when <paramref name="placesPath"/> names the
    /// places gazetteer (<c>places/gazetteer.tsv</c>), adds its place names (<see cref="PlaceEntries"/>).
    /// </summary>
    /// <exception cref="FormatException">A line of the TSV is not <c>category &lt;tab&gt; phrase</c>.</exception>
    public static EntityGazetteer Load(string path, string? placesPath)
    {
        var own = Load(path);
        if (placesPath is null)
        {
            return own;
        }
        return new EntityGazetteer([.. own.Entries, .. PlaceEntries(Gazetteer.Load(placesPath))]);
    }

    /// <summary>
    /// The names of the places gazetteer's subdivisions, regions, continents and cities of at least
    /// <see cref="MinCityPopulation"/> people, as <see cref="PlaceCategory"/> entries, each name once
    /// (compared case-insensitively), in the gazetteer's order. Countries are left out: the own list
    /// holds them with their demonyms. Names that are also common words ("Reading") stay; the
    /// recognizer learns from their case and context how much a match means.
    /// </summary>
    public static IEnumerable<(string Category, string Phrase)> PlaceEntries(Gazetteer places)
    {
        ArgumentNullException.ThrowIfNull(places);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in places.Entries)
        {
            if (entry.Kind == PlaceKinds.Country || (entry.Kind == PlaceKinds.City && entry.Population < MinCityPopulation))
            {
                continue;
            }
            if (seen.Add(entry.Name))
            {
                yield return (PlaceCategory, entry.Name);
            }
        }
    }

    /// <summary>Reads gazetteer TSV text.</summary>
    /// <exception cref="FormatException">A line is not <c>category &lt;tab&gt; phrase</c>.</exception>
    public static EntityGazetteer Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entries = new List<(string, string)>();
        string? line;
        var number = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || tab == line.Length - 1)
            {
                throw new FormatException($"Gazetteer line {number}: expected 'category<TAB>phrase', found '{line}'.");
            }
            entries.Add((line[..tab].Trim(), line[(tab + 1)..].Trim()));
        }
        return new EntityGazetteer(entries);
    }

    /// <summary>
    /// Marks tokens <c>[first, first + count)</c> with the phrases they belong to, longest match first,
    /// scanning left to right: <paramref name="masks"/> gets the category mask of the covering match
    /// (0 = none) and <paramref name="positions"/> the token's place in it (1 begin, 2 inside, 3 last, 4 single).
    /// </summary>
    public void Match(string text, Token[] tokens, int first, int count, Span<int> masks, Span<int> positions)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        masks[..count].Clear();
        positions[..count].Clear();
        var i = 0;
        while (i < count)
        {
            var hash = Start;
            var bestLength = 0;
            var bestMask = 0;
            for (var k = 0; k < MaxPhraseTokens && i + k < count; k++)
            {
                var token = tokens[first + i + k];
                hash = Next(hash, text.AsSpan(token.Start, token.Length));
                if (_phrases.TryGetValue(hash, out var mask))
                {
                    bestLength = k + 1;
                    bestMask = mask;
                }
                if (!_prefixes.Contains(hash))
                {
                    break;
                }
            }
            if (bestLength == 0)
            {
                i++;
                continue;
            }
            for (var k = 0; k < bestLength; k++)
            {
                masks[i + k] = bestMask;
                positions[i + k] = bestLength == 1 ? 4 : k == 0 ? 1 : k == bestLength - 1 ? 3 : 2;
            }
            i += bestLength;
        }
    }
}
