namespace Parley.Learning;

/// <summary>The header model files share: an identifying number, then the format version.</summary>
internal static class ModelHeader
{
    /// <summary>Reads the header and returns the format version, one of <c>[oldest, newest]</c>.</summary>
    /// <exception cref="InvalidDataException">The identifying number is not <paramref name="magic"/>, or the version is outside the range.</exception>
    public static int Read(BinaryReader reader, int magic, string kind, int oldest, int newest)
    {
        if (reader.ReadInt32() != magic)
        {
            throw new InvalidDataException($"Not a Parley {kind}.");
        }
        var version = reader.ReadInt32();
        if (version < oldest || version > newest)
        {
            throw new InvalidDataException($"{char.ToUpperInvariant(kind[0])}{kind[1..]} format {version} is not supported (expected {oldest} to {newest}).");
        }
        return version;
    }
}
