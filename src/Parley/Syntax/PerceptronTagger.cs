using Parley.Model;
using Parley.Processing;

namespace Parley.Syntax;

/// <summary>
/// The tagging stage: fills <see cref="Document.Analyses"/> with universal and Penn tags and lemmas
/// from a <see cref="TaggerModel"/>, leaving <c>Head = -1</c> and an empty relation for the parser.
/// Holds no per-document state; one instance serves every thread.
/// </summary>
public sealed class PerceptronTagger : IStage
{
    /// <summary>The versioned stage name.</summary>
    public const string StageName = "tag.perceptron.v1";

    private readonly TaggerModel _model;

    /// <summary>Creates the stage over a loaded model.</summary>
    public PerceptronTagger(TaggerModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    /// <summary>Creates the stage over the model stored at <paramref name="modelPath"/>.</summary>
    public PerceptronTagger(string modelPath) : this(TaggerModel.Load(modelPath))
    {
    }

    /// <inheritdoc/>
    public string Name => StageName;

    /// <inheritdoc/>
    public Layers Requires => Layers.Tokens | Layers.Sentences;

    /// <inheritdoc/>
    public Layers Provides => Layers.Tags;

    /// <summary>The model the stage applies.</summary>
    public TaggerModel Model => _model;

    /// <inheritdoc/>
    public void Process(Document document, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Analyses = _model.Analyze(document);
    }
}
