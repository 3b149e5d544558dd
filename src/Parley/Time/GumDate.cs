namespace Parley.Time;

/// <summary>A gold <c>&lt;date&gt;</c> span of a GUM article and its <c>when</c> value, if it has one.</summary>
/// <param name="Start">Start of the span in the rebuilt text.</param>
/// <param name="End">End (exclusive).</param>
/// <param name="When">The ISO value of <c>when</c>, or null when the span is a range (<c>from</c>/<c>to</c>, <c>notBefore</c>/<c>notAfter</c>).</param>
public readonly record struct GumDate(int Start, int End, string? When);
