namespace Parley.Quotes;

/// <summary>Words that introduce reported speech, and words that are not names though capitalised.</summary>
internal static class SpeechLexicon
{
    private static readonly HashSet<string> CueWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "say", "told", "tells", "added", "adds", "noted", "notes", "warned", "warns", "stressed",
        "stresses", "insisted", "insists", "explained", "explains", "asked", "asks", "wrote", "writes", "declared",
        "announced", "claimed", "claims", "argued", "argues", "continued", "replied", "responded", "commented",
        "stated", "states", "remarked", "recalled", "acknowledged", "admitted", "confirmed", "suggested", "urged",
        "observed", "emphasised", "emphasized", "cautioned", "predicted", "concluded", "tweeted", "posted",
        "explained", "reiterated", "conceded", "countered", "quipped", "agreed", "assured", "alleged", "denied",
        "maintained", "pointed", "testified", "told", "wondered", "complained", "boasted", "vowed", "promised",
        // Written words quoted from documents and statements: 'The letter reads "…"', 'They call for "…"'.
        "reads", "read", "call", "calls", "called", "recommending", "recommended", "recommends", "reporting", "describes",
        "described", "demanded", "demands",
    };

    // Participles after a comma, whose speaker is the subject of the clause before ("…, saying “…”").
    private static readonly HashSet<string> ParticipleCueWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "saying", "adding", "noting", "warning", "insisting", "arguing", "claiming", "stressing", "explaining",
        "declaring", "writing", "telling",
    };

    // Leading words of a name run that give a rank or office, not the name.
    private static readonly HashSet<string> TitleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "President", "Vice", "Chancellor", "Minister", "Prime", "Foreign", "Secretary", "General", "Secretary-General",
        "Ambassador", "Senator", "Sen.", "Rep.", "Representative", "Governor", "Gov.", "Mayor", "Judge", "Justice", "Chief",
        "Professor", "Prof.", "Dr.", "Dr", "Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Miss", "Sir", "Dame", "Lord", "Lady",
        "King", "Queen", "Prince", "Princess", "Pope", "Rev.", "Father", "Captain", "Capt.", "Colonel", "Col.", "Lt.",
        "Sgt.", "Major", "Commander", "Admiral", "Spokesman", "Spokeswoman", "Spokesperson", "Coach", "Home", "Interior",
        "Defence", "Defense", "Finance", "Health", "Education", "Deputy", "Acting", "Former", "State", "Team", "Member",
        "Director", "CEO", "Chairman", "Chairwoman", "Chair", "Executive", "Attorney", "Police", "Commissioner", "Officer",
        "Superintendent", "Detective", "Inspector", "Curator", "Speaker", "Leader", "Opposition", "Administrator",
    };

    // Capitalised words that open sentences without being names.
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "The", "A", "An", "In", "On", "At", "But", "And", "Or", "If", "When", "While", "After", "Before", "This",
        "That", "These", "Those", "It", "He", "She", "They", "We", "I", "You", "His", "Her", "Their", "Its", "Our",
        "As", "For", "With", "From", "By", "To", "Of", "So", "Yet", "Still", "However", "Meanwhile", "Also",
        "According", "Earlier", "Later", "Last", "Next", "Some", "Many", "Most", "All", "There", "Here", "What",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CalendarNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
        "April", "May", "June", "July", "August", "September", "October", "November", "December",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Cues = CueWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ParticipleCues = ParticipleCueWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Titles = TitleWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NonNames = NotNames.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True for a speech verb such as "said" or "warned".</summary>
    public static bool IsCue(ReadOnlySpan<char> word) => word.Length > 0 && char.IsLower(word[0]) && (Cues.Contains(word) || ParticipleCues.Contains(word));

    /// <summary>True for a speech participle such as "saying", which attributes only after a comma.</summary>
    public static bool IsParticipleCue(ReadOnlySpan<char> word) => word.Length > 0 && char.IsLower(word[0]) && ParticipleCues.Contains(word);

    /// <summary>True for a weekday or month name, capitalised but naming no speaker.</summary>
    public static bool IsCalendarWord(ReadOnlySpan<char> word) => CalendarNames.Contains(word);

    /// <summary>True for a rank or office word that may precede a name.</summary>
    public static bool IsTitle(ReadOnlySpan<char> word) => Titles.Contains(word);

    /// <summary>True for a word that can start a name: capitalised and not a function word.</summary>
    public static bool IsNameWord(ReadOnlySpan<char> word) =>
        word.Length > 0 && char.IsUpper(word[0]) && !NonNames.Contains(word) && (word.Length == 1 || char.IsLetter(word[1]) || word[1] == '.');

    /// <summary>True for a nationality word before a title ("Norwegian Minister").</summary>
    public static bool IsDemonym(ReadOnlySpan<char> word) =>
        word.Length > 3 && char.IsUpper(word[0]) && (word.EndsWith("an", StringComparison.Ordinal)
            || word.EndsWith("ese", StringComparison.Ordinal) || word.EndsWith("ish", StringComparison.Ordinal)
            || word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("i", StringComparison.Ordinal));

    /// <summary>True for a personal pronoun that can be a speaker.</summary>
    public static bool IsSpeakerPronoun(ReadOnlySpan<char> word) =>
        word.Equals("he", StringComparison.OrdinalIgnoreCase) || word.Equals("she", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for a pronoun or word that stands for a speaker without naming one.</summary>
    public static bool IsOtherPronoun(ReadOnlySpan<char> word) =>
        word.Equals("they", StringComparison.OrdinalIgnoreCase) || word.Equals("we", StringComparison.OrdinalIgnoreCase)
        || word.Equals("I", StringComparison.Ordinal) || word.Equals("it", StringComparison.OrdinalIgnoreCase);

    /// <summary>Auxiliaries and adverbs that may stand between a subject and its speech verb.</summary>
    public static bool IsSkippable(ReadOnlySpan<char> word) =>
        word.Equals("has", StringComparison.OrdinalIgnoreCase) || word.Equals("had", StringComparison.OrdinalIgnoreCase)
        || word.Equals("have", StringComparison.OrdinalIgnoreCase) || word.Equals("also", StringComparison.OrdinalIgnoreCase)
        || word.Equals("then", StringComparison.OrdinalIgnoreCase) || word.Equals("later", StringComparison.OrdinalIgnoreCase)
        || word.Equals("previously", StringComparison.OrdinalIgnoreCase) || word.Equals("further", StringComparison.OrdinalIgnoreCase)
        || word.Equals("again", StringComparison.OrdinalIgnoreCase) || word.Equals("reportedly", StringComparison.OrdinalIgnoreCase)
        || word.Equals("would", StringComparison.OrdinalIgnoreCase) || word.Equals("will", StringComparison.OrdinalIgnoreCase)
        || word.Equals("once", StringComparison.OrdinalIgnoreCase) || word.Equals("recently", StringComparison.OrdinalIgnoreCase)
        || word.Equals("publicly", StringComparison.OrdinalIgnoreCase) || word.Equals("repeatedly", StringComparison.OrdinalIgnoreCase);
}
