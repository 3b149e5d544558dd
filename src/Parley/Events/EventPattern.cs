namespace Parley.Events;

/// <summary>
/// A lemma-based pattern over the dependency structure: a predicate (verb, or noun for nominal
/// events) with the dependents it needs, which of them name source and target, the CAMEO code it
/// gives, and an example sentence that codes to it.
/// </summary>
public sealed class EventPattern
{
    private readonly int _specificity;

    /// <summary>Creates a pattern.</summary>
    public EventPattern(string id, string code, IReadOnlyList<string> predicates, bool nominal,
        IReadOnlyList<PatternSlot> slots, string? example, string? exampleSource, string? exampleTarget)
    {
        Id = id;
        Code = code;
        Predicates = predicates;
        Nominal = nominal;
        Slots = slots;
        Example = example;
        ExampleSource = exampleSource;
        ExampleTarget = exampleTarget;
        var specificity = 0;
        var expanded = predicates.Count;
        foreach (var slot in slots)
        {
            // A word the pattern names outweighs a required dependent of any word, which outweighs
            // a role slot; a filled role slot adds 2 when the pattern is matched.
            // A word with multi-word synonyms ("total boycott") is a little more specific still.
            specificity += slot.Lemmas is not null ? 6 + (slot.Preceding is not null ? 1 : 0) : slot.Required ? 1 : 0;
            expanded *= slot.Alternatives;
        }
        _specificity = specificity;
        ExpandedCount = expanded;
    }

    /// <summary>Stable id: lexicon file name and line (<c>consult.txt:12</c>).</summary>
    public string Id { get; }

    /// <summary>CAMEO code with leading zeros.</summary>
    public string Code { get; }

    /// <summary>The predicate's lemma and its synonyms.</summary>
    public IReadOnlyList<string> Predicates { get; }

    /// <summary>True for a nominal event (<c>invasion of</c>), false for a verb.</summary>
    public bool Nominal { get; }

    /// <summary>The dependents, in the order they are matched.</summary>
    public IReadOnlyList<PatternSlot> Slots { get; }

    /// <summary>An example sentence that codes to this pattern, or null.</summary>
    public string? Example { get; }

    /// <summary>The word of <see cref="Example"/> that names the source, or null when it has none.</summary>
    public string? ExampleSource { get; }

    /// <summary>The word of <see cref="Example"/> that names the target, or null when it has none.</summary>
    public string? ExampleTarget { get; }

    /// <summary>
    /// How much structure the pattern asks for: 6 per named word, 1 per other required dependent, 3
    /// for coordinated subjects. A
    /// match adds 2 per role slot it fills; the highest total wins at a predicate.
    /// </summary>
    public int Specificity => _specificity + (CompoundSubject ? 3 : 0);

    /// <summary>Number of distinct word patterns the entry stands for after synset expansion.</summary>
    public int ExpandedCount { get; }

    /// <summary>
    /// A second code for the same pair the other way round (PETRARCH's <c>[032:033]</c>: X visits Y,
    /// so Y hosts X), or null.
    /// </summary>
    public string? ReverseCode { get; init; }

    /// <summary>
    /// True when the pattern needs coordinated subjects and codes the event between them
    /// (PETRARCH's <c>%</c>: "Kallia and Vell have postponed" codes each against the other).
    /// </summary>
    public bool CompoundSubject { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Code} {Id}";
}
