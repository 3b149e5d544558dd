using Parley.Model;
using Parley.Processing;

namespace Parley.Text;

/// <summary>
/// Splits the document's non-removed text into UD English-EWT words with <see cref="EwtTokenizer"/>.
/// After it runs, <see cref="Document.Tokens"/> holds non-empty, ordered, non-overlapping spans of
/// the text, none of which touches a span in <see cref="Document.Removed"/>.
/// </summary>
public sealed class RuleTokenizer : IStage
{
    /// <summary>The versioned stage name.</summary>
    public const string StageName = "tokenize.rules.v1";

    private readonly EwtTokenizer _tokenizer;

    /// <summary>Creates the stage over the shared tokenizer.</summary>
    public RuleTokenizer()
        : this(EwtTokenizer.Default)
    {
    }

    /// <summary>Creates the stage over <paramref name="tokenizer"/>.</summary>
    public RuleTokenizer(EwtTokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        _tokenizer = tokenizer;
    }

    /// <inheritdoc />
    public string Name => StageName;

    /// <inheritdoc />
    public Layers Requires => Layers.Text;

    /// <inheritdoc />
    public Layers Provides => Layers.Tokens;

    /// <inheritdoc />
    public void Process(Document document, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        var words = new List<Token>(document.Text.Length / 5 + 4);
        _tokenizer.Tokenize(document.Text, document.Removed, words);
        document.Tokens = [.. words];
    }
}
