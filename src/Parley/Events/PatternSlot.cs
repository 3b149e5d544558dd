namespace Parley.Events;

/// <summary>
/// One dependent a pattern asks for: its relation (and preposition), the lemmas it may have, and
/// whether it names the source or the target.
/// </summary>
public sealed class PatternSlot
{
    /// <summary>Creates a slot.</summary>
    public PatternSlot(SlotRelation relation, IReadOnlyList<string>? prepositions, IReadOnlySet<string>? lemmas, SlotRole role, bool required)
    {
        Relation = relation;
        Prepositions = prepositions;
        Lemmas = lemmas;
        Role = role;
        Required = required;
    }

    /// <summary>The kind of dependent.</summary>
    public SlotRelation Relation { get; }

    /// <summary>For <see cref="SlotRelation.Prepositional"/>: the prepositions that may introduce it (<c>on</c>, <c>upon</c>).</summary>
    public IReadOnlyList<string>? Prepositions { get; }

    /// <summary>Lemmas the dependent may have; null for any.</summary>
    public IReadOnlySet<string>? Lemmas { get; }

    /// <summary>The side of the event the dependent names, if any.</summary>
    public SlotRole Role { get; }

    /// <summary>True when the pattern matches only if the dependent is present.</summary>
    public bool Required { get; }

    /// <summary>
    /// Words that must stand right before the dependent, by its lemma: a multi-word synonym
    /// ("total boycott") matches on its last word only when the words before it are there too. A
    /// lemma not in the map needs nothing before it. Null when no lemma needs any.
    /// </summary>
    public IReadOnlyDictionary<string, string[][]>? Preceding { get; init; }

    /// <summary>
    /// True when <see cref="Lemmas"/> and <see cref="Preceding"/> hold words as written (lower case)
    /// rather than lemmas: PETRARCH matches its pattern words without stemming, so "resolution" does
    /// not match "resolutions".
    /// </summary>
    public bool MatchForm { get; init; }

    /// <summary>
    /// For <see cref="SlotRelation.InPhrase"/> and <see cref="SlotRelation.BeforePredicate"/>: the word
    /// must stand right next to the word matched before it in the pattern, or to the predicate
    /// (PETRARCH's <c>_</c> connector); otherwise other words may come between (a space).
    /// </summary>
    public bool Adjacent { get; init; }

    /// <summary>
    /// For <see cref="SlotRelation.Subject"/>: the subject as written, the patient of a passive too,
    /// rather than the doer (PETRARCH's role mark before the verb names the words before it).
    /// </summary>
    public bool SurfaceSubject { get; init; }

    /// <summary>
    /// For a role slot in <see cref="SlotRelation.InPhrase"/>: how many noun phrases after the word
    /// matched before it are passed over first (PETRARCH's <c>^</c>): "- * IN ^ +" on "in X with Y"
    /// takes Y.
    /// </summary>
    public int SkipPhrases { get; init; }

    /// <summary>Number of alternatives the slot stands for (1 for a role slot).</summary>
    public int Alternatives => (Lemmas?.Count ?? 1) * (Prepositions?.Count ?? 1);
}
