namespace Parley.Learning;

/// <summary>
/// Trains a multi-class averaged perceptron whose weights are stored sparsely: only the
/// (feature, class) pairs that were ever updated take memory. Suited to many classes (a parser's
/// labelled transitions) where a dense row per feature would not fit. Compiles to the same
/// read-only <see cref="PerceptronModel"/> as <see cref="PerceptronTrainer"/>. Deterministic: the
/// same sequence of updates gives the same model bytes.
/// </summary>
public sealed class SparsePerceptronTrainer
{
    private readonly int _classes;
    // Feature → index of its first entry; entries of one feature form a chain through _next.
    private readonly Dictionary<ulong, int> _first = [];
    private int[] _next = new int[1024];
    private ushort[] _class = new ushort[1024];
    private float[] _weight = new float[1024];
    private double[] _total = new double[1024];
    private int[] _stamp = new int[1024];
    private int _count;
    private int _instances;

    /// <summary>Creates a trainer for <paramref name="classes"/> classes (at most 65,536).</summary>
    public SparsePerceptronTrainer(int classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(classes, ushort.MaxValue + 1);
        _classes = classes;
    }

    /// <summary>Number of classes.</summary>
    public int Classes => _classes;

    /// <summary>Number of distinct features seen in updates.</summary>
    public int FeatureCount => _first.Count;

    /// <summary>Number of (feature, class) weights held.</summary>
    public int WeightCount => _count;

    /// <summary>Sets the first <see cref="Classes"/> entries of <paramref name="scores"/> to the current (unaveraged) summed weights.</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores[.._classes].Clear();
        foreach (var feature in features)
        {
            if (_first.TryGetValue(feature, out var e))
            {
                for (; e >= 0; e = _next[e])
                {
                    scores[_class[e]] += _weight[e];
                }
            }
        }
    }

    /// <summary>Marks the end of one training instance (advances the averaging clock).</summary>
    public void NextInstance() => _instances++;

    /// <summary>Rewards <paramref name="truth"/> and penalises <paramref name="guess"/> for the features; no-op when equal.</summary>
    public void Update(ReadOnlySpan<ulong> features, int truth, int guess, float amount = 1f)
    {
        if (truth == guess)
        {
            return;
        }
        foreach (var feature in features)
        {
            Bump(feature, truth, amount);
            if (guess >= 0)
            {
                Bump(feature, guess, -amount);
            }
        }
    }

    private void Bump(ulong feature, int c, float amount)
    {
        int e;
        if (_first.TryGetValue(feature, out var head))
        {
            var last = -1;
            for (e = head; e >= 0 && _class[e] != c; e = _next[e])
            {
                last = e;
            }
            if (e < 0)
            {
                e = NewEntry(c);
                _next[last] = e;
            }
        }
        else
        {
            e = NewEntry(c);
            _first.Add(feature, e);
        }
        // Lazy averaging: the weight held its value since its last change.
        _total[e] += (double)(_instances - _stamp[e]) * _weight[e];
        _stamp[e] = _instances;
        _weight[e] += amount;
    }

    private int NewEntry(int c)
    {
        if (_count == _next.Length)
        {
            var size = _count * 2;
            Array.Resize(ref _next, size);
            Array.Resize(ref _class, size);
            Array.Resize(ref _weight, size);
            Array.Resize(ref _total, size);
            Array.Resize(ref _stamp, size);
        }
        var e = _count++;
        _next[e] = -1;
        _class[e] = (ushort)c;
        _weight[e] = 0;
        _total[e] = 0;
        _stamp[e] = _instances;
        return e;
    }

    /// <summary>
    /// Averages the weights over all instances and compiles the read-only model. Entries whose averaged
    /// weight is below <paramref name="threshold"/> in magnitude are dropped. Training may go on after.
    /// </summary>
    public PerceptronModel Compile(float threshold = 1e-3f)
    {
        var (keys, offsets, classes, values) = Average(threshold);
        return new PerceptronModel(_classes, keys, offsets, classes, values);
    }

    /// <summary>
    /// Like <see cref="Compile"/>, but gives the layout that scores faster when every decision looks up
    /// many features. Training may go on after.
    /// </summary>
    public PackedPerceptronModel CompilePacked(float threshold = 1e-3f)
    {
        var (keys, offsets, classes, values) = Average(threshold);
        return new PackedPerceptronModel(_classes, keys, offsets, classes, values);
    }

    private (ulong[] Keys, int[] Offsets, ushort[] Classes, float[] Values) Average(float threshold)
    {
        var keys = new ulong[_first.Count];
        _first.Keys.CopyTo(keys, 0);
        Array.Sort(keys);
        var entryKeys = new List<ulong>(keys.Length);
        var offsets = new List<int>(keys.Length + 1);
        var classes = new List<ushort>();
        var values = new List<float>();
        var instances = Math.Max(1, _instances);
        var row = new List<(ushort Class, float Value)>();
        foreach (var key in keys)
        {
            row.Clear();
            for (var e = _first[key]; e >= 0; e = _next[e])
            {
                var total = _total[e] + (double)(_instances - _stamp[e]) * _weight[e];
                var average = (float)(total / instances);
                if (MathF.Abs(average) >= threshold)
                {
                    row.Add((_class[e], average));
                }
            }
            if (row.Count == 0)
            {
                continue;
            }
            // Chains hold classes in update order; sort so the compiled layout depends only on the weights.
            row.Sort(static (a, b) => a.Class.CompareTo(b.Class));
            entryKeys.Add(key);
            offsets.Add(classes.Count);
            foreach (var (c, v) in row)
            {
                classes.Add(c);
                values.Add(v);
            }
        }
        offsets.Add(classes.Count);
        return ([.. entryKeys], [.. offsets], [.. classes], [.. values]);
    }
}
