namespace Parley.Learning;

/// <summary>
/// A matrix of a neural model (rows × cols, row-major) with, while it is trained, its gradient and the
/// moment estimates of the Adam optimiser (Kingma and Ba, 2015). A sparse parameter (an embedding
/// table) updates only the rows that received a gradient since the last step.
/// </summary>
internal sealed class DenseParameter
{
    private const float Beta1 = 0.9f;
    private const float Beta2 = 0.999f;
    private const float Epsilon = 1e-8f;

    private float[]? _gradient;
    private float[]? _average;
    private float[]? _mean;
    private float[]? _variance;
    private bool[]? _touched;

    /// <summary>A parameter of the given size, every value drawn uniformly from ±<paramref name="scale"/>.</summary>
    public DenseParameter(int rows, int cols, Random random, float scale, bool sparse = false)
        : this(rows, cols, new float[rows * cols], sparse)
    {
        for (var i = 0; i < Values.Length; i++)
        {
            Values[i] = (float)((random.NextDouble() * 2 - 1) * scale);
        }
    }

    /// <summary>A parameter over the given values (a loaded model).</summary>
    public DenseParameter(int rows, int cols, float[] values, bool sparse = false)
    {
        if (values.Length != rows * cols)
        {
            throw new InvalidDataException($"A {rows} × {cols} parameter has {values.Length} values.");
        }
        Rows = rows;
        Cols = cols;
        Values = values;
        Sparse = sparse;
    }

    public int Rows { get; }

    public int Cols { get; }

    public float[] Values { get; }

    public bool Sparse { get; }

    /// <summary>Row <paramref name="row"/> of the values.</summary>
    public Span<float> Row(int row) => Values.AsSpan(row * Cols, Cols);

    /// <summary>The whole gradient (allocated on first use).</summary>
    public float[] Gradient => _gradient ??= new float[Values.Length];

    /// <summary>Row <paramref name="row"/> of the gradient, marked for the next step.</summary>
    public Span<float> GradientRow(int row)
    {
        if (Sparse)
        {
            (_touched ??= new bool[Rows])[row] = true;
        }
        return Gradient.AsSpan(row * Cols, Cols);
    }

    /// <summary>One Adam step of learning rate <paramref name="rate"/> (step number <paramref name="step"/>, from 1); clears the gradient.</summary>
    public void Step(float rate, int step)
    {
        var gradient = Gradient;
        _mean ??= new float[Values.Length];
        _variance ??= new float[Values.Length];
        var alpha = rate * MathF.Sqrt(1 - MathF.Pow(Beta2, step)) / (1 - MathF.Pow(Beta1, step));
        if (!Sparse)
        {
            Update(0, Values.Length);
            return;
        }
        if (_touched is null)
        {
            return;
        }
        for (var r = 0; r < Rows; r++)
        {
            if (_touched[r])
            {
                Update(r * Cols, Cols);
                _touched[r] = false;
            }
        }

        void Update(int from, int count)
        {
            var values = Values;
            var mean = _mean;
            var variance = _variance;
            for (var i = from; i < from + count; i++)
            {
                var g = gradient[i];
                mean[i] = Beta1 * mean[i] + (1 - Beta1) * g;
                variance[i] = Beta2 * variance[i] + (1 - Beta2) * g * g;
                values[i] -= alpha * mean[i] / (MathF.Sqrt(variance[i]) + Epsilon);
                gradient[i] = 0;
            }
        }
    }

    /// <summary>
    /// Moves the running average of the values towards them: <c>average = decay · average + (1 − decay) · values</c>
    /// (the first call starts it at the values). Parsing with the average of the last few thousand steps'
    /// weights is steadier than with the last step's.
    /// </summary>
    public void Accumulate(float decay)
    {
        if (_average is null)
        {
            _average = (float[])Values.Clone();
            return;
        }
        var values = Values;
        var average = _average;
        var keep = 1 - decay;
        for (var i = 0; i < values.Length; i++)
        {
            average[i] += keep * (values[i] - average[i]);
        }
    }

    /// <summary>Exchanges the values with their running average (see <see cref="Accumulate"/>); a second call swaps them back.</summary>
    public void SwapAverage()
    {
        if (_average is null)
        {
            return;
        }
        var values = Values;
        for (var i = 0; i < values.Length; i++)
        {
            (values[i], _average[i]) = (_average[i], values[i]);
        }
    }
}
