namespace Parley.Time;

/// <summary>
/// A time expression found over tokens <c>[FirstToken, EndToken)</c>, with its value when it could
/// be resolved.
/// </summary>
/// <param name="FirstToken">Index of the expression's first token.</param>
/// <param name="EndToken">Index one past its last token.</param>
/// <param name="Value">ISO value at <paramref name="Precision"/> (<c>2021-03-03</c>, <c>2022-04</c>, <c>2022</c>), or null.</param>
/// <param name="Precision"><c>day</c>, <c>month</c> or <c>year</c>.</param>
/// <param name="IsRelative">True when the value depends on the reference date (a weekday, "yesterday",
/// a date without a year); such an expression has no value when there is no reference date.</param>
public readonly record struct DateMatch(int FirstToken, int EndToken, string? Value, string Precision, bool IsRelative);
