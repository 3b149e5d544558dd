using System.Text.Encodings.Web;
using System.Text.Json;

namespace Parley.Serialization;

/// <summary>
/// Writes <c>parley/1</c> records as JSON. Output is deterministic: the same record gives the same
/// bytes. Non-ASCII text is written as UTF-8, not escaped, so names stay readable.
/// </summary>
public static class RecordWriter
{
    private static readonly ParleyJsonContext Compact = new(new JsonSerializerOptions
    {
        // Options given to a context replace the attribute's, so the naming policy is repeated here.
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    });

    private static readonly ParleyJsonContext Indented = new(new JsonSerializerOptions
    {
        // Options given to a context replace the attribute's, so the naming policy is repeated here.
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    });

    /// <summary>Serializes one record to UTF-8 JSON bytes (one line when not indented).</summary>
    public static byte[] ToUtf8(ParleyRecord record, bool indented = false) =>
        JsonSerializer.SerializeToUtf8Bytes(record, (indented ? Indented : Compact).ParleyRecord);

    /// <summary>Serializes one record to a JSON string.</summary>
    public static string ToJson(ParleyRecord record, bool indented = false) =>
        JsonSerializer.Serialize(record, (indented ? Indented : Compact).ParleyRecord);

    /// <summary>Reads a record back (for tests and tools).</summary>
    public static ParleyRecord? FromJson(string json) =>
        JsonSerializer.Deserialize(json, Compact.ParleyRecord);
}
