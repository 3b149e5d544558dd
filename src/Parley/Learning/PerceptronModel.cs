using System.IO.Compression;
using System.Numerics;

namespace Parley.Learning;

/// <summary>
/// A compiled, read-only averaged perceptron: for each hashed feature, the classes with non-zero
/// weight. Scoring allocates nothing, and one instance is safe to share across threads.
/// Stored compressed with weights quantised to 16-bit floats.
/// </summary>
public sealed class PerceptronModel
{
    private readonly int _classes;
    private readonly Slot[] _slots;      // open addressing by feature key, Key 0 = empty
    private readonly Entry[] _entries;   // (class, weight) pairs, each feature's contiguous
    private readonly int[] _offsets;     // entries [offsets[i], offsets[i+1]) belong to feature i
    private readonly ushort[] _classIds;
    private readonly float[] _values;
    private readonly ulong[] _keys;
    private readonly int _mask;

    // Key and entry range side by side, and class with weight side by side, so scoring one feature
    // touches two cache lines instead of four: lookups, not arithmetic, bound tagging speed.
    private struct Slot
    {
        public ulong Key;
        public int Start;
        public int End;
    }

    private struct Entry
    {
        public int Class;
        public float Value;
    }

    internal PerceptronModel(int classes, ulong[] keys, int[] offsets, ushort[] classIds, float[] values)
    {
        _classes = classes;
        _keys = keys;
        _offsets = offsets;
        _classIds = classIds;
        _values = values;
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, keys.Length * 2));
        _mask = size - 1;
        _slots = new Slot[size];
        _entries = new Entry[values.Length];
        for (var e = 0; e < values.Length; e++)
        {
            _entries[e] = new Entry { Class = classIds[e], Value = values[e] };
        }
        for (var i = 0; i < keys.Length; i++)
        {
            var key = KeyOf(keys[i]);
            var slot = (int)(Scramble(key) & (uint)_mask);
            while (_slots[slot].Key != 0)
            {
                slot = (slot + 1) & _mask;
            }
            _slots[slot] = new Slot { Key = key, Start = offsets[i], End = offsets[i + 1] };
        }
    }

    /// <summary>Number of classes.</summary>
    public int Classes => _classes;

    /// <summary>Number of features with at least one non-zero weight.</summary>
    public int FeatureCount => _keys.Length;

    /// <summary>Number of stored (feature, class) weights.</summary>
    public int WeightCount => _values.Length;

    /// <summary>Sets <paramref name="scores"/> (length ≥ <see cref="Classes"/>) to the summed weights of the features.</summary>
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
    // first only loads each feature's home slot (no branch depends on the loads, so the processor
    // issues them all at once), the second probes the now cached slots and loads each feature's first
    // weight, the third adds the weights. Weights are added feature by feature in the given order,
    // so the sums are bit for bit those of adding them one feature at a time.
    private void AddBatch(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        var slots = _slots;
        var entries = _entries;
        Span<int> found = stackalloc int[features.Length];
        ulong touch = 0;
        for (var i = 0; i < features.Length; i++)
        {
            var slot = (int)(Scramble(KeyOf(features[i])) & (uint)_mask);
            found[i] = slot;
            touch ^= slots[slot].Key;
        }
        var touched = 0;
        for (var i = 0; i < features.Length; i++)
        {
            var key = KeyOf(features[i]);
            var slot = found[i];
            while (true)
            {
                ref readonly var candidate = ref slots[slot];
                if (candidate.Key == key)
                {
                    if (candidate.Start < candidate.End)
                    {
                        touched ^= entries[candidate.Start].Class;
                    }
                    break;
                }
                if (candidate.Key == 0)
                {
                    slot = -1;
                    break;
                }
                slot = (slot + 1) & _mask;
            }
            found[i] = slot;
        }
        for (var i = 0; i < features.Length; i++)
        {
            if (found[i] < 0)
            {
                continue;
            }
            ref readonly var hit = ref slots[found[i]];
            for (var e = hit.Start; e < hit.End; e++)
            {
                ref readonly var entry = ref entries[e];
                scores[entry.Class] += entry.Value;
            }
        }
        // Keeps the touching loads from being removed; never true for a real model.
        if (touch == 1 && touched == 1)
        {
            scores[0] += 0;
        }
    }

    // Key 0 marks an empty slot; a feature hashing to 0 is remapped (vanishingly rare).
    private static ulong KeyOf(ulong feature) => feature == 0 ? 1 : feature;

    /// <summary>The best class (lowest index wins ties).</summary>
    public int Predict(ReadOnlySpan<ulong> features, Span<float> scratch)
    {
        Score(features, scratch);
        return ArgMax(scratch[.._classes]);
    }

    /// <summary>Index of the largest value (lowest index wins ties).</summary>
    public static int ArgMax(ReadOnlySpan<float> scores)
    {
        var best = 0;
        for (var i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best])
            {
                best = i;
            }
        }
        return best;
    }

    /// <summary>Writes the model, compressed, weights as 16-bit floats. Same model, same bytes.</summary>
    public void Save(Stream stream) => SparseWeightsFile.Write(stream, _classes, _keys, _offsets, _classIds, _values);

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a model of this format.</exception>
    public static PerceptronModel Load(Stream stream)
    {
        var file = SparseWeightsFile.Read(stream, "Perceptron model");
        return new PerceptronModel(file.Classes, file.Keys, file.Offsets, file.ClassIds, file.Values);
    }

    private static ulong Scramble(ulong key) => (key ^ (key >> 29)) * 0xBF58476D1CE4E5B9UL >> 7;
}
