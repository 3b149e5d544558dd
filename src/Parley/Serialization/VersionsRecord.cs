namespace Parley.Serialization;

/// <summary>What produced a record: the program version, model and lexicon versions (null when none were used), and the stages.</summary>
public sealed record VersionsRecord(string Parley, string? Models, string? Lexicons, IReadOnlyList<string> Stages);
