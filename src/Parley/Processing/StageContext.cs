using Parley.Diagnostics;
using Parley.Model;

namespace Parley.Processing;

/// <summary>
/// What a stage may use while processing one document: a place to report coded diagnostics,
/// tagged with the stage's name.
/// </summary>
public sealed class StageContext
{
    private readonly Document _document;

    /// <summary>Creates a context for one stage on one document.</summary>
    public StageContext(Document document, string stageName)
    {
        _document = document;
        StageName = stageName;
    }

    /// <summary>The stage this context belongs to.</summary>
    public string StageName { get; }

    /// <summary>Reports a data-quality problem (a W3xx code) about a span of the text.</summary>
    public void Warn(string code, string message, TextSpan? span = null) =>
        _document.Report(new Diagnostic(code, message, span?.Start, span?.End, StageName));

    /// <summary>Reports information (an I4xx code).</summary>
    public void Inform(string code, string message, TextSpan? span = null) =>
        _document.Report(new Diagnostic(code, message, span?.Start, span?.End, StageName));
}
