namespace Parley.Actors;

/// <summary>
/// A phrase of the lexicon found over tokens <c>[Start, Start + Length)</c>, with every entry the
/// phrase has (usually one; a name shared by a country and a person has more).
/// </summary>
/// <param name="Start">Index of the first token.</param>
/// <param name="Length">Number of tokens; at least 1.</param>
/// <param name="Entries">The phrase's entries, in the order they were added to the lexicon.</param>
public readonly record struct LexiconMatch(int Start, int Length, IReadOnlyList<ActorEntry> Entries)
{
    /// <summary>Index one past the last token.</summary>
    public int End => Start + Length;
}
