namespace Parley.Serialization;

/// <summary>A token in the optional <c>tokens</c> list: span, form, and the analyses present.</summary>
public sealed record TokenRecord(int Start, int End, string Text, int Sentence, string? Upos, string? Xpos, string? Lemma, int? Head, string? Relation, string? Entity);
