namespace Parley.Learning;

/// <summary>
/// Trains a multi-class averaged perceptron over hashed features. Weights are kept per feature as a
/// dense row over the classes while training; <see cref="Compile"/> averages them and keeps only the
/// non-zero entries in a compact, read-only <see cref="PerceptronModel"/>. Deterministic: the same
/// sequence of updates gives the same model bytes.
/// </summary>
public sealed class PerceptronTrainer
{
    private readonly int _classes;
    private readonly Dictionary<ulong, int> _rows = [];
    private readonly List<float[]> _weights = [];
    private readonly List<float[]> _totals = [];
    private readonly List<int[]> _stamps = [];
    private int _instances;

    /// <summary>Creates a trainer for <paramref name="classes"/> classes.</summary>
    public PerceptronTrainer(int classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        _classes = classes;
    }

    /// <summary>Number of classes.</summary>
    public int Classes => _classes;

    /// <summary>Number of distinct features seen in updates.</summary>
    public int FeatureCount => _rows.Count;

    /// <summary>Adds the current (unaveraged) weights of <paramref name="features"/> to <paramref name="scores"/>.</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        foreach (var feature in features)
        {
            if (_rows.TryGetValue(feature, out var row))
            {
                var weights = _weights[row];
                for (var c = 0; c < _classes; c++)
                {
                    scores[c] += weights[c];
                }
            }
        }
    }

    /// <summary>The best class for the features under the current weights (lowest index wins ties).</summary>
    public int Predict(ReadOnlySpan<ulong> features, Span<float> scratch)
    {
        Score(features, scratch);
        return PerceptronModel.ArgMax(scratch[.._classes]);
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
            if (!_rows.TryGetValue(feature, out var row))
            {
                row = _weights.Count;
                _rows.Add(feature, row);
                _weights.Add(new float[_classes]);
                _totals.Add(new float[_classes]);
                _stamps.Add(new int[_classes]);
            }
            Bump(row, truth, amount);
            if (guess >= 0)
            {
                Bump(row, guess, -amount);
            }
        }
    }

    private void Bump(int row, int c, float amount)
    {
        var weights = _weights[row];
        var totals = _totals[row];
        var stamps = _stamps[row];
        // Lazy averaging: the weight held its value since its last change.
        totals[c] += (_instances - stamps[c]) * weights[c];
        stamps[c] = _instances;
        weights[c] += amount;
    }

    /// <summary>
    /// Averages the weights over all instances and compiles the read-only model. Entries whose averaged
    /// weight is below <paramref name="threshold"/> in magnitude are dropped. Training may go on after.
    /// </summary>
    public PerceptronModel Compile(float threshold = 1e-3f)
    {
        var keys = new List<ulong>(_rows.Keys);
        keys.Sort();
        var entryKeys = new List<ulong>(keys.Count);
        var offsets = new List<int>(keys.Count + 1);
        var classes = new List<ushort>();
        var values = new List<float>();
        var instances = Math.Max(1, _instances);
        foreach (var key in keys)
        {
            var row = _rows[key];
            var weights = _weights[row];
            var totals = _totals[row];
            var stamps = _stamps[row];
            var start = classes.Count;
            for (var c = 0; c < _classes; c++)
            {
                var total = totals[c] + (_instances - stamps[c]) * weights[c];
                var average = total / instances;
                if (MathF.Abs(average) >= threshold)
                {
                    classes.Add((ushort)c);
                    values.Add(average);
                }
            }
            if (classes.Count > start)
            {
                entryKeys.Add(key);
                offsets.Add(start);
            }
        }
        offsets.Add(classes.Count);
        return new PerceptronModel(_classes, [.. entryKeys], [.. offsets], [.. classes], [.. values]);
    }
}
