namespace Parley.Store;

/// <summary>What storing one article did.</summary>
public enum ArticleOutcome
{
    /// <summary>A new article: coded and stored.</summary>
    New,
    /// <summary>A new article that is a near-duplicate (SimHash) of a stored one: stored and linked to its original.</summary>
    NearDuplicate,
    /// <summary>The same id with the same text was already stored: nothing changed.</summary>
    Unchanged,
    /// <summary>The same normalised text was stored under another id: recorded as a duplicate, nothing coded.</summary>
    Duplicate,
    /// <summary>The same id with changed text: the old rows were replaced by the new coding.</summary>
    Replaced,
    /// <summary>The article could not be read or coded: nothing was stored.</summary>
    Failed,
}
