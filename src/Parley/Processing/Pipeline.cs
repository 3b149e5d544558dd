using Parley.Diagnostics;
using Parley.Model;

namespace Parley.Processing;

/// <summary>
/// An ordered list of stages whose order has been checked: every stage's required layers are
/// provided by the input or by a stage before it. Running it on a document never throws; a stage
/// that throws fails that document with <see cref="DiagnosticCodes.StageFailed"/>.
/// </summary>
public sealed class Pipeline
{
    private readonly IStage[] _stages;

    private Pipeline(IStage[] stages) => _stages = stages;

    /// <summary>The stages in order.</summary>
    public IReadOnlyList<IStage> Stages => _stages;

    /// <summary>The versioned names of the stages in order.</summary>
    public IReadOnlyList<string> StageNames => Array.ConvertAll(_stages, s => s.Name);

    /// <summary>Builds a pipeline from stage instances, checking their order.</summary>
    /// <exception cref="ParleyConfigurationException">E102 when a stage's requirement is not met.</exception>
    public static Pipeline Build(IEnumerable<IStage> stages, Layers input = Layers.Text)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var list = new List<IStage>(stages);
        var available = input;
        foreach (var stage in list)
        {
            var missing = stage.Requires & ~available;
            if (missing != Layers.None)
            {
                throw new ParleyConfigurationException(DiagnosticCodes.StageOrder,
                    $"Stage '{stage.Name}' requires {missing}, which no stage before it provides " +
                    $"(available: {available}). Put a stage that provides {missing} before it.");
            }
            available |= stage.Provides;
        }
        return new Pipeline([.. list]);
    }

    /// <summary>Builds a pipeline from versioned stage names looked up in <paramref name="registry"/>.</summary>
    /// <exception cref="ParleyConfigurationException">E101 for an unknown name, E102 for a bad order.</exception>
    public static Pipeline Build(StageRegistry registry, IEnumerable<string> names, Layers input = Layers.Text)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(names);
        var stages = new List<IStage>();
        foreach (var name in names)
        {
            stages.Add(registry.Create(name));
        }
        return Build(stages, input);
    }

    /// <summary>
    /// Runs every stage on <paramref name="document"/> in order. A failed document (from ingest or an
    /// earlier stage) is passed through untouched.
    /// </summary>
    public void Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var stage in _stages)
        {
            if (document.IsFailed)
            {
                return;
            }
            try
            {
                stage.Process(document, new StageContext(document, stage.Name));
                document.AddLayers(stage.Provides);
                document.Stages.Add(stage.Name);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
            {
                // A bug in one stage on one document must not stop the batch: the document is
                // reported as failed with the reason, and the runner goes on.
                document.Fail(new Diagnostic(DiagnosticCodes.StageFailed,
                    $"Stage '{stage.Name}' failed on document '{document.Id}'" +
                    (document.Origin is null ? "" : $" ({document.Origin})") +
                    $": {ex.GetType().Name}: {ex.Message}. The document was not coded; please report this with the input.",
                    Stage: stage.Name));
            }
        }
    }
}
