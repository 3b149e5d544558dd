namespace Parley.Model;

/// <summary>
/// One token (a UD syntactic word) as a span of the document text. Tokens are kept in a struct
/// array on the <see cref="Document"/>, in text order, and never overlap.
/// </summary>
public readonly record struct Token(int Start, int End)
{
    /// <summary>The token's span.</summary>
    public TextSpan Span => new(Start, End);

    /// <summary>Number of code units in the token.</summary>
    public int Length => End - Start;
}
