namespace Parley.Actors;

/// <summary>What a lexicon entry names.</summary>
public enum ActorKind
{
    /// <summary>Not known (an entry read from a dictionary that does not say).</summary>
    Unknown = 0,
    /// <summary>A country or territory, by name, adjective, demonym or metonym ("the Kremlin").</summary>
    Country,
    /// <summary>An international governmental or non-governmental organisation, or a company.</summary>
    Organization,
    /// <summary>An armed or political group (a party, a militia, an insurgency).</summary>
    Group,
    /// <summary>A named person.</summary>
    Person,
    /// <summary>
    /// A CAMEO agent: a sector or role word ("police", "minister") that adds a sector code to the
    /// country or organisation it goes with.
    /// </summary>
    Agent,
}
