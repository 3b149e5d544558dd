using System.IO.Compression;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Parley.Learning;

/// <summary>
/// A compiled, read-only averaged perceptron: for each hashed feature, the classes with non-zero
/// weight. Scoring allocates nothing, and one instance is safe to share across threads.
/// Stored compressed with weights quantised to 16-bit floats; a model whose weights are all 16-bit
/// floats (as loaded) scores with the layout of <see cref="PackedWeightTable"/>.
/// </summary>
public sealed class PerceptronModel
{
    private readonly int _classes;
    private readonly PackedWeightTable? _table;  // when all weights are 16-bit floats (as loaded from a file)
    private readonly Slot[] _slots = [];         // otherwise: open addressing by feature key, Key 0 = empty
    private readonly Entry[] _entries = [];      // and the weights (compiled in memory, not yet quantised)
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
        if (Packable(classes, values))
        {
            _table = new PackedWeightTable(classes, keys, offsets, classIds, values);
            return;
        }
        // Load factor between 1/3 and 2/3.
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, keys.Length + keys.Length / 2));
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

    // True when every weight is exactly a 16-bit float (as loaded from a file) and every class fits
    // in the bits such a weight leaves free.
    private static bool Packable(int classes, float[] values)
    {
        if (classes > PackedWeightTable.MaxClasses)
        {
            return false;
        }
        foreach (var value in values)
        {
            if ((BitConverter.SingleToUInt32Bits(value) & 0x1FFF) != 0)
            {
                return false;
            }
        }
        return true;
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
        if (_table is not null)
        {
            _table.Score(features, scores);
            return;
        }
        scores = scores[.._classes];
        scores.Clear();
        // Batches bound the stack the slot indexes take.
        Span<int> found = stackalloc int[Math.Min(features.Length, MaxBatch)];
        for (var i = 0; i < features.Length; i += MaxBatch)
        {
            var batch = features[i..Math.Min(features.Length, i + MaxBatch)];
            Resolve(batch, found);
            AddResolved(found[..batch.Length], scores);
        }
    }

    private const int MaxBatch = 128;

    // Looks up each feature: its slot, or -1 when the model lacks it, into `found`, leaving its
    // weights in the cache for AddResolved. Two passes so that the cache misses of different
    // features overlap instead of queueing: the first only loads each feature's home slot (no branch
    // depends on the loads, so the processor issues them all at once), the second probes the now
    // cached slots and loads each feature's first weight. Returns a value mixed from the loads, of
    // no meaning. Not inlined: the touching loads feed only the returned value, which the caller
    // ignores, and inlining would let the compiler drop them.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ulong Resolve(ReadOnlySpan<ulong> features, Span<int> found)
    {
        var slots = _slots;
        var entries = _entries;
        ulong touch = 0;
        for (var i = 0; i < features.Length; i++)
        {
            var slot = (int)(Scramble(KeyOf(features[i])) & (uint)_mask);
            found[i] = slot;
            touch ^= slots[slot].Key;
        }
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
                        touch += (uint)entries[candidate.Start].Class;
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
        return touch;
    }

    // Adds the weights of the found features, feature by feature in the given order.
    private void AddResolved(ReadOnlySpan<int> found, Span<float> scores)
    {
        var slots = _slots;
        var entries = _entries;
        foreach (var slot in found)
        {
            if (slot < 0)
            {
                continue;
            }
            ref readonly var hit = ref slots[slot];
            for (var e = hit.Start; e < hit.End; e++)
            {
                ref readonly var entry = ref entries[e];
                scores[entry.Class] += entry.Value;
            }
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

    /// <summary>
    /// A copy without the weights smaller than <paramref name="threshold"/> in magnitude (and without
    /// features left with none): smaller and faster to score, at some cost in accuracy.
    /// </summary>
    public PerceptronModel Prune(float threshold)
    {
        var pruned = new SparseWeightsFile.Contents(_classes, _keys, _offsets, _classIds, _values).Prune(threshold);
        return new PerceptronModel(pruned.Classes, pruned.Keys, pruned.Offsets, pruned.ClassIds, pruned.Values);
    }

    /// <summary>
    /// The ensemble of <paramref name="models"/> as one model: the mean of their weights
    /// (see <see cref="SparseWeightsFile.Contents.Average"/>), which scores as the mean of their scores.
    /// </summary>
    public static PerceptronModel Average(IReadOnlyList<PerceptronModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        var sets = new SparseWeightsFile.Contents[models.Count];
        for (var m = 0; m < sets.Length; m++)
        {
            sets[m] = new SparseWeightsFile.Contents(models[m]._classes, models[m]._keys, models[m]._offsets, models[m]._classIds, models[m]._values);
        }
        var mean = SparseWeightsFile.Contents.Average(sets);
        return new PerceptronModel(mean.Classes, mean.Keys, mean.Offsets, mean.ClassIds, mean.Values);
    }

    private static ulong Scramble(ulong key) => (key ^ (key >> 29)) * 0xBF58476D1CE4E5B9UL >> 7;
}
