using System.Collections.Frozen;

namespace Parley.Text;

/// <summary>
/// Word lists the tokenizer and splitter consult to decide whether a period belongs to the word
/// before it. Lookups take spans of the text, so they allocate nothing.
/// </summary>
internal static class EnglishAbbreviations
{
    // Titles, ranks, months and reference words: they stand before a name or number, so a period
    // after them almost never ends a sentence. Case matters: "Gen." is a rank, "gen." is not.
    private static readonly FrozenSet<string> NeverFinalSet = FrozenSet.Create(StringComparer.Ordinal,
        "Mr", "Mrs", "Ms", "Messrs", "Mme", "Dr", "Prof", "Gen", "Lt", "Col", "Sgt", "Cpl", "Pvt", "Capt",
        "Cmdr", "Cdr", "Adm", "Maj", "Brig", "Sen", "Sens", "Rep", "Reps", "Gov", "Govs", "Pres", "Rev",
        "Hon", "Amb", "Supt", "Insp", "Det", "Mt", "Ft", "Jan", "Feb", "Apr", "Aug", "Sep", "Sept", "Oct",
        "Nov", "Dec", "vs", "Vs", "v", "Nos", "Vol", "vol", "pp", "Fig", "fig", "approx", "Dept", "dept",
        "Univ", "est", "ca", "cf", "Cf", "viz", "Rt", "Mssrs", "St", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur",
        "Thurs", "Fri", "Sat", "Sun", "ext", "Ext", "Attn", "attn", "Ste", "Apt", "Bldg", "Gens", "Lts", "Cpt");

    // Words that are abbreviated at the end of names and lists: "Acme Inc.", "cats, dogs, etc.".
    // Their period ends the sentence when a sentence starter follows.
    private static readonly FrozenSet<string> CanEndSet = FrozenSet.Create(StringComparer.Ordinal,
        "etc", "Inc", "Corp", "Co", "Cos", "Ltd", "Plc", "Jr", "Sr", "Bros", "Esq", "Ave", "Blvd", "Rd",
        "Hwy", "al", "Calif", "Fla", "Ariz", "Colo", "Conn", "Mich", "Minn", "Okla", "Tenn", "Tex", "Wis",
        "Ala", "Ark", "Ga", "Ky", "La", "Md", "Pa", "Va", "Vt", "Nev", "Neb", "Ore", "Wash", "Mass",
        "Ill", "Kan", "Miss", "Mo", "Del", "Wyo", "Ph", "Ltda", "GmbH", "Assn", "Dist", "Intl", "Natl",
        "Gov't", "Ft", "yr", "yrs", "hrs", "min", "mins", "sec", "lbs", "oz", "lb", "kg", "ft", "mi");

    // Words that begin sentences far more often than they follow an abbreviation mid-sentence.
    private static readonly FrozenSet<string> StarterSet = FrozenSet.Create(StringComparer.Ordinal,
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those",
        "There", "Here", "His", "Her", "Its", "Their", "Our", "My", "Your", "But", "And", "Or", "So", "Yet",
        "In", "On", "At", "For", "If", "When", "While", "After", "Before", "As", "Since", "Although",
        "Though", "However", "Meanwhile", "Also", "Then", "Now", "What", "Who", "Why", "How", "Where",
        "Which", "Some", "Many", "Most", "All", "No", "Not", "One", "Officials", "According", "Still",
        "Instead", "Thus", "Yes", "Please", "Thanks", "Thank", "Let", "Is", "Are", "Was", "Were", "Do",
        "Does", "Did", "Can", "Could", "Will", "Would", "Should", "Every", "Each", "Both", "Such",
        "Another", "Even", "Only", "Just", "Last", "Next", "Under", "With", "Without", "From", "By", "To",
        "During", "Despite", "Because", "Unless", "Until", "Once", "Today", "Yesterday", "Tomorrow",
        "Mr", "Mrs", "Ms", "Dr", "Other", "Several", "Nor", "Never", "Neither", "Those", "Officials",
        "Police", "Earlier", "Later", "Many", "Further", "Moreover", "Nevertheless", "Indeed", "Overall");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NeverFinalLookup =
        NeverFinalSet.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CanEndLookup =
        CanEndSet.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StarterLookup =
        StarterSet.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when the word, without its period, is a title, rank or month abbreviation.</summary>
    public static bool IsNeverFinal(ReadOnlySpan<char> word) => NeverFinalLookup.Contains(word);

    /// <summary>True when the word, without its period, is an abbreviation that may end a sentence.</summary>
    public static bool IsCanEnd(ReadOnlySpan<char> word) => CanEndLookup.Contains(word);

    /// <summary>True when the word usually begins a sentence.</summary>
    public static bool IsSentenceStarter(ReadOnlySpan<char> word) => StarterLookup.Contains(word);
}
