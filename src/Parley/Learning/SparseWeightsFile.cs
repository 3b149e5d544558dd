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
    internal sealed record Contents(int Classes, ulong[] Keys, int[] Offsets, ushort[] ClassIds, float[] Values);

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
