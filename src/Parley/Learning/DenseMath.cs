using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Parley.Learning;

/// <summary>
/// The dense vector and matrix operations of the neural models, on spans of floats, vectorised with
/// <see cref="Vector{T}"/>. Matrices are row-major. Nothing allocates.
/// </summary>
internal static class DenseMath
{
    /// <summary>The sum of the products of <paramref name="a"/> and <paramref name="b"/> (same length).</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var va = MemoryMarshal.Cast<float, Vector<float>>(a);
        var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
        var acc = Vector<float>.Zero;
        for (var i = 0; i < va.Length; i++)
        {
            acc = Vector.FusedMultiplyAdd(va[i], vb[i], acc);
        }
        var sum = Vector.Sum(acc);
        for (var i = va.Length * Vector<float>.Count; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /// <summary><paramref name="y"/> += <paramref name="alpha"/> · <paramref name="x"/>.</summary>
    public static void Axpy(float alpha, ReadOnlySpan<float> x, Span<float> y)
    {
        var vx = MemoryMarshal.Cast<float, Vector<float>>(x);
        var vy = MemoryMarshal.Cast<float, Vector<float>>(y);
        var va = new Vector<float>(alpha);
        for (var i = 0; i < vx.Length && i < vy.Length; i++)
        {
            vy[i] = Vector.FusedMultiplyAdd(va, vx[i], vy[i]);
        }
        for (var i = vx.Length * Vector<float>.Count; i < x.Length; i++)
        {
            y[i] += alpha * x[i];
        }
    }

    /// <summary><paramref name="y"/> += <paramref name="x"/>.</summary>
    public static void Add(ReadOnlySpan<float> x, Span<float> y)
    {
        var vx = MemoryMarshal.Cast<float, Vector<float>>(x);
        var vy = MemoryMarshal.Cast<float, Vector<float>>(y);
        for (var i = 0; i < vx.Length; i++)
        {
            vy[i] += vx[i];
        }
        for (var i = vx.Length * Vector<float>.Count; i < x.Length; i++)
        {
            y[i] += x[i];
        }
    }

    /// <summary><paramref name="x"/> *= <paramref name="scale"/>, element by element.</summary>
    public static void Multiply(Span<float> x, ReadOnlySpan<float> scale)
    {
        var vx = MemoryMarshal.Cast<float, Vector<float>>(x);
        var vs = MemoryMarshal.Cast<float, Vector<float>>(scale);
        for (var i = 0; i < vx.Length; i++)
        {
            vx[i] *= vs[i];
        }
        for (var i = vx.Length * Vector<float>.Count; i < x.Length; i++)
        {
            x[i] *= scale[i];
        }
    }

    /// <summary>The logistic function.</summary>
    public static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));

    /// <summary>The logistic function of every element, in place.</summary>
    public static void Sigmoid(Span<float> x)
    {
        var vx = MemoryMarshal.Cast<float, Vector<float>>(x);
        for (var i = 0; i < vx.Length; i++)
        {
            vx[i] = Vector<float>.One / (Vector<float>.One + Exp(-vx[i]));
        }
        for (var i = vx.Length * Vector<float>.Count; i < x.Length; i++)
        {
            x[i] = Sigmoid(x[i]);
        }
    }

    /// <summary>The hyperbolic tangent of every element, in place.</summary>
    public static void Tanh(Span<float> x)
    {
        var vx = MemoryMarshal.Cast<float, Vector<float>>(x);
        var two = new Vector<float>(2f);
        for (var i = 0; i < vx.Length; i++)
        {
            // tanh x = 1 − 2 / (e^{2x} + 1), exact at both ends once e^{2x} saturates.
            vx[i] = Vector<float>.One - two / (Exp(two * vx[i]) + Vector<float>.One);
        }
        for (var i = vx.Length * Vector<float>.Count; i < x.Length; i++)
        {
            x[i] = MathF.Tanh(x[i]);
        }
    }

    /// <summary>
    /// e^x for every lane, to about 2e-7 relative error: 2^(x·log2 e) split into an integer power of two,
    /// put straight into the exponent bits, and 2^f for |f| ≤ ½ by its Taylor polynomial of degree 6.
    /// Inputs below −87 give 0 and above 88 give 2^127.
    /// </summary>
    public static Vector<float> Exp(Vector<float> x)
    {
        var t = Vector.Min(Vector.Max(x * new Vector<float>(1.44269504f), new Vector<float>(-126f)), new Vector<float>(127f));
        var n = Vector.Floor(t + new Vector<float>(0.5f));
        var f = t - n;
        // Taylor coefficients of 2^f = e^(f ln 2): (ln 2)^k / k!.
        var p = new Vector<float>(1.5403530e-4f);
        p = Vector.FusedMultiplyAdd(p, f, new Vector<float>(1.3333558e-3f));
        p = Vector.FusedMultiplyAdd(p, f, new Vector<float>(9.6181291e-3f));
        p = Vector.FusedMultiplyAdd(p, f, new Vector<float>(5.5504109e-2f));
        p = Vector.FusedMultiplyAdd(p, f, new Vector<float>(2.4022651e-1f));
        p = Vector.FusedMultiplyAdd(p, f, new Vector<float>(6.9314718e-1f));
        p = Vector.FusedMultiplyAdd(p, f, Vector<float>.One);
        var scale = Vector.ShiftLeft(Vector.ConvertToInt32(n) + new Vector<int>(127), 23);
        var result = p * Vector.AsVectorSingle(scale);
        // Below 2^-126 the result is flushed to 0, as tanh and the logistic function need no more.
        return Vector.ConditionalSelect(Vector.LessThan(t, new Vector<float>(-125.5f)), Vector<float>.Zero, result);
    }

    /// <summary>
    /// <c>c[cOff + i·ldc + j] = bias[j] + Σ_q a[aOff + i·lda + q] · b[bOff + j·ldb + q]</c> for row i &lt; m of
    /// <paramref name="a"/> and row j &lt; n of <paramref name="b"/>, over k columns: the product of a
    /// with the transpose of b, four rows of a by two of b at a time so each load serves several products.
    /// </summary>
    public static void MultiplyTransposed(float[] a, int aOff, int lda, int m, float[] b, int bOff, int ldb, int n, int k, float[] c, int ldc, float[]? bias,
        int cOff = 0)
    {

        var width = Vector<float>.Count;
        if (k % width != 0 || aOff + (m - 1) * lda + k > a.Length || bOff + (n - 1) * ldb + k > b.Length || cOff + (m - 1) * ldc + n > c.Length)
        {
            MultiplyTransposedPlain(a, aOff, lda, m, b, bOff, ldb, n, k, c, cOff, ldc, bias);
            return;
        }
        ref var a0 = ref MemoryMarshal.GetArrayDataReference(a);
        ref var b0 = ref MemoryMarshal.GetArrayDataReference(b);
        var i = 0;
        for (; i + 4 <= m; i += 4)
        {
            ref var r0 = ref Unsafe.Add(ref a0, aOff + i * lda);
            ref var r1 = ref Unsafe.Add(ref r0, lda);
            ref var r2 = ref Unsafe.Add(ref r1, lda);
            ref var r3 = ref Unsafe.Add(ref r2, lda);
            var j = 0;
            for (; j + 2 <= n; j += 2)
            {
                ref var q0 = ref Unsafe.Add(ref b0, bOff + j * ldb);
                ref var q1 = ref Unsafe.Add(ref q0, ldb);
                Vector<float> c00 = default, c01 = default, c10 = default, c11 = default;
                Vector<float> c20 = default, c21 = default, c30 = default, c31 = default;
                for (var q = 0; q < k; q += width)
                {
                    var x0 = Vector.LoadUnsafe(ref q0, (nuint)q);
                    var x1 = Vector.LoadUnsafe(ref q1, (nuint)q);
                    var y = Vector.LoadUnsafe(ref r0, (nuint)q);
                    c00 = Vector.FusedMultiplyAdd(y, x0, c00);
                    c01 = Vector.FusedMultiplyAdd(y, x1, c01);
                    y = Vector.LoadUnsafe(ref r1, (nuint)q);
                    c10 = Vector.FusedMultiplyAdd(y, x0, c10);
                    c11 = Vector.FusedMultiplyAdd(y, x1, c11);
                    y = Vector.LoadUnsafe(ref r2, (nuint)q);
                    c20 = Vector.FusedMultiplyAdd(y, x0, c20);
                    c21 = Vector.FusedMultiplyAdd(y, x1, c21);
                    y = Vector.LoadUnsafe(ref r3, (nuint)q);
                    c30 = Vector.FusedMultiplyAdd(y, x0, c30);
                    c31 = Vector.FusedMultiplyAdd(y, x1, c31);
                }
                var z0 = bias is null ? 0 : bias[j];
                var z1 = bias is null ? 0 : bias[j + 1];
                var row = cOff + i * ldc + j;
                c[row] = z0 + Vector.Sum(c00);
                c[row + 1] = z1 + Vector.Sum(c01);
                row += ldc;
                c[row] = z0 + Vector.Sum(c10);
                c[row + 1] = z1 + Vector.Sum(c11);
                row += ldc;
                c[row] = z0 + Vector.Sum(c20);
                c[row + 1] = z1 + Vector.Sum(c21);
                row += ldc;
                c[row] = z0 + Vector.Sum(c30);
                c[row + 1] = z1 + Vector.Sum(c31);
            }
            for (; j < n; j++)
            {
                for (var r = 0; r < 4; r++)
                {
                    c[cOff + (i + r) * ldc + j] = (bias is null ? 0 : bias[j]) + Dot(a.AsSpan(aOff + (i + r) * lda, k), b.AsSpan(bOff + j * ldb, k));
                }
            }
        }
        if (i < m)
        {
            MultiplyTransposedPlain(a, aOff + i * lda, lda, m - i, b, bOff, ldb, n, k, c, cOff + i * ldc, ldc, bias);
        }
    }

    // The same product one dot at a time (any k, any offsets).
    private static void MultiplyTransposedPlain(float[] a, int aOff, int lda, int m, float[] b, int bOff, int ldb, int n, int k, float[] c, int cOff, int ldc, float[]? bias)
    {
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                c[cOff + i * ldc + j] = (bias is null ? 0 : bias[j]) + Dot(a.AsSpan(aOff + i * lda, k), b.AsSpan(bOff + j * ldb, k));
            }
        }
    }

    /// <summary>
    /// <c>y[0..n) += Σ_q x[q] · t[q·n .. q·n + n)</c> for q &lt; k: a vector times a matrix stored
    /// transposed (k rows of n), eight vectors of y held in registers while the rows stream past.
    /// </summary>
    public static void MultiplyAddTransposed(ReadOnlySpan<float> x, float[] t, int k, int n, Span<float> y)
    {
        var width = Vector<float>.Count;
        var block = 4 * width;
        if (k * n > t.Length || x.Length < k || y.Length < n)
        {
            throw new ArgumentException("The matrix is smaller than its declared size.", nameof(t));
        }
        ref var t0 = ref MemoryMarshal.GetArrayDataReference(t);
        ref var x0 = ref MemoryMarshal.GetReference(x);
        ref var y0 = ref MemoryMarshal.GetReference(y);
        var j = 0;
        for (; j + block <= n; j += block)
        {
            var s0 = Vector.LoadUnsafe(ref y0, (nuint)j);
            var s1 = Vector.LoadUnsafe(ref y0, (nuint)(j + width));
            var s2 = Vector.LoadUnsafe(ref y0, (nuint)(j + 2 * width));
            var s3 = Vector.LoadUnsafe(ref y0, (nuint)(j + 3 * width));
            ref var column = ref Unsafe.Add(ref t0, j);
            for (var q = 0; q < k; q++)
            {
                var v = new Vector<float>(Unsafe.Add(ref x0, q));
                ref var row = ref Unsafe.Add(ref column, q * n);
                s0 = Vector.FusedMultiplyAdd(v, Vector.LoadUnsafe(ref row), s0);
                s1 = Vector.FusedMultiplyAdd(v, Vector.LoadUnsafe(ref row, (nuint)width), s1);
                s2 = Vector.FusedMultiplyAdd(v, Vector.LoadUnsafe(ref row, (nuint)(2 * width)), s2);
                s3 = Vector.FusedMultiplyAdd(v, Vector.LoadUnsafe(ref row, (nuint)(3 * width)), s3);
            }
            s0.StoreUnsafe(ref y0, (nuint)j);
            s1.StoreUnsafe(ref y0, (nuint)(j + width));
            s2.StoreUnsafe(ref y0, (nuint)(j + 2 * width));
            s3.StoreUnsafe(ref y0, (nuint)(j + 3 * width));
        }
        for (; j + width <= n; j += width)
        {
            var s0 = Vector.LoadUnsafe(ref y0, (nuint)j);
            for (var q = 0; q < k; q++)
            {
                s0 = Vector.FusedMultiplyAdd(new Vector<float>(Unsafe.Add(ref x0, q)), Vector.LoadUnsafe(ref t0, (nuint)(q * n + j)), s0);
            }
            s0.StoreUnsafe(ref y0, (nuint)j);
        }
        for (; j < n; j++)
        {
            var sum = y[j];
            for (var q = 0; q < k; q++)
            {
                sum += x[q] * t[q * n + j];
            }
            y[j] = sum;
        }
    }

    /// <summary>The transpose of a rows × cols matrix (cols × rows).</summary>
    public static float[] Transpose(ReadOnlySpan<float> m, int rows, int cols, int colOffset, int stride)
    {
        var t = new float[rows * cols];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                t[c * rows + r] = m[r * stride + colOffset + c];
            }
        }
        return t;
    }
}
