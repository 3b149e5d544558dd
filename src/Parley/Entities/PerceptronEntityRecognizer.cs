using Parley.Model;
using Parley.Processing;

namespace Parley.Entities;

/// <summary>
/// The named-entity stage: fills <see cref="Document.Entities"/> with PER, ORG and LOC mentions from
/// an <see cref="EntityModel"/>, using the tags the tagger added. Holds no per-document state; one
/// instance serves every thread.
/// </summary>
public sealed class PerceptronEntityRecognizer : IStage
{
    /// <summary>The versioned stage name.</summary>
    public const string StageName = "ner.perceptron.v1";

    private readonly EntityModel _model;

    /// <summary>Creates the stage over a loaded model.</summary>
    public PerceptronEntityRecognizer(EntityModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    /// <summary>Creates the stage over the model stored at <paramref name="modelPath"/>.</summary>
    public PerceptronEntityRecognizer(string modelPath) : this(EntityModel.Load(modelPath))
    {
    }

    /// <inheritdoc/>
    public string Name => StageName;

    /// <inheritdoc/>
    public Layers Requires => Layers.Tokens | Layers.Sentences | Layers.Tags;

    /// <inheritdoc/>
    public Layers Provides => Layers.Entities;

    /// <summary>The model the stage applies.</summary>
    public EntityModel Model => _model;

    /// <inheritdoc/>
    public void Process(Document document, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Entities = _model.Recognize(document);
    }
}
