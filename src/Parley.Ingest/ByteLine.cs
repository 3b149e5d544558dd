namespace Parley.Ingest;

/// <summary>One line of a line-oriented input: its bytes (without the line end), or only its length when
/// it was longer than the limit and skipped.</summary>
internal sealed record ByteLine(int Number, byte[] Bytes, long Length, bool TooLong);
