namespace Parley.Model;

/// <summary>A quotation with its span, kind and speaker.</summary>
public sealed record Quote
{
    /// <summary>Document-local id (<c>q1</c> …).</summary>
    public required string Id { get; init; }
    /// <summary>Start of the quoted text.</summary>
    public int Start { get; init; }
    /// <summary>End (exclusive) of the quoted text.</summary>
    public int End { get; init; }
    /// <summary>The quoted text.</summary>
    public required string Text { get; init; }
    /// <summary><c>direct</c>, <c>partial</c> or <c>indirect</c>.</summary>
    public required string Kind { get; init; }
    /// <summary>Id of the speaking actor, or null when no speaker was found.</summary>
    public string? Speaker { get; init; }
    /// <summary>The words naming the speaker, or null.</summary>
    public string? SpeakerText { get; init; }
    /// <summary>The cue ("said", "told", "according to"), or null.</summary>
    public string? Cue { get; init; }
    /// <summary>Ids of the events whose trigger lies inside the quoted text, in text order; empty until linked.</summary>
    public IReadOnlyList<string> Events { get; init; } = [];
}
