namespace Parley.Learning;

/// <summary>
/// Trains a multi-class averaged perceptron over hashed features. Each feature keeps a sparse row of
/// only the classes it was ever updated for, so memory grows with the updates made, not with
/// features × classes; <see cref="Compile"/> averages the weights and keeps only the non-zero entries
/// in a compact, read-only <see cref="PerceptronModel"/>. Deterministic: the same sequence of updates
/// gives the same model bytes.
/// </summary>
public sealed class PerceptronTrainer
{
    private readonly int _classes;
    private readonly Dictionary<ulong, int> _rows = [];
    private readonly List<Cell[]> _cells = [];
    private readonly List<int> _counts = [];
    private int _instances;

    // One (class, weight) pair of a feature's sparse row with its lazy-averaging state.
    private struct Cell
    {
        public int Class;
        public float Weight;
        public float Total;
        public int Stamp;
    }

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

    /// <summary>Sets <paramref name="scores"/> to the summed current (unaveraged) weights of <paramref name="features"/>.</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        foreach (var feature in features)
        {
            if (_rows.TryGetValue(feature, out var row))
            {
                var cells = _cells[row];
                var count = _counts[row];
                for (var i = 0; i < count; i++)
                {
                    scores[cells[i].Class] += cells[i].Weight;
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
                row = _cells.Count;
                _rows.Add(feature, row);
                _cells.Add(new Cell[2]);
                _counts.Add(0);
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
        var cells = _cells[row];
        var count = _counts[row];
        var i = 0;
        while (i < count && cells[i].Class != c)
        {
            i++;
        }
        if (i == count)
        {
            if (count == cells.Length)
            {
                Array.Resize(ref cells, count * 2);
                _cells[row] = cells;
            }
            cells[i] = new Cell { Class = c, Stamp = _instances };
            _counts[row] = count + 1;
        }
        ref var cell = ref cells[i];
        // Lazy averaging: the weight held its value since its last change.
        cell.Total += (_instances - cell.Stamp) * cell.Weight;
        cell.Stamp = _instances;
        cell.Weight += amount;
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
        var averages = new float[_classes];
        var present = new bool[_classes];
        foreach (var key in keys)
        {
            var row = _rows[key];
            var cells = _cells[row];
            var count = _counts[row];
            for (var i = 0; i < count; i++)
            {
                var total = cells[i].Total + (_instances - cells[i].Stamp) * cells[i].Weight;
                averages[cells[i].Class] = total / instances;
                present[cells[i].Class] = true;
            }
            var start = classes.Count;
            // Entries in class order, as the dense layout gave, so the bytes do not depend on update order.
            for (var c = 0; c < _classes; c++)
            {
                if (!present[c])
                {
                    continue;
                }
                present[c] = false;
                if (MathF.Abs(averages[c]) >= threshold)
                {
                    classes.Add((ushort)c);
                    values.Add(averages[c]);
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
