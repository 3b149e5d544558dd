using Parley.Model;

namespace Parley.Actors;

/// <summary>
/// Finds the actors of one document and every mention of each: people named in the text (from
/// named-entity spans, or from runs of capitalised words when there are none), countries,
/// organisations, groups, regions and media from the <see cref="ActorLexicon"/>, and collectives
/// such as "Russian troops". A person's role and code come from the words around the name (a
/// title before it, "Norwegian Foreign Minister Ingrid Dahl"; an apposition after it, "X, spokeswoman
/// for the prime minister"), else from a <see cref="PersonKnowledgeBase"/> as of the document's
/// date. Within the article it links surnames, role descriptions ("the French president") and
/// the subject pronouns <i>he</i> and <i>she</i> to the person they stand for.
/// </summary>
/// <remarks>
/// Uses whatever layers the document has: tags and dependencies sharpen proper-name runs and
/// subject detection, named-entity spans add people and organisations the lexicon does not know;
/// with tokens and sentences alone it still codes lexicon phrases, titled names and appositions.
/// Tokens inside removed spans are never read. Stateless apart from the shared lexicon; one
/// instance serves every thread.
/// </remarks>
public sealed class ActorResolver
{
    private readonly ActorLexicon _lexicon;

    /// <summary>Creates a resolver over <paramref name="lexicon"/>.</summary>
    public ActorResolver(ActorLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _lexicon = lexicon;
    }

    /// <summary>The lexicon the resolver codes phrases with.</summary>
    public ActorLexicon Lexicon => _lexicon;

    /// <summary>
    /// Resolves the actors of <paramref name="document"/>, reading people's earlier roles from
    /// <paramref name="knowledge"/>. Does not change the document.
    /// </summary>
    public ActorResolution Resolve(Document document, PersonKnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(knowledge);
        return new ResolutionRun(_lexicon, document, knowledge).Execute();
    }
}
