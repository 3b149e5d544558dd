using Parley.Model;

namespace Parley.Text;

/// <summary>
/// A rule tokenizer that follows the conventions of UD English-EWT, so that models trained on EWT
/// see the words they were trained on. It yields syntactic words: clitics are split from their
/// host (<c>don't</c> → <c>do</c> + <c>n't</c>, <c>Russia's</c> → <c>Russia</c> + <c>'s</c>,
/// <c>gonna</c> → <c>gon</c> + <c>na</c>), and the surface tokens they came from can be reported too.
/// </summary>
/// <remarks>
/// Guarantees: every word is a non-empty span <c>[Start, End)</c> of the input, words come in text
/// order and never overlap, and no word contains a separator (white space, control character). The
/// scan is a single left-to-right pass with bounded look-ahead (no regular expressions), so time is
/// linear in the input, and the only allocations are the output lists' growth. The instance holds no
/// state and is safe to share across threads.
/// </remarks>
public sealed class EwtTokenizer
{
    /// <summary>The shared instance.</summary>
    public static EwtTokenizer Default { get; } = new();

    /// <summary>Tokenizes the whole of <paramref name="text"/>.</summary>
    public Token[] Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<Token>(text.Length / 5 + 4);
        Tokenize(text, 0, text.Length, words);
        return [.. words];
    }

    /// <summary>
    /// Tokenizes <paramref name="text"/> except the <paramref name="removed"/> spans: no word starts,
    /// ends or lies inside a removed span, and a word never runs across one.
    /// </summary>
    /// <param name="text">The document text.</param>
    /// <param name="removed">Spans to skip, in any order; they may overlap or exceed the text.</param>
    /// <param name="words">Receives the syntactic words in text order.</param>
    /// <param name="surfaceTokens">If not null, receives the surface tokens: a multiword token
    /// (<c>don't</c>) as one span over its words, every other word as itself.</param>
    public void Tokenize(string text, IReadOnlyList<RemovedSpan> removed, List<Token> words, List<TextSpan>? surfaceTokens = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(removed);
        var regions = TextRegions.Kept(text.Length, removed);
        for (var i = 0; i < regions.Length; i++)
        {
            Tokenize(text, regions[i].Start, regions[i].End, words, surfaceTokens);
        }
    }

    /// <summary>
    /// Tokenizes the region <c>[start, end)</c> of <paramref name="text"/>, appending to
    /// <paramref name="words"/> (and <paramref name="surfaceTokens"/> when given). Nothing outside the
    /// region is read, so a word never crosses its ends.
    /// </summary>
    public void Tokenize(string text, int start, int end, List<Token> words, List<TextSpan>? surfaceTokens = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(words);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
        var scanner = new TokenScanner(text, end, words, surfaceTokens);
        scanner.Run(start);
    }
}
