using System.Numerics;

namespace Parley.Learning;

/// <summary>
/// The scoring layout of compiled perceptron weights that are all 16-bit floats: a 16-byte
/// open-addressing slot per feature, holding a 32-bit fingerprint of the feature's key and its first
/// three weights, so that most features (those with at most three classes) cost one memory access;
/// the weights of the rest continue in a separate array. A weight takes 4 bytes: its 16-bit-precision
/// value with the class packed into the low mantissa bits a 16-bit float leaves empty. The few
/// features with weights for many classes (a bias, a tag pair) are the ones nearly every decision
/// looks up; their weights past the first two are also kept as a dense row of all classes, added
/// several classes per instruction. Slots are aligned so that none straddles two cache lines.
/// Read-only; safe to share across threads.
/// A feature absent from the table matches a present one only if their fingerprints agree within
/// one probe run, which is negligible in practice.
/// </summary>
internal sealed class PackedWeightTable
{
    /// <summary>Largest number of classes: class ids use 12 of the 13 spare mantissa bits.</summary>
    public const int MaxClasses = 4096;

    /// <summary>Bits of a weight word that hold its value.</summary>
    public const uint ValueMask = ~0x1FFFu;

    private const uint LastFlag = 1;
    private const uint DenseFlag = 2;
    private const int MaxBatch = 128;

    private readonly int _classes;
    private readonly uint[] _slots;   // from _base, four words per slot: fingerprint (0 = empty), three weights
    private readonly int _base;
    private readonly uint _size;      // number of slots
    private readonly uint[] _rest;    // weights beyond a feature's second, for features with more than three
    private readonly float[] _dense;  // rows of _classes scores: weights beyond the second of the densest features

    /// <summary>
    /// Lays out the weights: feature <c>i</c> (key <paramref name="keys"/>[i]) owns entries
    /// <c>[offsets[i], offsets[i + 1])</c>; every value must be exactly a 16-bit float.
    /// </summary>
    public PackedWeightTable(int classes, ulong[] keys, int[] offsets, ushort[] classIds, float[] values)
    {
        if (classes > MaxClasses)
        {
            throw new ArgumentOutOfRangeException(nameof(classes), $"A packed perceptron holds at most {MaxClasses} classes.");
        }
        _classes = classes;
        // Load factor about 2/3: probe runs stay short, and four slots share a cache line.
        _size = (uint)Math.Max(16, keys.Length + keys.Length / 2);
        // Pinned and aligned, so that no slot straddles two cache lines; a large table on large pages.
        _slots = LargePages.Allocate<uint>(checked((int)_size * 4), out _base);
        int rest = 0, rows = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            var count = offsets[i + 1] - offsets[i];
            if (IsDense(count))
            {
                rows++;
            }
            else
            {
                rest += count > 3 ? count - 2 : 0;
            }
        }
        // Pinned, as the slots are, so that scoring may prefetch into them (LargePages.Touch).
        _rest = GC.AllocateArray<uint>(rest, pinned: true);
        _dense = GC.AllocateArray<float>(checked(rows * classes), pinned: true);
        rest = 0;
        rows = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            var start = offsets[i];
            var count = offsets[i + 1] - start;
            if (count == 0)
            {
                continue;
            }
            var mixed = Mixed(keys[i]);
            var at = _base + 4 * SlotOf(mixed);
            while (_slots[at] != 0)
            {
                at = Next(at);
            }
            _slots[at] = FingerprintOf(mixed);
            if (count <= 3)
            {
                for (var e = 0; e < count; e++)
                {
                    _slots[at + 1 + e] = Word(classIds[start + e], values[start + e], e == count - 1);
                }
                continue;
            }
            // Two weights in the slot; the third word points to the rest (low bits 00) or to a dense row (10).
            _slots[at + 1] = Word(classIds[start], values[start], false);
            _slots[at + 2] = Word(classIds[start + 1], values[start + 1], false);
            if (IsDense(count))
            {
                _slots[at + 3] = ((uint)rows << 2) | DenseFlag;
                for (var e = 2; e < count; e++)
                {
                    _dense[rows * classes + classIds[start + e]] = values[start + e];
                }
                rows++;
                continue;
            }
            _slots[at + 3] = (uint)rest << 2;
            for (var e = 2; e < count; e++)
            {
                _rest[rest++] = Word(classIds[start + e], values[start + e], e == count - 1);
            }
        }
    }

    // A dense row costs a sixth of the classes in vector additions (eight lanes, plus loads and
    // stores) against one scattered addition per weight.
    private bool IsDense(int count) => count * 6 >= _classes && count > 3;

    /// <summary>The 4-byte form of one weight (16-bit precision, class in the spare mantissa bits).</summary>
    public static uint Word(int classId, float value, bool last) =>
        (BitConverter.SingleToUInt32Bits(value) & ValueMask) | ((uint)classId << 1) | (last ? LastFlag : 0);

    /// <summary>Sets the first <c>classes</c> entries of <paramref name="scores"/> to the summed weights of the features.</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores = scores[.._classes];
        scores.Clear();
        // Batches bound the stack the passes take.
        for (var i = 0; i < features.Length; i += MaxBatch)
        {
            AddBatch(features[i..Math.Min(features.Length, i + MaxBatch)], scores);
        }
    }

    // Three passes so that the cache misses of different features overlap instead of queueing: the
    // first only prefetches each feature's home slot (LargePages.Touch), the second probes the now
    // cached slots and prefetches the first spilled weight of the features that have some, the third adds the weights feature by feature in the
    // given order, so every score is the same sum, in the same order, as a plain loop would make.
    private void AddBatch(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        var slots = _slots;
        var rest = _rest;
        Span<int> found = stackalloc int[features.Length];
        Span<uint> fingerprints = stackalloc uint[features.Length];
        uint touch = 0;
        for (var i = 0; i < features.Length; i++)
        {
            var mixed = Mixed(features[i]);
            var at = _base + 4 * SlotOf(mixed);
            found[i] = at;
            fingerprints[i] = FingerprintOf(mixed);
            touch ^= LargePages.Touch(ref slots[at]);
        }
        for (var i = 0; i < features.Length; i++)
        {
            var fingerprint = fingerprints[i];
            var at = found[i];
            while (true)
            {
                var candidate = slots[at];
                if (candidate == fingerprint)
                {
                    var third = slots[at + 3];
                    if ((slots[at + 2] & LastFlag) == 0 && (slots[at + 1] & LastFlag) == 0 && (third & LastFlag) == 0)
                    {
                        touch ^= (third & DenseFlag) != 0
                            ? LargePages.Touch(ref _dense[(int)(third >> 2) * _classes])
                            : LargePages.Touch(ref rest[(int)(third >> 2)]);
                    }
                    break;
                }
                if (candidate == 0)
                {
                    at = -1;
                    break;
                }
                at = Next(at);
            }
            found[i] = at;
        }
        foreach (var at in found)
        {
            if (at < 0)
            {
                continue;
            }
            var w = slots[at + 1];
            Add(scores, w);
            if ((w & LastFlag) != 0)
            {
                continue;
            }
            w = slots[at + 2];
            Add(scores, w);
            if ((w & LastFlag) != 0)
            {
                continue;
            }
            w = slots[at + 3];
            if ((w & LastFlag) != 0)
            {
                Add(scores, w);
                continue;
            }
            if ((w & DenseFlag) != 0)
            {
                AddRow(scores, _dense.AsSpan((int)(w >> 2) * _classes, _classes));
                continue;
            }
            var e = (int)(w >> 2);
            do
            {
                w = rest[e++];
                Add(scores, w);
            }
            while ((w & LastFlag) == 0);
        }
        // Keeps the touching loads from being removed; never true for a real table.
        if (touch == 1 && found.Length == 0)
        {
            scores[0] += 0;
        }
    }

    // Adds a dense row; adding 0 to a class the feature has no weight for leaves its score as it was.
    private static void AddRow(Span<float> scores, ReadOnlySpan<float> row)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= row.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                (new Vector<float>(scores[i..]) + new Vector<float>(row[i..])).CopyTo(scores[i..]);
            }
        }
        for (; i < row.Length; i++)
        {
            scores[i] += row[i];
        }
    }

    private static void Add(Span<float> scores, uint w) =>
        scores[(int)((w >> 1) & (MaxClasses - 1))] += BitConverter.UInt32BitsToSingle(w & ValueMask);

    // Index of the slot after the one at `at`, wrapping at the end.
    private int Next(int at)
    {
        at += 4;
        return at == _base + 4 * (int)_size ? _base : at;
    }

    // The key mixed so that every bit of it moves about half of the bits of the result (SplitMix64's
    // finalizer): feature hashes of similar strings can share many bits, and the slot (from the high
    // half) and the fingerprint (the low half) must tell such keys apart independently.
    private static ulong Mixed(ulong key)
    {
        key = (key ^ (key >> 30)) * 0xBF58476D1CE4E5B9UL;
        key = (key ^ (key >> 27)) * 0x94D049BB133111EBUL;
        return key ^ (key >> 31);
    }

    // 0 marks an empty slot, so fingerprints are never 0.
    private static uint FingerprintOf(ulong mixed) => (uint)mixed | 1;

    // The high half mapped onto the slots by multiplying (any table size works).
    private int SlotOf(ulong mixed) => (int)((mixed >> 32) * _size >> 32);
}
