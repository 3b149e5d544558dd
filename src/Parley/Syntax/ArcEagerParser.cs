using Parley.Model;
using Parley.Processing;

namespace Parley.Syntax;

/// <summary>
/// The dependency-parsing stage: fills <see cref="TokenAnalysis.Head"/> and
/// <see cref="TokenAnalysis.Relation"/> (UD relations, subtypes included) for every token, using a
/// <see cref="ParserModel"/> over the tokens' forms and tags. Every sentence gets exactly one root
/// (<c>Head = -1</c>, relation <c>root</c>), every other token a head in the same sentence, and the
/// heads form no cycle. Safe to share across threads.
/// </summary>
public sealed class ArcEagerParser : IStage
{
    /// <summary>The versioned stage name.</summary>
    public const string StageName = "parse.arceager.v1";

    private readonly ParserModel _model;

    /// <summary>Creates the stage over a loaded model.</summary>
    public ArcEagerParser(ParserModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    /// <summary>Creates the stage from a model file (see <see cref="ParserModel.Load(string)"/>).</summary>
    public static ArcEagerParser Load(string modelPath) => new(ParserModel.Load(modelPath));

    /// <inheritdoc />
    public string Name => StageName;

    /// <inheritdoc />
    public Layers Requires => Layers.Tokens | Layers.Sentences | Layers.Tags;

    /// <inheritdoc />
    public Layers Provides => Layers.Dependencies;

    /// <summary>The model the stage applies.</summary>
    public ParserModel Model => _model;

    /// <inheritdoc />
    public void Process(Document document, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        _model.Parse(document);
        document.AddLayers(Layers.Dependencies);
    }
}
