using System.Text.Json.Serialization;

namespace Parley.Serialization;

/// <summary>Source-generated System.Text.Json metadata for the <c>parley/1</c> record.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = false)]
[JsonSerializable(typeof(ParleyRecord))]
internal sealed partial class ParleyJsonContext : JsonSerializerContext;
