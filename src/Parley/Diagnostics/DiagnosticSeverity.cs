namespace Parley.Diagnostics;

/// <summary>How serious a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Informational: nothing is wrong, but the user may want to know.</summary>
    Info,
    /// <summary>A data-quality problem: the document was coded, perhaps less completely.</summary>
    Warning,
    /// <summary>The document could not be coded (or the configuration is unusable).</summary>
    Error,
}
