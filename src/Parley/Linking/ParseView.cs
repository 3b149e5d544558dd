using Parley.Model;

namespace Parley.Linking;

/// <summary>Dependency-tree walks over one document's analyses, for attaching places and dates to predicates.</summary>
internal sealed class ParseView(TokenAnalysis[] analyses)
{
    public int Head(int token) => analyses[token].Head;

    private string Relation(int token) => analyses[token].Relation;

    /// <summary>
    /// A value carried by an oblique or nominal modifier of <paramref name="head"/> ("in Moscow",
    /// "on March 3", "Sunday" as obl:tmod, "yesterday" as advmod), searched through that modifier's
    /// own noun phrase ("in the port city of Mombasa") but not into clauses below it. Inside that
    /// phrase, the tokens <paramref name="skip"/> names are passed over ("for its invasion into
    /// Ukraine" names a participant of the invasion, not where a statement was made); so is the
    /// modifier's own head word unless it is an oblique ("in Chile" is where; "Chile's" is who).
    /// </summary>
    public string? AttachedTo(int head, string?[] valueAt, Sentence sentence, Func<int, bool> skip)
    {
        for (var t = sentence.FirstToken; t < sentence.EndToken; t++)
        {
            if (Head(t) != head)
            {
                continue;
            }
            var relation = Relation(t);
            if (IsModifier(relation) || (relation.StartsWith("advmod", StringComparison.Ordinal) && valueAt[t] is not null))
            {
                if (!relation.StartsWith("obl", StringComparison.Ordinal) && skip(t))
                {
                    continue;
                }
                var found = InPhrase(t, valueAt, sentence, skip);
                if (found is not null)
                {
                    return found;
                }
            }
        }
        return null;
    }

    /// <summary>The head of the clause the token belongs to: up through non-clausal relations.</summary>
    public int ClauseOf(int token, Sentence sentence)
    {
        var current = token;
        for (var steps = 0; steps < sentence.TokenCount; steps++)
        {
            var head = Head(current);
            if (head < sentence.FirstToken || head >= sentence.EndToken || IsClausal(Relation(current)))
            {
                return current;
            }
            current = head;
        }
        return current;
    }

    /// <summary>
    /// The value nearest to <paramref name="predicate"/> among tokens whose clause is
    /// <paramref name="clause"/>, leaving out the tokens <paramref name="skip"/> names.
    /// </summary>
    public string? NearestInClause(int clause, int predicate, string?[] valueAt, Sentence sentence, Func<int, bool> skip)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        for (var t = sentence.FirstToken; t < sentence.EndToken; t++)
        {
            if (valueAt[t] is null || skip(t))
            {
                continue;
            }
            var distance = Math.Abs(t - predicate);
            if (distance < bestDistance && ClauseOf(t, sentence) == clause)
            {
                best = valueAt[t];
                bestDistance = distance;
            }
        }
        return best;
    }

    private string? InPhrase(int root, string?[] valueAt, Sentence sentence, Func<int, bool> skip)
    {
        if (valueAt[root] is not null)
        {
            return valueAt[root];
        }
        for (var t = sentence.FirstToken; t < sentence.EndToken; t++)
        {
            if (valueAt[t] is not null && !skip(t) && Dominates(root, t, sentence))
            {
                return valueAt[t];
            }
        }
        return null;
    }

    // True when root is an ancestor of token by phrase-internal relations only.
    private bool Dominates(int root, int token, Sentence sentence)
    {
        var current = token;
        for (var steps = 0; steps < sentence.TokenCount; steps++)
        {
            if (IsClausal(Relation(current)))
            {
                return false;
            }
            var head = Head(current);
            if (head == root)
            {
                return true;
            }
            if (head < sentence.FirstToken || head >= sentence.EndToken)
            {
                return false;
            }
            current = head;
        }
        return false;
    }

    private static bool IsModifier(string relation) =>
        relation.StartsWith("obl", StringComparison.Ordinal) || relation.StartsWith("nmod", StringComparison.Ordinal);

    private static bool IsClausal(string relation) =>
        // xcomp is left out: "agreed to meet in Moscow" states the place of the agreed meeting.
        relation is "root" or "ccomp" or "advcl" or "parataxis" or "csubj" or "acl" or "list"
        || relation.StartsWith("acl:", StringComparison.Ordinal) || relation.StartsWith("advcl:", StringComparison.Ordinal)
        || relation.StartsWith("csubj:", StringComparison.Ordinal) || relation.StartsWith("ccomp:", StringComparison.Ordinal);
}
