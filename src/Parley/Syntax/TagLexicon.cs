using Parley.Learning;

namespace Parley.Syntax;

/// <summary>
/// For each frequent word (lower-cased), the set of Penn tags it takes in the training data, as a
/// hash: the tagger's "ambiguity class" features, which tell it that "back" may be RB, NN, VB or JJ
/// even when it has not learned enough about the word itself.
/// </summary>
internal sealed class TagLexicon
{
    private readonly Dictionary<string, ulong> _classes;
    private readonly Dictionary<string, ulong>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public TagLexicon(Dictionary<string, ulong> classes)
    {
        _classes = classes;
        _lookup = classes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _classes.Count;

    /// <summary>The word's ambiguity class hash, or 0 for a word the lexicon does not hold.</summary>
    public ulong Lookup(ReadOnlySpan<char> word)
    {
        Span<char> lower = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        word.ToLowerInvariant(lower);
        return _lookup.TryGetValue(lower, out var value) ? value : 0;
    }

    /// <summary>Builds the lexicon: words seen at least twice, with the tags that make up at least 5 % of their uses.</summary>
    public static TagLexicon Build(IReadOnlyList<ConlluSentence> sentences)
    {
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            foreach (var word in sentence.Words)
            {
                var key = word.Form.ToLowerInvariant();
                if (!counts.TryGetValue(key, out var tags))
                {
                    tags = new Dictionary<string, int>(StringComparer.Ordinal);
                    counts[key] = tags;
                }
                tags[word.Xpos] = tags.GetValueOrDefault(word.Xpos) + 1;
            }
        }
        var classes = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var kept = new List<string>();
        foreach (var (word, tags) in counts)
        {
            var total = 0;
            foreach (var count in tags.Values)
            {
                total += count;
            }
            if (total < 2)
            {
                continue;
            }
            kept.Clear();
            foreach (var (tag, count) in tags)
            {
                if (count * 20 >= total)
                {
                    kept.Add(tag);
                }
            }
            kept.Sort(StringComparer.Ordinal);
            var hash = FeatureHash.Of(60);
            foreach (var tag in kept)
            {
                hash = FeatureHash.Add(hash, tag);
            }
            classes[word] = hash;
        }
        return new TagLexicon(classes);
    }

    public void Write(BinaryWriter writer)
    {
        var keys = new List<string>(_classes.Keys);
        keys.Sort(StringComparer.Ordinal);
        writer.Write(keys.Count);
        foreach (var key in keys)
        {
            writer.Write(key);
            writer.Write(_classes[key]);
        }
    }

    public static TagLexicon Read(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var classes = new Dictionary<string, ulong>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadString();
            classes[key] = reader.ReadUInt64();
        }
        return new TagLexicon(classes);
    }
}
