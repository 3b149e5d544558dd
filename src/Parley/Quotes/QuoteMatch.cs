namespace Parley.Quotes;

/// <summary>
/// A quotation found in the text: the quoted words, their kind, and the words naming the speaker
/// with the cue that introduced them.
/// </summary>
/// <param name="Start">Start of the quoted text (inside the quotation marks).</param>
/// <param name="End">End (exclusive) of the quoted text.</param>
/// <param name="Kind"><c>direct</c>, <c>partial</c> or <c>indirect</c>.</param>
/// <param name="SpeakerStart">Start of the words naming the speaker, or -1 when no speaker was found.</param>
/// <param name="SpeakerEnd">End (exclusive) of the words naming the speaker, or -1.</param>
/// <param name="Cue">The cue ("said", "told", "according to"), or null.</param>
public readonly record struct QuoteMatch(int Start, int End, string Kind, int SpeakerStart, int SpeakerEnd, string? Cue)
{
    /// <summary>
    /// Start of the pronoun at the cue ("he said") when the speaker was resolved from it by salience,
    /// else -1; a coreference layer may know better who the pronoun means.
    /// </summary>
    public int PronounStart { get; init; } = -1;

    /// <summary>End (exclusive) of that pronoun, or -1.</summary>
    public int PronounEnd { get; init; } = -1;

    /// <summary>True when a speaker was found.</summary>
    public bool HasSpeaker => SpeakerStart >= 0;
}
