namespace Parley.Diagnostics;

/// <summary>
/// A coded report about one document (or about the configuration). <see cref="Start"/> and
/// <see cref="End"/> point into the document text when the problem has a place there.
/// </summary>
/// <param name="Code">A code from <see cref="DiagnosticCodes"/>; never renumbered.</param>
/// <param name="Message">What happened, where, and what to do about it.</param>
/// <param name="Start">Start of the span the diagnostic is about, or null.</param>
/// <param name="End">End (exclusive) of that span, or null.</param>
/// <param name="Stage">The versioned name of the stage that reported it, or null for ingest.</param>
public sealed record Diagnostic(string Code, string Message, int? Start = null, int? End = null, string? Stage = null)
{
    /// <summary>The severity implied by the code's letter (E, W or I).</summary>
    public DiagnosticSeverity Severity => DiagnosticCodes.SeverityOf(Code);
}
