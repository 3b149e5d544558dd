using Parley.Learning;

namespace Parley.Syntax;

/// <summary>
/// One direction of a bidirectional LSTM layer: for every step, gates <c>i f g o</c> from the input and
/// the previous output, <c>c = f·c' + i·g</c>, output <c>o·tanh(c)</c>. Read-only once trained; the
/// per-sentence values live in an <see cref="LstmTrace"/>, so one direction serves any number of threads.
/// </summary>
internal sealed class LstmDirection
{
    private float[] _recurrentTransposed = [];

    public LstmDirection(int inputSize, int hiddenSize, bool reverse, DenseParameter weights, DenseParameter bias)
    {
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        Reverse = reverse;
        Weights = weights;
        Bias = bias;
        Refresh();
    }

    /// <summary>A direction with Glorot-uniform weights and a forget-gate bias of 1 (Jozefowicz et al., 2015).</summary>
    public static LstmDirection Create(int inputSize, int hiddenSize, bool reverse, Random random)
    {
        var weights = new DenseParameter(4 * hiddenSize, inputSize + hiddenSize, random, MathF.Sqrt(6f / (inputSize + 2 * hiddenSize)));
        var bias = new DenseParameter(1, 4 * hiddenSize, new float[4 * hiddenSize]);
        bias.Values.AsSpan(hiddenSize, hiddenSize).Fill(1);
        return new LstmDirection(inputSize, hiddenSize, reverse, weights, bias);
    }

    public int InputSize { get; }

    public int HiddenSize { get; }

    /// <summary>True for the direction that reads the sentence from its end.</summary>
    public bool Reverse { get; }

    /// <summary>4H × (input + H): the gates' weights over the input and the previous output.</summary>
    public DenseParameter Weights { get; }

    public DenseParameter Bias { get; }

    /// <summary>Rebuilds the transposed recurrent weights the fast pass reads; call after the weights change.</summary>
    public void Refresh() =>
        _recurrentTransposed = DenseMath.Transpose(Weights.Values, 4 * HiddenSize, HiddenSize, InputSize, InputSize + HiddenSize);

    /// <summary>
    /// Runs the direction over <paramref name="n"/> inputs (rows of <paramref name="x"/> of stride
    /// <paramref name="xs"/>, from column <paramref name="xo"/>); the outputs end in <see cref="LstmTrace.Output"/>.
    /// The input part of the gates is one matrix product for the whole sentence.
    /// </summary>
    public void Run(LstmTrace trace, float[] x, int xs, int xo, int n)
    {
        var g4 = 4 * HiddenSize;
        trace.Ensure(n, InputSize, HiddenSize);
        DenseMath.MultiplyTransposed(x, xo, xs, n, Weights.Values, 0, InputSize + HiddenSize, g4, InputSize, trace.Gates, g4, Bias.Values);
        Recur(trace, n);
    }

    /// <summary>
    /// Runs the direction with the input part of every step's gates (bias included) already computed:
    /// rows of <paramref name="gates"/> of stride <paramref name="stride"/>, from column <paramref name="offset"/>.
    /// </summary>
    public void RunFromGates(LstmTrace trace, float[] gates, int stride, int offset, int n)
    {
        var g4 = 4 * HiddenSize;
        trace.Ensure(n, InputSize, HiddenSize);
        for (var t = 0; t < n; t++)
        {
            gates.AsSpan(t * stride + offset, g4).CopyTo(trace.Gates.AsSpan(t * g4, g4));
        }
        Recur(trace, n);
    }

    /// <summary>
    /// The input part of the gates for an input that is zero outside columns [<paramref name="offset"/>,
    /// <paramref name="offset"/> + <paramref name="part"/>.Length), with or without the bias, written into <paramref name="gates"/>.
    /// </summary>
    public void InputGates(ReadOnlySpan<float> part, int offset, bool withBias, Span<float> gates)
    {
        var width = InputSize + HiddenSize;
        for (var r = 0; r < 4 * HiddenSize; r++)
        {
            gates[r] = (withBias ? Bias.Values[r] : 0) + DenseMath.Dot(Weights.Values.AsSpan(r * width + offset, part.Length), part);
        }
    }

    // The recurrence over gates that hold their input part: activations, cells and outputs.
    private void Recur(LstmTrace trace, int n)
    {
        var h = HiddenSize;
        var g4 = 4 * h;
        var gates = trace.Gates;
        var output = trace.Output;
        var cell = trace.Cell;
        for (var s = 0; s < n; s++)
        {
            var t = Reverse ? n - 1 - s : s;
            var previous = Reverse ? t + 1 : t - 1;
            var z = gates.AsSpan(t * g4, g4);
            if (s > 0)
            {
                DenseMath.MultiplyAddTransposed(output.AsSpan(previous * h, h), _recurrentTransposed, h, g4, z);
            }
            DenseMath.Sigmoid(z[..(2 * h)]);
            DenseMath.Tanh(z.Slice(2 * h, h));
            DenseMath.Sigmoid(z.Slice(3 * h, h));
            var c = cell.AsSpan(t * h, h);
            var tc = trace.CellTanh.AsSpan(t * h, h);
            for (var k = 0; k < h; k++)
            {
                c[k] = (s == 0 ? 0 : z[h + k] * cell[previous * h + k]) + z[k] * z[2 * h + k];
            }
            c.CopyTo(tc);
            DenseMath.Tanh(tc);
            var o = output.AsSpan(t * h, h);
            for (var k = 0; k < h; k++)
            {
                o[k] = z[3 * h + k] * tc[k];
            }
        }
    }

    /// <summary>
    /// Backpropagates through the last <see cref="Run"/> on <paramref name="trace"/>: <paramref name="dOutput"/>
    /// holds the loss's gradient on each step's output (stride <paramref name="os"/>, from column
    /// <paramref name="oo"/>); the weights' gradients are added to the parameters and the inputs'
    /// gradients to <paramref name="dx"/> (stride <paramref name="xs"/>, from column <paramref name="xo"/>).
    /// </summary>
    public void Backpropagate(LstmTrace trace, float[] x, float[] dOutput, int os, int oo, float[] dx, int xs, int xo, int n)
    {
        var h = HiddenSize;
        var d = InputSize;
        var g4 = 4 * h;
        var width = d + h;
        var dh = trace.NextOutputGradient;
        var dc = trace.NextCellGradient;
        var dz = trace.GateGradient;
        var input = trace.Input;
        Array.Clear(dh, 0, h);
        Array.Clear(dc, 0, h);
        var weights = Weights.Values;
        var gradient = Weights.Gradient;
        var biasGradient = Bias.Gradient;
        for (var s = n - 1; s >= 0; s--)
        {
            var t = Reverse ? n - 1 - s : s;
            var previous = Reverse ? t + 1 : t - 1;
            var z = trace.Gates.AsSpan(t * g4, g4);
            for (var k = 0; k < h; k++)
            {
                var g = dOutput[t * os + oo + k] + dh[k];
                var ig = z[k];
                var fg = z[h + k];
                var gg = z[2 * h + k];
                var og = z[3 * h + k];
                var tc = trace.CellTanh[t * h + k];
                var dcell = g * og * (1 - tc * tc) + dc[k];
                var cp = s == 0 ? 0 : trace.Cell[previous * h + k];
                dz[k] = dcell * gg * ig * (1 - ig);
                dz[h + k] = dcell * cp * fg * (1 - fg);
                dz[2 * h + k] = dcell * ig * (1 - gg * gg);
                dz[3 * h + k] = g * tc * og * (1 - og);
                dc[k] = dcell * fg;
            }
            // The step's input: x_t and the previous output.
            x.AsSpan(t * xs + xo, d).CopyTo(input);
            if (s == 0)
            {
                input.AsSpan(d, h).Clear();
            }
            else
            {
                trace.Output.AsSpan(previous * h, h).CopyTo(input.AsSpan(d, h));
            }
            var dInput = trace.InputGradient;
            Array.Clear(dInput, 0, width);
            for (var r = 0; r < g4; r++)
            {
                var g = dz[r];
                if (g == 0)
                {
                    continue;
                }
                biasGradient[r] += g;
                DenseMath.Axpy(g, input, gradient.AsSpan(r * width, width));
                DenseMath.Axpy(g, weights.AsSpan(r * width, width), dInput);
            }
            DenseMath.Add(dInput.AsSpan(0, d), dx.AsSpan(t * xs + xo, d));
            dInput.AsSpan(d, h).CopyTo(dh);
        }
    }
}

/// <summary>The values of one <see cref="LstmDirection"/> over one sentence, reused from sentence to sentence.</summary>
internal sealed class LstmTrace
{
    public float[] Gates = [];      // n × 4H, activated
    public float[] Cell = [];       // n × H
    public float[] CellTanh = [];   // n × H
    public float[] Output = [];      // n × H
    public float[] Input = [];
    public float[] InputGradient = [];
    public float[] GateGradient = [];
    public float[] NextOutputGradient = [];
    public float[] NextCellGradient = [];

    public void Ensure(int n, int inputSize, int hiddenSize)
    {
        if (Gates.Length < n * 4 * hiddenSize)
        {
            var rows = Math.Max(n, Gates.Length / Math.Max(1, 4 * hiddenSize) * 2);
            Gates = new float[rows * 4 * hiddenSize];
            Cell = new float[rows * hiddenSize];
            CellTanh = new float[rows * hiddenSize];
            Output = new float[rows * hiddenSize];
        }
        if (Input.Length < inputSize + hiddenSize)
        {
            Input = new float[inputSize + hiddenSize];
            InputGradient = new float[inputSize + hiddenSize];
            GateGradient = new float[4 * hiddenSize];
            NextOutputGradient = new float[hiddenSize];
            NextCellGradient = new float[hiddenSize];
        }
    }
}
