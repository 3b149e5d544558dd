namespace Parley.Actors;

/// <summary>
/// What merging facts into a <see cref="PersonKnowledgeLearner"/> did: facts it did not know,
/// facts it knew whose dates were widened (or whose evidence became an earlier article), and
/// facts it already held with the same or a wider period.
/// </summary>
public readonly record struct KnowledgeMergeCounts(int Added, int Widened, int Unchanged)
{
    /// <summary>Every fact merged.</summary>
    public int Total => Added + Widened + Unchanged;

    /// <summary>The sum of two counts.</summary>
    public static KnowledgeMergeCounts operator +(KnowledgeMergeCounts a, KnowledgeMergeCounts b) =>
        new(a.Added + b.Added, a.Widened + b.Widened, a.Unchanged + b.Unchanged);

    /// <summary>The sum of two counts (for languages without operators).</summary>
    public static KnowledgeMergeCounts Add(KnowledgeMergeCounts left, KnowledgeMergeCounts right) => left + right;
}
