using Parley.Model;
using Parley.Processing;

namespace Parley.Text;

/// <summary>
/// Groups the document's tokens into sentences with <see cref="EwtSentenceSplitter"/>. After it runs,
/// every token belongs to exactly one sentence, sentences are in text order, and none spans a line
/// break or a removed span.
/// </summary>
public sealed class RuleSentenceSplitter : IStage
{
    /// <summary>The versioned stage name.</summary>
    public const string StageName = "segment.rules.v1";

    private readonly EwtSentenceSplitter _splitter;

    /// <summary>Creates the stage over the shared splitter.</summary>
    public RuleSentenceSplitter()
        : this(EwtSentenceSplitter.Default)
    {
    }

    /// <summary>Creates the stage over <paramref name="splitter"/>.</summary>
    public RuleSentenceSplitter(EwtSentenceSplitter splitter)
    {
        ArgumentNullException.ThrowIfNull(splitter);
        _splitter = splitter;
    }

    /// <inheritdoc />
    public string Name => StageName;

    /// <inheritdoc />
    public Layers Requires => Layers.Tokens;

    /// <inheritdoc />
    public Layers Provides => Layers.Sentences;

    /// <inheritdoc />
    public void Process(Document document, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Sentences = _splitter.Split(document.Text, document.Tokens, document.Removed);
    }
}
