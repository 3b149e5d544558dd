using Parley.Diagnostics;
using Parley.Model;
using Parley.Processing;

namespace Parley.Actors;

/// <summary>
/// The stage that fills <see cref="Document.Actors"/> with an <see cref="ActorResolver"/>: every
/// person, organisation, country and collective the article names, with its code, role and all
/// its mentions. A name it cannot code is still listed, with a null code and a W301 warning; a
/// role the article states is reported as I401 (what <see cref="PersonKnowledgeLearner"/> learns
/// from), a role taken from the knowledge base as I402, an office taken from the people table as I403.
/// </summary>
/// <remarks>
/// It requires only tokens and sentences, so that a pipeline without a tagger, parser or
/// entity recogniser still codes lexicon phrases, titled names and appositions; the layers in
/// <see cref="Uses"/> are read when a document has them and make it find more. Holds no
/// per-document state; one instance serves every thread. The knowledge base it reads is either
/// fixed or the <see cref="PersonKnowledgeLearner.Current"/> snapshot at the moment each document
/// starts.
/// </remarks>
public sealed class LexiconActorResolver : IStage
{
    /// <summary>The versioned stage name.</summary>
    public const string StageName = "actors.resolve.v1";

    private readonly ActorResolver _resolver;
    private readonly PersonKnowledgeBase? _knowledge;
    private readonly PersonKnowledgeLearner? _learner;

    /// <summary>A stage with no knowledge about people beyond the article.</summary>
    public LexiconActorResolver(ActorResolver resolver)
        : this(resolver, PersonKnowledgeBase.Empty)
    {
    }

    /// <summary>A stage that reads a fixed person knowledge base.</summary>
    public LexiconActorResolver(ActorResolver resolver, PersonKnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(knowledge);
        _resolver = resolver;
        _knowledge = knowledge;
    }

    /// <summary>A stage that reads the learner's current snapshot for each document.</summary>
    public LexiconActorResolver(ActorResolver resolver, PersonKnowledgeLearner learner)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(learner);
        _resolver = resolver;
        _learner = learner;
    }

    /// <summary>The resolver the stage applies (and its lexicon), for building a stage like this one with other knowledge.</summary>
    public ActorResolver Resolver => _resolver;

    /// <summary>Optional layers the stage reads when present: tags, dependencies and named entities.</summary>
    public static Layers Uses => Layers.Tags | Layers.Dependencies | Layers.Entities;

    /// <inheritdoc />
    public string Name => StageName;

    /// <inheritdoc />
    public Layers Requires => Layers.Tokens | Layers.Sentences;

    /// <inheritdoc />
    public Layers Provides => Layers.Actors;

    /// <inheritdoc />
    public void Process(Document document, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        var knowledge = _learner?.Current ?? _knowledge ?? PersonKnowledgeBase.Empty;
        var resolution = _resolver.Resolve(document, knowledge);
        document.Actors.AddRange(resolution.Actors);
        foreach (var actor in resolution.Actors)
        {
            if (actor.Code is null && actor.Mentions.Count > 0)
            {
                var first = actor.Mentions[0];
                context.Warn(DiagnosticCodes.UnresolvedActor,
                    $"'{actor.Name}' matches no known actor; it is listed with no code. Add it to the actor tables or the person knowledge base to code it.",
                    new TextSpan(first.Start, first.End));
            }
        }
        for (var i = 0; i < resolution.StatedFacts.Count; i++)
        {
            var fact = resolution.StatedFacts[i];
            context.Inform(DiagnosticCodes.PersonRoleStated,
                $"'{fact.Name}' is stated as {fact.Role ?? "?"} ({fact.Code}).", resolution.StatedSpans[i]);
        }
        foreach (var span in resolution.KnowledgeSpans)
        {
            context.Inform(DiagnosticCodes.PersonRoleFromKnowledge,
                $"'{document.Slice(span)}' is coded from the person knowledge base as of {document.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "an unknown date"}.", span);
        }
        foreach (var (span, office) in resolution.PeopleMatches)
        {
            context.Inform(DiagnosticCodes.PersonRoleFromPeopleTable,
                $"'{document.Slice(span)}' is coded {office.Code} from the people table ({office.Where}: {office.Name}, {office.Role} {office.Period}).", span);
        }
    }
}
