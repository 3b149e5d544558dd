namespace Parley.Actors;

/// <summary>
/// Hashes trie edge keys (node &lt;&lt; 32 | token id). The default hash of a long XORs its halves,
/// which sends the many (node, token) pairs with similar small numbers to the same buckets;
/// multiplying by a large odd constant (Fibonacci hashing) spreads them.
/// </summary>
internal sealed class EdgeKeyComparer : IEqualityComparer<long>
{
    public static EdgeKeyComparer Instance { get; } = new();

    public bool Equals(long x, long y) => x == y;

    public int GetHashCode(long obj) => (int)(((ulong)obj * 0x9E3779B97F4A7C15UL) >> 32);
}
