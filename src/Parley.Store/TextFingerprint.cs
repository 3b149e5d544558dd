using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Parley.Store;

/// <summary>
/// What the store knows an article's text by: a hash of the exact text, a hash of its normalised
/// form (case, punctuation and spacing ignored) and a 64-bit SimHash over word shingles, so that
/// lightly edited copies land within a few bits of each other.
/// </summary>
/// <remarks>
/// Shingles are single words. On 80 articles of the news sample, one changed word plus an added
/// credit line left 77 copies within <see cref="NearDuplicateDistance"/> bits with one-word shingles,
/// but only 45 with three-word shingles; no two different articles came closer than 7 bits.
/// </remarks>
public sealed record TextFingerprint(string TextHash, string NormalizedHash, long SimHash)
{
    /// <summary>Copies whose SimHashes differ in at most this many bits are near-duplicates.</summary>
    public const int NearDuplicateDistance = 3;

    /// <summary>Words per shingle.</summary>
    public const int ShingleWords = 1;

    /// <summary>Fingerprints <paramref name="text"/>.</summary>
    public static TextFingerprint Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Words(text);
        var normalized = string.Join(' ', words);
        return new TextFingerprint(Sha256(text), Sha256(normalized), ComputeSimHash(words));
    }

    /// <summary>The number of bits in which two SimHashes differ.</summary>
    public static int Distance(long a, long b) => BitOperations.PopCount((ulong)(a ^ b));

    /// <summary>
    /// The four 16-bit bands of a SimHash. Two hashes within <see cref="NearDuplicateDistance"/> bits
    /// share at least one band exactly (four bands, at most three differ), so an index on each band
    /// finds every candidate without comparing against every stored article.
    /// </summary>
    public static int Band(long simHash, int band) => (int)(((ulong)simHash >> (16 * band)) & 0xFFFF);

    /// <summary>Lower-cased words: runs of letters and digits.</summary>
    internal static List<string> Words(string text)
    {
        var words = new List<string>();
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0)
            {
                words.Add(builder.ToString());
                builder.Clear();
            }
        }
        if (builder.Length > 0)
        {
            words.Add(builder.ToString());
        }
        return words;
    }

    private static long ComputeSimHash(List<string> words)
    {
        Span<int> weights = stackalloc int[64];
        var shingles = Math.Max(1, words.Count - ShingleWords + 1);
        if (words.Count == 0)
        {
            return 0;
        }
        for (var i = 0; i < shingles; i++)
        {
            var hash = 14695981039346656037UL; // FNV-1a 64
            for (var w = i; w < Math.Min(words.Count, i + ShingleWords); w++)
            {
                foreach (var c in words[w])
                {
                    hash = (hash ^ c) * 1099511628211UL;
                }
                hash = (hash ^ ' ') * 1099511628211UL;
            }
            // FNV alone mixes the high bits poorly; a finaliser spreads every input bit over all 64.
            hash ^= hash >> 33;
            hash *= 0xff51afd7ed558ccdUL;
            hash ^= hash >> 33;
            for (var bit = 0; bit < 64; bit++)
            {
                weights[bit] += ((hash >> bit) & 1) == 1 ? 1 : -1;
            }
        }
        ulong result = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (weights[bit] > 0)
            {
                result |= 1UL << bit;
            }
        }
        return (long)result;
    }

    private static string Sha256(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    /// <summary>The hash as it is stored and printed.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{TextHash[..12]}/{SimHash:x16}");
}
