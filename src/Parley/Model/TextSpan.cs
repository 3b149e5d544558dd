namespace Parley.Model;

/// <summary>
/// A half-open range <c>[Start, End)</c> of UTF-16 code units in a <see cref="Document"/>'s text.
/// </summary>
public readonly record struct TextSpan(int Start, int End)
{
    /// <summary>Number of code units covered; never negative for a valid span.</summary>
    public int Length => End - Start;

    /// <summary>True when the span covers no text.</summary>
    public bool IsEmpty => End <= Start;

    /// <summary>True when <paramref name="other"/> lies wholly inside this span.</summary>
    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    /// <summary>True when the two spans share at least one code unit.</summary>
    public bool Overlaps(TextSpan other) => other.Start < End && Start < other.End;

    /// <inheritdoc />
    public override string ToString() => $"[{Start}..{End})";
}
