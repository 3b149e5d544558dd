namespace Parley.Model;

/// <summary>An event coded in CAMEO (with PLOVER), with the evidence that produced it.</summary>
public sealed record CodedEvent
{
    /// <summary>Document-local id (<c>e1</c> …).</summary>
    public required string Id { get; init; }
    /// <summary>CAMEO 1.1b3 code with leading zeros (<c>"036"</c>).</summary>
    public required string Code { get; init; }
    /// <summary>CAMEO name of the code.</summary>
    public required string Name { get; init; }
    /// <summary>Two-digit CAMEO root.</summary>
    public required string Root { get; init; }
    /// <summary>PLOVER type and mode, when the crosswalk has one.</summary>
    public PloverClass? Plover { get; init; }
    /// <summary>Goldstein weight of the code.</summary>
    public double Goldstein { get; init; }
    /// <summary>QuadClass 1–4.</summary>
    public int Quad { get; init; }
    /// <summary>Index of the sentence that states the event.</summary>
    public int Sentence { get; init; }
    /// <summary>The words that triggered the event.</summary>
    public required Mention Trigger { get; init; }
    /// <summary>Who acted, or null.</summary>
    public EventArgument? Source { get; init; }
    /// <summary>Who was acted on, or null.</summary>
    public EventArgument? Target { get; init; }
    /// <summary><c>asserted</c>, <c>negated</c>, <c>intended</c>, <c>hypothetical</c> or <c>reported</c>.</summary>
    public string Mode { get; init; } = "asserted";
    /// <summary>Id of the place stated for the event, or null.</summary>
    public string? Place { get; init; }
    /// <summary>ISO date stated for the event, or null.</summary>
    public string? Date { get; init; }
    /// <summary>Coder confidence in [0, 1].</summary>
    public double Confidence { get; init; }
    /// <summary>The pattern or rule that produced the event.</summary>
    public required string Rule { get; init; }
}
