using System.IO.Compression;

namespace Parley.Learning;

/// <summary>
/// The one file format of compiled perceptron weights, shared by <see cref="PerceptronModel"/> and
/// <see cref="PackedPerceptronModel"/>: zlib-compressed; a format version, the class, feature and
/// weight counts; sorted feature keys as deltas with their entry counts; class ids; weights as
/// 16-bit floats. The same weights always give the same bytes.
/// </summary>
internal static class SparseWeightsFile
{
    private const int FormatVersion = 1;

    /// <summary>Weights read from a file: feature <c>i</c> owns entries <c>[Offsets[i], Offsets[i + 1])</c>.</summary>
    internal sealed record Contents(int Classes, ulong[] Keys, int[] Offsets, ushort[] ClassIds, float[] Values)
    {
        /// <summary>
        /// The mean of several weight sets over the same classes: each (feature, class) weight is the sum
        /// of its weights divided by the number of sets, a weight a set lacks counting as zero. A linear
        /// model with the mean weights scores every input with the mean of the sets' scores, so the
        /// result is their ensemble at the cost of one model. Same inputs in the same order, same result.
        /// </summary>
        /// <summary>
        /// These weights without the ones smaller than <paramref name="threshold"/> in magnitude, and
        /// without the features left with none.
        /// </summary>
        public Contents Prune(float threshold)
        {
            var keys = new List<ulong>(Keys.Length);
            var offsets = new List<int>(Keys.Length + 1);
            var classIds = new List<ushort>(Values.Length);
            var values = new List<float>(Values.Length);
            for (var i = 0; i < Keys.Length; i++)
            {
                var start = values.Count;
                for (var e = Offsets[i]; e < Offsets[i + 1]; e++)
                {
                    if (MathF.Abs(Values[e]) >= threshold)
                    {
                        classIds.Add(ClassIds[e]);
                        values.Add(Values[e]);
                    }
                }
                if (values.Count > start)
                {
                    keys.Add(Keys[i]);
                    offsets.Add(start);
                }
            }
            offsets.Add(values.Count);
            return new Contents(Classes, [.. keys], [.. offsets], [.. classIds], [.. values]);
        }

        public static Contents Average(IReadOnlyList<Contents> sets)
        {
            ArgumentNullException.ThrowIfNull(sets);
            ArgumentOutOfRangeException.ThrowIfZero(sets.Count);
            var classes = sets[0].Classes;
            foreach (var set in sets)
            {
                if (set.Classes != classes)
                {
                    throw new ArgumentException("Only weights over the same classes can be averaged.", nameof(sets));
                }
            }
            var next = new int[sets.Count];
            var sums = new float[classes];
            var present = new bool[classes];
            var keys = new List<ulong>();
            var offsets = new List<int>();
            var classIds = new List<ushort>();
            var values = new List<float>();
            var scale = 1f / sets.Count;
            while (true)
            {
                // The smallest key not yet merged: keys are sorted in every set.
                var key = ulong.MaxValue;
                var any = false;
                for (var s = 0; s < sets.Count; s++)
                {
                    if (next[s] < sets[s].Keys.Length && (!any || sets[s].Keys[next[s]] < key))
                    {
                        key = sets[s].Keys[next[s]];
                        any = true;
                    }
                }
                if (!any)
                {
                    break;
                }
                for (var s = 0; s < sets.Count; s++)
                {
                    var set = sets[s];
                    var i = next[s];
                    if (i >= set.Keys.Length || set.Keys[i] != key)
                    {
                        continue;
                    }
                    for (var e = set.Offsets[i]; e < set.Offsets[i + 1]; e++)
                    {
                        sums[set.ClassIds[e]] += set.Values[e];
                        present[set.ClassIds[e]] = true;
                    }
                    next[s] = i + 1;
                }
                var start = classIds.Count;
                for (var c = 0; c < classes; c++)
                {
                    if (present[c] && sums[c] != 0)
                    {
                        classIds.Add((ushort)c);
                        values.Add(sums[c] * scale);
                    }
                    sums[c] = 0;
                    present[c] = false;
                }
                if (classIds.Count > start)
                {
                    keys.Add(key);
                    offsets.Add(start);
                }
            }
            offsets.Add(classIds.Count);
            return new Contents(classes, [.. keys], [.. offsets], [.. classIds], [.. values]);
        }
    }

    public static void Write(Stream stream, int classes, ulong[] keys, int[] offsets, ushort[] classIds, float[] values)
    {
        using var zip = new ZLibStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(zip);
        writer.Write(FormatVersion);
        writer.Write(classes);
        writer.Write(keys.Length);
        writer.Write(values.Length);
        ulong previous = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            // Keys are sorted: store deltas, which compress better.
            writer.Write7BitEncodedInt64((long)(keys[i] - previous));
            previous = keys[i];
            writer.Write7BitEncodedInt(offsets[i + 1] - offsets[i]);
        }
        for (var e = 0; e < values.Length; e++)
        {
            writer.Write7BitEncodedInt(classIds[e]);
        }
        for (var e = 0; e < values.Length; e++)
        {
            writer.Write((Half)values[e]);
        }
    }

    /// <exception cref="InvalidDataException">The stream is not weights of this format.</exception>
    public static Contents Read(Stream stream, string kind)
    {
        // Inflate in one go, then parse from memory: reading item by item through the
        // decompressor made loading several times slower.
        using var inflated = new MemoryStream();
        using (var zip = new ZLibStream(stream, CompressionMode.Decompress, leaveOpen: true))
        {
            zip.CopyTo(inflated);
        }
        inflated.Position = 0;
        using var reader = new BinaryReader(inflated);
        var version = reader.ReadInt32();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"{kind} format {version} is not supported (expected {FormatVersion}).");
        }
        var classes = reader.ReadInt32();
        var features = reader.ReadInt32();
        var weights = reader.ReadInt32();
        if (classes < 2 || features < 0 || weights < 0)
        {
            throw new InvalidDataException($"{kind} header is corrupt.");
        }
        var keys = new ulong[features];
        var offsets = new int[features + 1];
        ulong previous = 0;
        for (var i = 0; i < features; i++)
        {
            previous += (ulong)reader.Read7BitEncodedInt64();
            keys[i] = previous;
            offsets[i + 1] = offsets[i] + reader.Read7BitEncodedInt();
        }
        var classIds = new ushort[weights];
        for (var e = 0; e < weights; e++)
        {
            classIds[e] = (ushort)reader.Read7BitEncodedInt();
        }
        var values = new float[weights];
        for (var e = 0; e < weights; e++)
        {
            values[e] = (float)reader.ReadHalf();
        }
        return new Contents(classes, keys, offsets, classIds, values);
    }
}
