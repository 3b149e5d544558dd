using System.IO.Compression;
using Parley.Text;

namespace Parley.Syntax;

/// <summary>
/// Distributional word classes learned from raw text: every word seen at least twice (lower-cased)
/// belongs to one fine class and one coarse class, found by k-means over the words that appear just
/// before and after it. Words that share a class are used alike ("Tuesday"/"Friday",
/// "ministry"/"council"), so the tagger and the recognizer can generalise from a word they know to
/// one they saw only in raw text. Building is deterministic: the same text and seed give the same
/// classes and the same file bytes. Read-only after building or loading; safe to share across threads.
/// </summary>
public sealed class WordClusters
{
    /// <summary>Version of the stored format; <see cref="Load(Stream)"/> rejects any other.</summary>
    public const int FormatVersion = 1;

    /// <summary>File name of the clusters written by <see cref="BuildFromCorpora"/>.</summary>
    public const string FileName = "clusters-v1.bin";

    private const int Magic = 0x534C_4357; // "WCLS"
    private const int ContextWords = 400;
    private readonly Dictionary<string, int> _classes;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private WordClusters(Dictionary<string, int> classes, int fine, int coarse)
    {
        _classes = classes;
        _lookup = classes.GetAlternateLookup<ReadOnlySpan<char>>();
        FineCount = fine;
        CoarseCount = coarse;
    }

    /// <summary>An empty table: every word is unclustered.</summary>
    public static WordClusters Empty { get; } = new(new Dictionary<string, int>(StringComparer.Ordinal), 0, 0);

    /// <summary>Number of clustered words.</summary>
    public int Count => _classes.Count;

    /// <summary>Number of fine classes.</summary>
    public int FineCount { get; }

    /// <summary>Number of coarse classes.</summary>
    public int CoarseCount { get; }

    /// <summary>
    /// The word's classes packed as <c>(coarse + 1) &lt;&lt; 16 | (fine + 1)</c>, or 0 for a word not in
    /// the table. The word is lower-cased first.
    /// </summary>
    public int Lookup(ReadOnlySpan<char> word)
    {
        if (_classes.Count == 0)
        {
            return 0;
        }
        Span<char> lower = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        word.ToLowerInvariant(lower);
        return _lookup.TryGetValue(lower, out var value) ? value : 0;
    }

    /// <summary>
    /// Builds the classes from the training sentences of <c>ud-english-ewt</c> under
    /// <paramref name="dataDir"/> and, when <paramref name="newsDir"/> is given, the texts of its CSV
    /// files (column <c>text</c>), tokenized by <see cref="EwtTokenizer"/>; writes <see cref="FileName"/>
    /// into <paramref name="outDir"/>.
    /// </summary>
    public static WordClusters BuildFromCorpora(string dataDir, string? newsDir, string outDir, TextWriter log, int fine = 384, int coarse = 48, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(log);
        var sentences = new List<string[]>();
        foreach (var sentence in ConlluReader.ReadFile(Path.Combine(dataDir, "ud-english-ewt", "en_ewt-ud-train.conllu")))
        {
            var words = new string[sentence.Words.Count];
            for (var i = 0; i < words.Length; i++)
            {
                words[i] = sentence.Words[i].Form;
            }
            sentences.Add(words);
        }
        var fromTreebank = sentences.Count;
        if (newsDir is not null)
        {
            var files = Directory.GetFiles(newsDir, "*.csv");
            Array.Sort(files, StringComparer.Ordinal);
            foreach (var file in files)
            {
                foreach (var text in CsvColumn(File.ReadAllText(file), "text"))
                {
                    foreach (var line in text.Split('\n'))
                    {
                        var tokens = EwtTokenizer.Default.Tokenize(line);
                        if (tokens.Length == 0)
                        {
                            continue;
                        }
                        var words = new string[tokens.Length];
                        for (var i = 0; i < words.Length; i++)
                        {
                            words[i] = line.Substring(tokens[i].Start, tokens[i].Length);
                        }
                        sentences.Add(words);
                    }
                }
            }
        }
        log.WriteLine($"clusters: {fromTreebank} treebank sentences, {sentences.Count - fromTreebank} news lines");
        var clusters = Build(sentences, fine, coarse, seed);
        Directory.CreateDirectory(outDir);
        var path = Path.Combine(outDir, FileName);
        using (var stream = File.Create(path))
        {
            clusters.Save(stream);
        }
        log.WriteLine($"clusters: {clusters.Count} words, {fine} fine and {coarse} coarse classes; wrote {path} ({new FileInfo(path).Length:N0} bytes)");
        return clusters;
    }

    /// <summary>Builds the classes from tokenized text (one array of words per sentence or line).</summary>
    public static WordClusters Build(IReadOnlyList<string[]> sentences, int fine, int coarse, int seed)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentOutOfRangeException.ThrowIfLessThan(fine, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(coarse, 2);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            foreach (var word in sentence)
            {
                var key = word.ToLowerInvariant();
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }
        // Vocabulary by descending count, ties by ordinal order, so ids never depend on hashing.
        var vocabulary = new List<string>();
        foreach (var (word, count) in counts)
        {
            if (count >= 2)
            {
                vocabulary.Add(word);
            }
        }
        vocabulary.Sort((a, b) => counts[b] != counts[a] ? counts[b].CompareTo(counts[a]) : string.CompareOrdinal(a, b));
        var id = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Count; i++)
        {
            id[vocabulary[i]] = i;
        }
        var contexts = Math.Min(ContextWords, vocabulary.Count);
        // Context dimensions: the frequent word (or a boundary, index `contexts`) at offsets -2, -1, +1, +2.
        var width = contexts + 1;
        var rows = new Dictionary<int, float>[vocabulary.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = [];
        }
        var ids = new List<int>();
        foreach (var sentence in sentences)
        {
            ids.Clear();
            foreach (var word in sentence)
            {
                ids.Add(id.GetValueOrDefault(word.ToLowerInvariant(), -1));
            }
            for (var i = 0; i < ids.Count; i++)
            {
                if (ids[i] < 0)
                {
                    continue;
                }
                var row = rows[ids[i]];
                for (var slot = 0; slot < 4; slot++)
                {
                    var j = i + (slot < 2 ? slot - 2 : slot - 1);
                    var context = j < 0 || j >= ids.Count ? contexts : ids[j] >= 0 && ids[j] < contexts ? ids[j] : -1;
                    if (context < 0)
                    {
                        continue;
                    }
                    // Nearer neighbours weigh more: they say more about the word's part of speech.
                    var weight = slot is 1 or 2 ? 1f : 0.5f;
                    var key = slot * width + context;
                    row[key] = row.GetValueOrDefault(key) + weight;
                }
            }
        }
        var vectors = new (int[] Keys, float[] Values)[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var keys = new List<int>(rows[i].Keys);
            keys.Sort();
            var values = new float[keys.Count];
            double norm = 0;
            for (var k = 0; k < keys.Count; k++)
            {
                // Square roots damp the function words that dominate raw counts.
                values[k] = MathF.Sqrt(rows[i][keys[k]]);
                norm += values[k] * values[k];
            }
            var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
            for (var k = 0; k < values.Length; k++)
            {
                values[k] *= scale;
            }
            vectors[i] = ([.. keys], values);
        }
        var dimensions = 4 * width;
        var fineOf = KMeans(vectors, dimensions, Math.Min(fine, vectors.Length), seed);
        var coarseOf = KMeans(vectors, dimensions, Math.Min(coarse, vectors.Length), seed + 1);
        var classes = new Dictionary<string, int>(vocabulary.Count, StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Count; i++)
        {
            classes[vocabulary[i]] = ((coarseOf[i] + 1) << 16) | (fineOf[i] + 1);
        }
        return new WordClusters(classes, fine, coarse);
    }

    // Spherical k-means. The first centroids are the most frequent words, then words picked by a
    // seeded generator, so the result depends only on the data and the seed.
    private static int[] KMeans((int[] Keys, float[] Values)[] vectors, int dimensions, int k, int seed)
    {
        var n = vectors.Length;
        var assignment = new int[n];
        if (n == 0 || k < 1)
        {
            return assignment;
        }
        var centroids = new float[k * dimensions];
        var random = new Random(seed);
        var chosen = new HashSet<int>();
        var frequent = k / 2;
        for (var c = 0; c < k; c++)
        {
            var pick = c < frequent ? c : random.Next(n);
            while (!chosen.Add(pick))
            {
                pick = random.Next(n);
            }
            var (keys, values) = vectors[pick];
            for (var e = 0; e < keys.Length; e++)
            {
                centroids[c * dimensions + keys[e]] = values[e];
            }
        }
        var sizes = new int[k];
        for (var iteration = 0; iteration < 20; iteration++)
        {
            var changed = 0;
            for (var i = 0; i < n; i++)
            {
                var (keys, values) = vectors[i];
                var best = 0;
                var bestScore = float.NegativeInfinity;
                for (var c = 0; c < k; c++)
                {
                    var offset = c * dimensions;
                    var score = 0f;
                    for (var e = 0; e < keys.Length; e++)
                    {
                        score += centroids[offset + keys[e]] * values[e];
                    }
                    if (score > bestScore)
                    {
                        best = c;
                        bestScore = score;
                    }
                }
                if (iteration == 0 || assignment[i] != best)
                {
                    changed++;
                }
                assignment[i] = best;
            }
            Array.Clear(centroids);
            Array.Clear(sizes);
            for (var i = 0; i < n; i++)
            {
                var (keys, values) = vectors[i];
                var offset = assignment[i] * dimensions;
                sizes[assignment[i]]++;
                for (var e = 0; e < keys.Length; e++)
                {
                    centroids[offset + keys[e]] += values[e];
                }
            }
            for (var c = 0; c < k; c++)
            {
                var span = centroids.AsSpan(c * dimensions, dimensions);
                double norm = 0;
                foreach (var v in span)
                {
                    norm += v * v;
                }
                if (norm == 0)
                {
                    // An empty class restarts at a seeded random word, so every class stays in use.
                    var (keys, values) = vectors[random.Next(n)];
                    for (var e = 0; e < keys.Length; e++)
                    {
                        span[keys[e]] = values[e];
                    }
                    continue;
                }
                var scale = (float)(1 / Math.Sqrt(norm));
                for (var d = 0; d < span.Length; d++)
                {
                    span[d] *= scale;
                }
            }
            if (changed * 1000 < n)
            {
                break;
            }
        }
        return assignment;
    }

    // The values of one column of a CSV file with a header row (RFC 4180 quoting).
    private static IEnumerable<string> CsvColumn(string csv, string column)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < csv.Length && csv[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }
        if (rows.Count == 0)
        {
            yield break;
        }
        var index = rows[0].IndexOf(column);
        if (index < 0)
        {
            yield break;
        }
        for (var r = 1; r < rows.Count; r++)
        {
            if (index < rows[r].Count)
            {
                yield return rows[r][index];
            }
        }
    }

    /// <summary>Reads classes written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The stream does not hold word classes of this format.</exception>
    public static WordClusters Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var inflated = new MemoryStream();
        using (var zip = new ZLibStream(stream, CompressionMode.Decompress, leaveOpen: true))
        {
            zip.CopyTo(inflated);
        }
        inflated.Position = 0;
        using var reader = new BinaryReader(inflated);
        if (reader.ReadInt32() != Magic || reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException("Not Parley word classes of a supported format.");
        }
        var fine = reader.ReadInt32();
        var coarse = reader.ReadInt32();
        var count = reader.ReadInt32();
        var classes = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var word = reader.ReadString();
            classes[word] = reader.ReadInt32();
        }
        return new WordClusters(classes, fine, coarse);
    }

    /// <summary>Loads classes from a file written by <see cref="Save"/>.</summary>
    public static WordClusters Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>Writes the classes, compressed, words in ordinal order. The same classes always give the same bytes.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var zip = new ZLibStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(zip);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(FineCount);
        writer.Write(CoarseCount);
        var words = new List<string>(_classes.Keys);
        words.Sort(StringComparer.Ordinal);
        writer.Write(words.Count);
        foreach (var word in words)
        {
            writer.Write(word);
            writer.Write(_classes[word]);
        }
    }
}
