namespace Parley.Entities;

/// <summary>
/// How often each word (lower-cased) is written with a capital when it is not first in its
/// sentence, from the training text, bucketed: a capitalised word that is usually written in lower
/// case ("Excerpt", "Simplicity") is rarely a name.
/// </summary>
internal sealed class CaseLexicon
{
    /// <summary>Bucket for a word the lexicon does not hold.</summary>
    public const int Unknown = 0;

    private readonly Dictionary<string, byte> _buckets;
    private readonly Dictionary<string, byte>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public CaseLexicon(Dictionary<string, byte> buckets)
    {
        _buckets = buckets;
        _lookup = buckets.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _buckets.Count;

    /// <summary>1 mostly lower case, 2 mixed, 3 mostly capitalised; 0 unknown.</summary>
    public int Lookup(ReadOnlySpan<char> word)
    {
        Span<char> lower = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        word.ToLowerInvariant(lower);
        return _lookup.TryGetValue(lower, out var bucket) ? bucket : Unknown;
    }

    /// <summary>Counts words seen at least twice away from the sentence start.</summary>
    public static CaseLexicon Build(IEnumerable<IReadOnlyList<string>> sentences)
    {
        var counts = new Dictionary<string, (int Lower, int Upper)>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            for (var i = 1; i < sentence.Count; i++)
            {
                var form = sentence[i];
                if (form.Length == 0 || !char.IsLetter(form[0]))
                {
                    continue;
                }
                var key = form.ToLowerInvariant();
                var (lower, upper) = counts.GetValueOrDefault(key);
                counts[key] = char.IsUpper(form[0]) ? (lower, upper + 1) : (lower + 1, upper);
            }
        }
        var buckets = new Dictionary<string, byte>(StringComparer.Ordinal);
        foreach (var (word, (lower, upper)) in counts)
        {
            var total = lower + upper;
            if (total < 2)
            {
                continue;
            }
            buckets[word] = (byte)(upper * 10 <= total ? 1 : upper * 10 >= total * 9 ? 3 : 2);
        }
        return new CaseLexicon(buckets);
    }

    public void Write(BinaryWriter writer)
    {
        var keys = new List<string>(_buckets.Keys);
        keys.Sort(StringComparer.Ordinal);
        writer.Write(keys.Count);
        foreach (var key in keys)
        {
            writer.Write(key);
            writer.Write(_buckets[key]);
        }
    }

    public static CaseLexicon Read(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var buckets = new Dictionary<string, byte>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadString();
            buckets[key] = reader.ReadByte();
        }
        return new CaseLexicon(buckets);
    }
}
