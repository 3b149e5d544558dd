namespace Parley.Serialization;

/// <summary>A bare half-open span in the output.</summary>
public sealed record SpanRecord(int Start, int End);
