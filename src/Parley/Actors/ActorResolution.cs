using Parley.Model;

namespace Parley.Actors;

/// <summary>
/// What <see cref="ActorResolver"/> found in one document: the actors with all their mentions,
/// the facts about people the article itself states, and the names it could not code.
/// </summary>
public sealed class ActorResolution
{
    /// <summary>Creates a result.</summary>
    public ActorResolution(
        IReadOnlyList<Actor> actors, IReadOnlyList<PersonFact> statedFacts,
        IReadOnlyList<TextSpan> statedSpans, IReadOnlyList<TextSpan> knowledgeSpans)
    {
        ArgumentNullException.ThrowIfNull(actors);
        ArgumentNullException.ThrowIfNull(statedFacts);
        ArgumentNullException.ThrowIfNull(statedSpans);
        ArgumentNullException.ThrowIfNull(knowledgeSpans);
        Actors = actors;
        StatedFacts = statedFacts;
        StatedSpans = statedSpans;
        KnowledgeSpans = knowledgeSpans;
    }

    /// <summary>Actors in order of first mention, ids <c>a1</c>, <c>a2</c> …; each lists its mentions in text order.</summary>
    public IReadOnlyList<Actor> Actors { get; }

    /// <summary>
    /// One fact per person whose role the article states ("Norwegian Foreign Minister Ingrid Dahl"),
    /// dated by the document's publication date; empty when the document has no date. Roles
    /// taken from the knowledge base are never restated here, so the base cannot feed on itself.
    /// </summary>
    public IReadOnlyList<PersonFact> StatedFacts { get; }

    /// <summary>The naming mention behind each of <see cref="StatedFacts"/>, in the same order.</summary>
    public IReadOnlyList<TextSpan> StatedSpans { get; }

    /// <summary>The first mention of each actor whose code came from the person knowledge base.</summary>
    public IReadOnlyList<TextSpan> KnowledgeSpans { get; }

    /// <summary>Each actor whose code came from the people table, with the office row it took.</summary>
    public IReadOnlyList<PeopleMatch> PeopleMatches { get; init; } = [];
}
