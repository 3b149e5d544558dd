namespace Parley.Store;

/// <summary>How <c>parley query --count-by</c> groups events.</summary>
public enum CountBy
{
    /// <summary>By event day.</summary>
    Day,
    /// <summary>By ISO week (the Monday that starts it).</summary>
    Week,
    /// <summary>By month (YYYY-MM).</summary>
    Month,
    /// <summary>By source and target actor codes.</summary>
    Dyad,
    /// <summary>By CAMEO root code.</summary>
    Root,
}
