namespace Parley.Ingest;

/// <summary>One CSV record: its fields, the line it starts on, and whether it was too large or malformed.</summary>
internal sealed record CsvRecord(int Line, List<string> Fields, bool TooLarge, string? Error);
