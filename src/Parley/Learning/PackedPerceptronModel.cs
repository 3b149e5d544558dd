using System.IO.Compression;
using System.Numerics;

namespace Parley.Learning;

/// <summary>
/// A compiled, read-only averaged perceptron laid out for scoring many features per decision
/// quickly: an 8-byte open-addressing slot per feature (a 32-bit fingerprint of the key and where its
/// weights start) and 4-byte weights, each a 16-bit-precision value with its class packed into the
/// low mantissa bits a 16-bit float leaves empty; the weights of a feature lie next to each other.
/// At most 4,096 classes. Scoring allocates nothing, and one instance is safe to share across
/// threads. Stored compressed with weights quantised to 16-bit floats; loading gives back exactly
/// the stored weights. A feature absent from the model matches a present one only if their 32-bit
/// fingerprints agree in the same probe run, which is negligible in practice.
/// </summary>
public sealed class PackedPerceptronModel
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>Largest number of classes: class ids use 12 of the 13 spare mantissa bits.</summary>
    public const int MaxClasses = 4096;

    private const uint LastFlag = 1;
    private const uint ValueMask = ~0x1FFFu;

    private readonly int _classes;
    private readonly ulong[] _keys;      // sorted feature keys, kept for saving
    private readonly int[] _offsets;     // weights [offsets[i], offsets[i+1]) belong to key i
    private readonly ulong[] _slots;     // from _slotBase: fingerprint << 32 | index of first weight; 0 = empty
    private readonly int _slotBase;
    private readonly uint[] _weights;    // from _weightBase: value bits | class << 1 | last-of-feature flag
    private readonly int _weightBase;
    private readonly int _mask;
    private readonly int _shift;

    internal PackedPerceptronModel(int classes, ulong[] keys, int[] offsets, ushort[] classIds, float[] values)
    {
        if (classes > MaxClasses)
        {
            throw new ArgumentOutOfRangeException(nameof(classes), $"A packed perceptron holds at most {MaxClasses} classes.");
        }
        _classes = classes;
        _keys = keys;
        _offsets = offsets;
        _weights = LargePages.Allocate<uint>(values.Length, out _weightBase);
        for (var i = 0; i < keys.Length; i++)
        {
            for (var e = offsets[i]; e < offsets[i + 1]; e++)
            {
                // Rounding through 16 bits clears the low 13 mantissa bits that carry the class.
                var bits = BitConverter.SingleToUInt32Bits((float)(Half)values[e]) & ValueMask;
                _weights[_weightBase + e] = bits | ((uint)classIds[e] << 1) | (e == offsets[i + 1] - 1 ? LastFlag : 0);
            }
        }
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, keys.Length + keys.Length / 2));
        _mask = size - 1;
        _shift = 64 - BitOperations.Log2((uint)size);
        _slots = LargePages.Allocate<ulong>(size, out _slotBase);
        var slots = _slots.AsSpan(_slotBase, size);
        for (var i = 0; i < keys.Length; i++)
        {
            if (offsets[i] == offsets[i + 1])
            {
                continue;
            }
            var slot = SlotOf(keys[i]);
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }
            slots[slot] = ((ulong)Fingerprint(keys[i]) << 32) | (uint)(_weightBase + offsets[i]);
        }
    }

    /// <summary>Number of classes.</summary>
    public int Classes => _classes;

    /// <summary>Number of features with at least one non-zero weight.</summary>
    public int FeatureCount => _keys.Length;

    /// <summary>Number of stored (feature, class) weights.</summary>
    public int WeightCount => _offsets[^1];

    /// <summary>Sets the first <see cref="Classes"/> entries of <paramref name="scores"/> to the summed weights of the features.</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores = scores[.._classes];
        scores.Clear();
        // Batches bound the stack the passes below take.
        for (var i = 0; i < features.Length; i += MaxBatch)
        {
            AddBatch(features[i..Math.Min(features.Length, i + MaxBatch)], scores);
        }
    }

    private const int MaxBatch = 128;

    // Three passes so that the cache misses of different features overlap instead of queueing: the
    // first only prefetches each feature's slot (LargePages.Touch), the second probes the now cached
    // slots and prefetches each feature's first weight, the third adds the weights.
    private void AddBatch(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        var slots = _slots.AsSpan(_slotBase, _mask + 1);
        var weights = _weights;
        Span<int> slotOf = stackalloc int[features.Length];
        Span<int> starts = stackalloc int[features.Length];
        ulong touch = 0;
        for (var i = 0; i < features.Length; i++)
        {
            var slot = SlotOf(features[i]);
            slotOf[i] = slot;
            touch ^= LargePages.Touch(ref slots[slot]);
        }
        uint touched = 0;
        for (var i = 0; i < features.Length; i++)
        {
            var fingerprint = Fingerprint(features[i]);
            var slot = slotOf[i];
            var start = -1;
            while (true)
            {
                var found = slots[slot];
                if (found == 0)
                {
                    break;
                }
                if ((uint)(found >> 32) == fingerprint)
                {
                    start = (int)(uint)found;
                    touched ^= LargePages.Touch(ref weights[start]);
                    break;
                }
                slot = (slot + 1) & _mask;
            }
            starts[i] = start;
        }
        for (var i = 0; i < features.Length; i++)
        {
            var e = starts[i];
            if (e < 0)
            {
                continue;
            }
            while (true)
            {
                var w = weights[e++];
                scores[(int)((w >> 1) & (MaxClasses - 1))] += BitConverter.UInt32BitsToSingle(w & ValueMask);
                if ((w & LastFlag) != 0)
                {
                    break;
                }
            }
        }
        // Keeps the touching loads from being removed; never true for a real model.
        if (touch == 1 && touched == 1)
        {
            scores[0] += 0;
        }
    }

    /// <summary>
    /// A copy without the weights smaller than <paramref name="threshold"/> in magnitude (and without
    /// features left with none): smaller and faster, at some cost in accuracy.
    /// </summary>
    public PackedPerceptronModel Prune(float threshold)
    {
        var pruned = Contents().Prune(threshold);
        return new PackedPerceptronModel(pruned.Classes, pruned.Keys, pruned.Offsets, pruned.ClassIds, pruned.Values);
    }

    /// <summary>Writes the model, compressed, weights as 16-bit floats. Same model, same bytes.</summary>
    public void Save(Stream stream)
    {
        var contents = Contents();
        SparseWeightsFile.Write(stream, _classes, _keys, _offsets, contents.ClassIds, contents.Values);
    }

    /// <summary>
    /// The ensemble of <paramref name="models"/> as one model: the mean of their weights
    /// (see <see cref="SparseWeightsFile.Contents.Average"/>), which scores as the mean of their scores.
    /// </summary>
    public static PackedPerceptronModel Average(IReadOnlyList<PackedPerceptronModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        var sets = new SparseWeightsFile.Contents[models.Count];
        for (var m = 0; m < sets.Length; m++)
        {
            sets[m] = models[m].Contents();
        }
        var mean = SparseWeightsFile.Contents.Average(sets);
        return new PackedPerceptronModel(mean.Classes, mean.Keys, mean.Offsets, mean.ClassIds, mean.Values);
    }

    private SparseWeightsFile.Contents Contents()
    {
        var classIds = new ushort[WeightCount];
        var values = new float[WeightCount];
        for (var e = 0; e < values.Length; e++)
        {
            var word = _weights[_weightBase + e];
            classIds[e] = (ushort)((word >> 1) & (MaxClasses - 1));
            values[e] = BitConverter.UInt32BitsToSingle(word & ValueMask);
        }
        return new SparseWeightsFile.Contents(_classes, _keys, _offsets, classIds, values);
    }

    /// <summary>Reads a model written by <see cref="Save"/> or by <see cref="PerceptronModel.Save"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a model of this format.</exception>
    public static PackedPerceptronModel Load(Stream stream)
    {
        var file = SparseWeightsFile.Read(stream, "Packed perceptron model");
        if (file.Classes > MaxClasses)
        {
            throw new InvalidDataException("Packed perceptron model header is corrupt.");
        }
        return new PackedPerceptronModel(file.Classes, file.Keys, file.Offsets, file.ClassIds, file.Values);
    }

    // 0 marks an empty slot, so fingerprints are never 0.
    private static uint Fingerprint(ulong key) => (uint)(key >> 32) | 1;

    // Fibonacci hashing: the top bits of the product depend on every bit of the key.
    private int SlotOf(ulong key) => (int)((key * Golden) >> _shift);
}
