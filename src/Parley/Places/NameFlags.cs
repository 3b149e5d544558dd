namespace Parley.Places;

/// <summary>What else a one-word place name is in English, from the word list the gazetteer was built with.</summary>
[Flags]
internal enum NameFlags : byte
{
    /// <summary>Only a name.</summary>
    None = 0,
    /// <summary>A lower-case English word ("hope", "reading", "nice", "mobile").</summary>
    CommonWord = 1,
    /// <summary>A capitalised English word: a proper noun, first name or demonym ("Roman", "David").</summary>
    CapitalisedWord = 2,
}
