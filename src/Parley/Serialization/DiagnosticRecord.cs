namespace Parley.Serialization;

/// <summary>A diagnostic in the output.</summary>
public sealed record DiagnosticRecord(string Code, string Severity, string Message, int? Start, int? End, string? Stage);
