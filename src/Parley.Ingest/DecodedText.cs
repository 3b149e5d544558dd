using Parley.Diagnostics;

namespace Parley.Ingest;

/// <summary>The result of decoding an article's bytes: text, or the E2xx code and the problem.</summary>
internal readonly record struct DecodedText(string? Text, string? ErrorCode, string? Problem, bool Windows1252)
{
    public bool Ok => Text is not null;

    public static DecodedText Fail(string code, string problem) => new(null, code, problem, false);

    public static DecodedText Empty => Fail(DiagnosticCodes.EmptyInput, "is empty");
}
