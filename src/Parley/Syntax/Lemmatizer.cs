using System.IO.Compression;
using Parley.Learning;

namespace Parley.Syntax;

/// <summary>
/// English lemmatizer: a table of (form, Penn tag) → lemma learned from a treebank, backed for
/// unseen words by a perceptron that picks a suffix edit rule ("strip 'ied', add 'y'") from the
/// word's ending and tag. Unseen proper nouns (NNP) keep their form. Read-only after loading and
/// safe to share across threads; lemmas found in the table are returned without allocating.
/// </summary>
public sealed class Lemmatizer
{
    /// <summary>Version of the stored format; <see cref="Load(Stream)"/> rejects any other.</summary>
    public const int FormatVersion = 1;

    private const char KeySeparator = '\u0001';
    private readonly string[] _tags;
    private readonly Dictionary<string, int> _tagIds;
    private readonly Dictionary<string, string> _table;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly LemmaRule[] _rules;
    private readonly PerceptronModel _classifier;
    private readonly int _properNoun;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _anyTag;

    internal Lemmatizer(string[] tags, Dictionary<string, string> table, LemmaRule[] rules, PerceptronModel classifier)
    {
        _tags = tags;
        _tagIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < tags.Length; i++)
        {
            _tagIds[tags[i]] = i;
        }
        _table = table;
        _lookup = table.GetAlternateLookup<ReadOnlySpan<char>>();
        _rules = rules;
        _classifier = classifier;
        _properNoun = _tagIds.GetValueOrDefault("NNP", -1);
        // Forms whose lemma is the same under every tag they were seen with: when the tagger picks
        // a tag the table lacks for such a form, its lemma is still known.
        var anyTag = new Dictionary<string, string>(StringComparer.Ordinal);
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, lemma) in table)
        {
            var form = key[..^2];
            if (anyTag.TryGetValue(form, out var seen) && seen != lemma)
            {
                ambiguous.Add(form);
            }
            anyTag[form] = lemma;
        }
        foreach (var form in ambiguous)
        {
            anyTag.Remove(form);
        }
        _anyTag = anyTag.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The tags the lemmatizer knows, in id order.</summary>
    public IReadOnlyList<string> Tags => _tags;

    /// <summary>Number of (form, tag) entries in the table.</summary>
    public int TableSize => _table.Count;

    /// <summary>Number of suffix edit rules the classifier chooses from.</summary>
    public int RuleCount => _rules.Length;

    /// <summary>The id of a tag, or -1 when unknown (the lemmatizer then falls back to rules over no tag).</summary>
    public int TagId(string tag) => _tagIds.GetValueOrDefault(tag, -1);

    /// <summary>The lemma of <paramref name="form"/> with the Penn tag <paramref name="tag"/>.</summary>
    public string Lemmatize(string form, string tag)
    {
        ArgumentNullException.ThrowIfNull(form);
        var features = new ulong[16];
        var scores = new float[Math.Max(2, _classifier.Classes)];
        return Lemmatize(form, TagId(tag), form, features, scores);
    }

    /// <summary>
    /// The lemma of <paramref name="form"/> with tag id <paramref name="tagId"/>. Returns
    /// <paramref name="formString"/> (or a new string of the form) when the lemma is the form itself.
    /// </summary>
    internal string Lemmatize(ReadOnlySpan<char> form, int tagId, string? formString, ulong[] features, float[] scores)
    {
        if (form.Length == 0)
        {
            return formString ?? string.Empty;
        }
        Span<char> key = form.Length <= 120 ? stackalloc char[form.Length + 2] : new char[form.Length + 2];
        form.CopyTo(key);
        key[form.Length] = KeySeparator;
        key[form.Length + 1] = (char)(tagId + 1);
        if (_lookup.TryGetValue(key, out var lemma))
        {
            return lemma;
        }
        form.ToLowerInvariant(key);
        if (!key[..form.Length].SequenceEqual(form) && _lookup.TryGetValue(key, out lemma))
        {
            return lemma;
        }
        if (tagId != _properNoun)
        {
            if (_anyTag.TryGetValue(form, out lemma))
            {
                return lemma;
            }
            var n = RuleFeatures(form, tagId, features);
            var rule = _rules[_classifier.Predict(features.AsSpan(0, n), scores)];
            if (!rule.IsIdentity && rule.Apply(form) is { } ruled)
            {
                return ruled;
            }
        }
        return formString ?? new string(form);
    }

    /// <summary>Features of the rule classifier: the word's endings, alone and with the tag.</summary>
    internal static int RuleFeatures(ReadOnlySpan<char> form, int tagId, ulong[] f)
    {
        var n = 0;
        f[n++] = FeatureHash.Add(FeatureHash.Of(40), tagId);
        for (var k = 1; k <= 5 && k <= form.Length; k++)
        {
            var suffix = form[^k..];
            f[n++] = FeatureHash.AddLower(FeatureHash.Add(FeatureHash.Of(41), k), suffix);
            f[n++] = FeatureHash.AddLower(FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(42), k), tagId), suffix);
        }
        var upper = char.IsUpper(form[0]) ? 1 : 0;
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(43), tagId), upper);
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(44), tagId), Math.Min(form.Length, 8));
        return n;
    }

    internal static string Key(string form, int tagId) => string.Concat(form, KeySeparator.ToString(), ((char)(tagId + 1)).ToString());

    /// <summary>
    /// Learns the table and the rule classifier from (form, tag, lemma) triples. Deterministic: the
    /// same triples in the same order give the same lemmatizer.
    /// </summary>
    public static Lemmatizer Train(IReadOnlyList<(string Form, string Tag, string Lemma)> words, int epochs = 5, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(words);
        var tagList = new List<string>();
        var tagIds = new Dictionary<string, int>(StringComparer.Ordinal);
        // Count lemmas per (form, tag) and rules per type.
        var lemmaCounts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var keyOrder = new List<string>();
        foreach (var (form, tag, lemma) in words)
        {
            if (!tagIds.TryGetValue(tag, out var id))
            {
                id = tagList.Count;
                tagIds[tag] = id;
                tagList.Add(tag);
            }
            var key = Key(form, id);
            if (!lemmaCounts.TryGetValue(key, out var counts))
            {
                counts = new Dictionary<string, int>(StringComparer.Ordinal);
                lemmaCounts[key] = counts;
                keyOrder.Add(key);
            }
            counts[lemma] = counts.GetValueOrDefault(lemma) + 1;
        }
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        var types = new List<(string Form, int Tag, string Lemma)>();
        var ruleCounts = new Dictionary<LemmaRule, int>();
        foreach (var key in keyOrder)
        {
            var best = "";
            var bestCount = -1;
            foreach (var (lemma, count) in lemmaCounts[key])
            {
                if (count > bestCount || (count == bestCount && string.CompareOrdinal(lemma, best) < 0))
                {
                    best = lemma;
                    bestCount = count;
                }
            }
            table[key] = best;
            var form = key[..^2];
            var tag = key[^1] - 1;
            types.Add((form, tag, best));
            var rule = LemmaRule.Derive(form, best);
            ruleCounts[rule] = ruleCounts.GetValueOrDefault(rule) + 1;
        }
        // Rules seen for at least three word types generalise; rarer ones are irregular words the table covers.
        var rules = new List<LemmaRule> { LemmaRule.Identity };
        var ruleIds = new Dictionary<LemmaRule, int> { [LemmaRule.Identity] = 0 };
        foreach (var (form, _, lemma) in types)
        {
            var rule = LemmaRule.Derive(form, lemma);
            if (ruleCounts[rule] >= 3 && !ruleIds.ContainsKey(rule))
            {
                ruleIds[rule] = rules.Count;
                rules.Add(rule);
            }
        }
        var trainer = new PerceptronTrainer(Math.Max(2, rules.Count));
        var features = new ulong[16];
        var scores = new float[Math.Max(2, rules.Count)];
        var order = new int[types.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        var random = new Random(seed);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var t in order)
            {
                var (form, tag, lemma) = types[t];
                var truth = ruleIds.GetValueOrDefault(LemmaRule.Derive(form, lemma), 0);
                var n = RuleFeatures(form, tag, features);
                var guess = trainer.Predict(features.AsSpan(0, n), scores);
                trainer.Update(features.AsSpan(0, n), truth, guess);
                trainer.NextInstance();
            }
        }
        return new Lemmatizer([.. tagList], table, [.. rules], trainer.Compile());
    }

    /// <summary>Loads a lemmatizer saved by <see cref="Save(string)"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a lemmatizer of this format version.</exception>
    public static Lemmatizer Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>Reads a lemmatizer written by <see cref="Save(Stream)"/>; reads exactly what was written.</summary>
    /// <exception cref="InvalidDataException">The stream is not a lemmatizer of this format version.</exception>
    public static Lemmatizer Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var outer = new BinaryReader(stream);
        var version = outer.ReadInt32();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"Lemmatizer format {version} is not supported (expected {FormatVersion}).");
        }
        var packed = outer.ReadBytes(outer.ReadInt32());
        using var inflated = new MemoryStream();
        using (var zip = new ZLibStream(new MemoryStream(packed), CompressionMode.Decompress))
        {
            zip.CopyTo(inflated);
        }
        inflated.Position = 0;
        using var reader = new BinaryReader(inflated);
        var tags = new string[reader.ReadInt32()];
        for (var i = 0; i < tags.Length; i++)
        {
            tags[i] = reader.ReadString();
        }
        var entries = reader.ReadInt32();
        var table = new Dictionary<string, string>(entries, StringComparer.Ordinal);
        for (var i = 0; i < entries; i++)
        {
            var key = reader.ReadString();
            var same = reader.ReadBoolean();
            // Lemmas equal to the form are not stored twice.
            table[key] = same ? key[..^2] : reader.ReadString();
        }
        var rules = new LemmaRule[reader.ReadInt32()];
        for (var i = 0; i < rules.Length; i++)
        {
            rules[i] = new LemmaRule(reader.ReadBoolean(), reader.ReadInt32(), reader.ReadString());
        }
        var model = PerceptronModel.Load(new MemoryStream(reader.ReadBytes(reader.ReadInt32())));
        return new Lemmatizer(tags, table, rules, model);
    }

    /// <summary>Writes the lemmatizer to a file.</summary>
    public void Save(string path)
    {
        using var stream = File.Create(path);
        Save(stream);
    }

    /// <summary>Writes the lemmatizer, compressed. The same lemmatizer always gives the same bytes.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var packed = new MemoryStream();
        using (var zip = new ZLibStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        using (var writer = new BinaryWriter(zip))
        {
            writer.Write(_tags.Length);
            foreach (var tag in _tags)
            {
                writer.Write(tag);
            }
            var keys = new List<string>(_table.Keys);
            keys.Sort(StringComparer.Ordinal);
            writer.Write(keys.Count);
            foreach (var key in keys)
            {
                writer.Write(key);
                var lemma = _table[key];
                var same = key.AsSpan(0, key.Length - 2).SequenceEqual(lemma);
                writer.Write(same);
                if (!same)
                {
                    writer.Write(lemma);
                }
            }
            writer.Write(_rules.Length);
            foreach (var rule in _rules)
            {
                writer.Write(rule.Lower);
                writer.Write(rule.Strip);
                writer.Write(rule.Append);
            }
            using var model = new MemoryStream();
            _classifier.Save(model);
            writer.Write((int)model.Length);
            writer.Write(model.GetBuffer(), 0, (int)model.Length);
        }
        var outer = new BinaryWriter(stream);
        outer.Write(FormatVersion);
        outer.Write((int)packed.Length);
        outer.Write(packed.GetBuffer(), 0, (int)packed.Length);
        outer.Flush();
    }
}
