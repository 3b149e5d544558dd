namespace Parley.Model;

/// <summary>
/// A sentence: its character span and the range of tokens it holds
/// (<c>[FirstToken, FirstToken + TokenCount)</c> in <see cref="Document.Tokens"/>).
/// </summary>
public readonly record struct Sentence(int Start, int End, int FirstToken, int TokenCount)
{
    /// <summary>The sentence's span.</summary>
    public TextSpan Span => new(Start, End);

    /// <summary>Index one past the sentence's last token.</summary>
    public int EndToken => FirstToken + TokenCount;
}
