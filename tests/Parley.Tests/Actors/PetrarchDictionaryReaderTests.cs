using Parley.Actors;
using Parley.Diagnostics;

namespace Parley.Tests.Actors;

/// <summary>The PETRARCH/TABARI dictionary syntax, on small dictionaries written for these tests.</summary>
public sealed class PetrarchDictionaryReaderTests
{
    private const string Actors = """
        <!-- A TEST DICTIONARY
        # spread over lines -->
        GONDOR [GON]
        +MINAS_TIRITH
        +GONDORIAN  # adjective

        ARNOR_ [ARN] [ARNGOV >20100101]
        ONODOHER
        	[ONO <911226]
        STEWARD_DENETHOR_
        STEWARD_OF_GONDOR
        	[GONELI 640101-000101] # two-digit years
        	[GONGOV >000102]
        	[GONELI]
        PRINCE OF DOL AMROTH
        	[--- <950630]
        	[DOL]
        MORDOR [mor]
        #NAZGUL [###]
        BAD_DATE [BAD 9008223-911221] [BAD]
        NO_CODE_HERE
        +ALSO_NO_CODE
        """;

    private const string Agents = """
        !PERSON! = MAN, MEN, WOMAN, WOMEN
        PRESIDENT [~GOV] # auto plural
        POLICE {} [~COP]
        GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]
        CONGRESS!PERSON! [~LEG]
        HUMAN_RIGHTS_BODY  [NGO~]
        MILITARY_ACADEMY [~EDU]
        ARMY [~MIL]
        """;

    private static (ActorLexicon Lexicon, List<string> Warnings) Read()
    {
        var builder = new ActorLexiconBuilder();
        var warnings = new List<string>();
        PetrarchDictionaryReader.ReadActors(new StringReader(Actors), "test.actors", builder, warnings);
        PetrarchDictionaryReader.ReadAgents(new StringReader(Agents), "test.agents", builder, warnings);
        return (builder.Build(), warnings);
    }

    private static string? Code(string phrase, DateOnly? date = null) =>
        Read().Lexicon.Lookup(phrase) is { Count: > 0 } entries ? entries[0].CodeOn(date) : "(none)";

    [Theory]
    [InlineData("Gondor", "GON")]
    [InlineData("Minas Tirith", "GON")]
    [InlineData("gondorian", "GON")]
    [InlineData("MORDOR", "MOR")]
    [InlineData("Arnor", "ARN")]
    public void Reads_phrases_synonyms_and_codes(string phrase, string code) => Assert.Equal(code, Code(phrase));

    [Fact]
    public void Reads_date_restrictions_in_both_date_forms()
    {
        Assert.Equal("ARNGOV", Code("Arnor", new DateOnly(2015, 1, 1)));
        Assert.Equal("ARN", Code("Arnor", new DateOnly(2005, 1, 1)));
        Assert.Equal("ONO", Code("Onodoher", new DateOnly(1991, 12, 25)));
        Assert.Null(Code("Onodoher", new DateOnly(1991, 12, 26)));
        Assert.Equal("GONELI", Code("Steward Denethor", new DateOnly(1972, 1, 1)));
        Assert.Equal("GONGOV", Code("Steward Denethor", new DateOnly(2015, 1, 1)));
        Assert.Equal("GONELI", Code("Steward Denethor", new DateOnly(1901, 1, 1)));
    }

    [Fact]
    public void Consecutive_phrases_share_the_codes_that_follow() =>
        Assert.Equal("GONGOV", Code("Steward of Gondor", new DateOnly(2015, 1, 1)));

    [Fact]
    public void A_null_code_marks_a_phrase_recognised_but_uncoded()
    {
        Assert.Equal("", Code("Prince of Dol Amroth", new DateOnly(1990, 1, 1)));
        Assert.Equal("DOL", Code("Prince of Dol Amroth", new DateOnly(2000, 1, 1)));
    }

    [Fact]
    public void Commented_entries_are_ignored() => Assert.Equal("(none)", Code("Nazgul"));

    [Fact]
    public void Unreadable_entries_are_reported_and_skipped()
    {
        var (lexicon, warnings) = Read();
        Assert.Contains(warnings, w => w.StartsWith(DiagnosticCodes.DictionaryEntrySkipped, StringComparison.Ordinal) && w.Contains("9008223", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("NO_CODE_HERE", StringComparison.Ordinal));
        Assert.Equal("BAD", lexicon.Lookup("Bad Date")[0].CodeOn(new DateOnly(1990, 1, 1)));
        Assert.Empty(lexicon.Lookup("No Code Here"));
    }

    [Theory]
    [InlineData("president", "GOV")]
    [InlineData("presidents", "GOV")]
    [InlineData("police", "COP")]
    [InlineData("golden geese", "GGS")]
    [InlineData("congressman", "LEG")]
    [InlineData("congresswomen", "LEG")]
    [InlineData("military academies", "EDU")]
    [InlineData("armies", "MIL")]
    public void Reads_agents_with_their_plurals_and_substitutions(string phrase, string code)
    {
        var entry = Assert.Single(Read().Lexicon.Lookup(phrase));
        Assert.Equal((ActorKind.Agent, code), (entry.Kind, entry.CodeOn(null)));
    }

    [Fact]
    public void Braces_suppress_the_regular_plural() => Assert.Equal("(none)", Code("polices"));

    [Fact]
    public void Agent_codes_before_the_tilde_go_before_the_actor()
    {
        var entry = Read().Lexicon.Lookup("human rights body")[0];
        Assert.Equal(AgentPosition.Prefix, entry.AgentPosition);
        Assert.Equal(["NGOGON"], new ActorPhraseCoder(Read().Lexicon).Code("a Gondorian human rights body", null));
    }

    [Theory]
    [InlineData("MINISTER", "MINISTERS")]
    [InlineData("AUTHORITY", "AUTHORITIES")]
    [InlineData("ATTORNEY", "ATTORNEYS")]
    [InlineData("BOSS", "BOSSES")]
    [InlineData("CHURCH", "CHURCHES")]
    [InlineData("FOREIGN_MINISTER_", "FOREIGN_MINISTERS")]
    public void Forms_regular_english_plurals(string word, string plural) =>
        Assert.Equal(plural, PetrarchDictionaryReader.RegularPlural(word));

    [Fact]
    public void A_missing_file_is_a_configuration_error()
    {
        var error = Assert.Throws<ParleyConfigurationException>(() =>
            PetrarchDictionaryReader.ReadActorsFile(Path.Combine(Path.GetTempPath(), "no-such-dictionary.txt"), new ActorLexiconBuilder()));
        Assert.Equal(DiagnosticCodes.DataMissing, error.Code);
    }
}
