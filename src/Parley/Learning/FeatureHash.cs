namespace Parley.Learning;

/// <summary>
/// 64-bit FNV-1a hashing of feature strings without allocating them: a feature is a template id
/// followed by one or more values (<c>Combine(Of(7), "Okafor")</c>). Collisions at 64 bits are
/// negligible for models of millions of features.
/// </summary>
public static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>The hash that starts a feature of the given template.</summary>
    public static ulong Of(int template) => Mix(Offset, (uint)template);

    /// <summary>Adds characters to a feature hash.</summary>
    public static ulong Add(ulong hash, ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            hash = (hash ^ c) * Prime;
        }
        // A separator so that ("ab","c") and ("a","bc") differ.
        return (hash ^ 0xFFFF) * Prime;
    }

    /// <summary>Adds characters to a feature hash, lower-cased (ASCII and Latin letters).</summary>
    public static ulong AddLower(ulong hash, ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            hash = (hash ^ char.ToLowerInvariant(c)) * Prime;
        }
        return (hash ^ 0xFFFF) * Prime;
    }

    /// <summary>Adds an integer (a class id, a bucketed distance) to a feature hash.</summary>
    public static ulong Add(ulong hash, int value) => Mix(hash, (uint)value);

    /// <summary>
    /// Adds a 64-bit value, typically another hash computed once and reused (a word's hash combined
    /// with several templates), so hot loops hash each string only once.
    /// </summary>
    public static ulong Add(ulong hash, ulong value) => Mix(Mix(hash, (uint)value), (uint)(value >> 32));

    private static ulong Mix(ulong hash, uint value)
    {
        hash = (hash ^ (value & 0xFF)) * Prime;
        hash = (hash ^ ((value >> 8) & 0xFF)) * Prime;
        hash = (hash ^ ((value >> 16) & 0xFF)) * Prime;
        hash = (hash ^ (value >> 24)) * Prime;
        return hash;
    }
}
