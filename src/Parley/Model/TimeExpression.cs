namespace Parley.Model;

/// <summary>A time expression and the calendar value it resolves to.</summary>
/// <param name="Start">Start of the expression.</param>
/// <param name="End">End (exclusive) of the expression.</param>
/// <param name="Text">The expression's text.</param>
/// <param name="Value">ISO value at its precision (<c>2021-03-03</c>, <c>2022-04</c>, <c>2022</c>), or null when unresolved.</param>
/// <param name="Precision"><c>day</c>, <c>month</c> or <c>year</c>.</param>
public sealed record TimeExpression(int Start, int End, string Text, string? Value, string Precision);
