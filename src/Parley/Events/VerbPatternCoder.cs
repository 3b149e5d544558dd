using Parley.Model;
using Parley.Processing;

namespace Parley.Events;

/// <summary>
/// The events stage: codes CAMEO events (with PLOVER, Goldstein and QuadClass) from verb and noun
/// patterns over the dependency parse, with actors for source and target. A thin adapter over
/// <see cref="EventCoder"/>.
/// </summary>
public sealed class VerbPatternCoder : IStage
{
    /// <summary>The versioned stage name.</summary>
    public const string StageName = "events.patterns.v1";

    /// <summary>Creates the stage over a coder.</summary>
    public VerbPatternCoder(EventCoder coder)
    {
        ArgumentNullException.ThrowIfNull(coder);
        Coder = coder;
    }

    /// <summary>The engine.</summary>
    public EventCoder Coder { get; }

    /// <inheritdoc />
    public string Name => StageName;

    /// <inheritdoc />
    public Layers Requires => Layers.Tokens | Layers.Sentences | Layers.Tags | Layers.Dependencies | Layers.Actors;

    /// <inheritdoc />
    public Layers Provides => Layers.Events;

    /// <summary>Loads the ontology and lexicon from Parley's data folder and creates the stage.</summary>
    public static VerbPatternCoder FromData(string dataDirectory, EventCoderOptions? options = null) =>
        new(new EventCoder(EventLexicon.LoadFromData(dataDirectory), CameoOntology.LoadFromData(dataDirectory), options));

    /// <inheritdoc />
    public void Process(Document document, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Events.AddRange(Coder.Code(document, document.Events.Count + 1));
        document.AddLayers(Layers.Events);
    }
}
