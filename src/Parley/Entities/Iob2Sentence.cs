namespace Parley.Entities;

/// <summary>One sentence of an IOB2 named-entity file: its id, token forms and tags, in order.</summary>
/// <param name="SentenceId">The <c># sent_id</c> comment, or null.</param>
/// <param name="Forms">The token forms.</param>
/// <param name="Tags">The IOB2 tags (<c>B-PER</c>, <c>I-LOC</c>, <c>O</c>, …), parallel to <see cref="Forms"/>.</param>
public sealed record Iob2Sentence(string? SentenceId, IReadOnlyList<string> Forms, IReadOnlyList<string> Tags);
