using Parley.Actors;

namespace Parley.Tests.Actors;

/// <summary>What the shipped tables must say about the cases news coding depends on.</summary>
public sealed class ProjectDataTests
{
    private static string? Code(string phrase, DateOnly? date = null) =>
        ProjectLexicon.Lexicon.Lookup(phrase) is { Count: > 0 } entries ? entries[0].CodeOn(date) : null;

    [Theory]
    [InlineData("Russia", "RUS")]
    [InlineData("Russians", "RUS")]
    [InlineData("the Kremlin", "RUSGOV")]
    [InlineData("Moscow", "RUSGOV")]
    [InlineData("Kyiv", "UKRGOV")]
    [InlineData("Kiev", "UKRGOV")]
    [InlineData("Ukrainian", "UKR")]
    [InlineData("Austrian", "AUT")]
    [InlineData("Filipino", "PHL")]
    [InlineData("Emirati", "ARE")]
    [InlineData("the White House", "USAGOV")]
    [InlineData("the Pentagon", "USAMIL")]
    [InlineData("Downing Street", "GBRGOV")]
    [InlineData("Zhongnanhai", "CHNGOV")]
    [InlineData("the Elysee", "FRAGOV")]
    [InlineData("the Élysée", "FRAGOV")]
    [InlineData("U.S.", "USA")]
    [InlineData("US", "USA")]
    [InlineData("Burma", "MMR")]
    [InlineData("Zaire", "COD")]
    [InlineData("Soviet Union", "SUN")]
    [InlineData("USSR", "SUN")]
    [InlineData("East Germany", "DDR")]
    [InlineData("Kosovo", "KSV")]
    [InlineData("Côte d'Ivoire", "CIV")]
    [InlineData("Ivory Coast", "CIV")]
    [InlineData("Türkiye", "TUR")]
    [InlineData("Turkey", "TUR")]
    [InlineData("Scotland", "GBR")]
    [InlineData("English", "GBR")]
    public void Countries_adjectives_demonyms_and_metonyms(string phrase, string code) =>
        Assert.Equal(code, Code(phrase));

    [Theory]
    [InlineData("us")]
    [InlineData("who")]
    [InlineData("turkey")]
    [InlineData("is")]
    public void Common_words_are_not_names(string word) => Assert.Null(Code(word));

    [Theory]
    [InlineData("United Nations", "IGOUNO")]
    [InlineData("U.N.", "IGOUNO")]
    [InlineData("the world body", "IGOUNO")]
    [InlineData("UN Security Council", "IGOUNO")]
    [InlineData("the General Assembly", "IGOUNO")]
    [InlineData("UN Secretary-General", "IGOUNO")]
    [InlineData("UNHCR", "IGOUNOREFHCR")]
    [InlineData("UNICEF", "IGOUNOKID")]
    [InlineData("World Food Programme", "IGOUNOWFP")]
    [InlineData("IAEA", "IGOUNOIAE")]
    [InlineData("WHO", "IGOUNOHLHWHO")]
    [InlineData("North Atlantic Treaty Organization", "IGOWSTNAT")]
    [InlineData("NATO", "IGOWSTNAT")]
    [InlineData("EU", "IGOEUREEC")]
    [InlineData("European Commission", "IGOEUREEC")]
    [InlineData("African Union", "IGOAFRAFU")]
    [InlineData("ICRC", "NGOHLHIRC")]
    [InlineData("Amnesty International", "NGOHRIAMN")]
    [InlineData("Doctors Without Borders", "NGOHLHMSF")]
    public void International_organisations(string phrase, string code) => Assert.Equal(code, Code(phrase));

    [Fact]
    public void The_secretary_general_is_an_office_of_the_united_nations()
    {
        var entry = ProjectLexicon.Lexicon.Lookup("UN Secretary-General")[0];
        Assert.Equal(("Secretary-General", "United Nations", "IGO"), (entry.Role, entry.Organization, entry.Sector));
    }

    [Theory]
    [InlineData("the Islamic State", "IMGMUSISI")]
    [InlineData("ISIS", "IMGMUSISI")]
    [InlineData("IS", "IMGMUSISI")]
    [InlineData("al-Qaeda", "IMGMUSALQ")]
    [InlineData("al - Qaeda", "IMGMUSALQ")]
    [InlineData("Hamas", "PSEREBHMS")]
    [InlineData("Hezbollah", "LBNREB")]
    [InlineData("Houthis", "YEMREB")]
    [InlineData("Boko Haram", "NGAREB")]
    [InlineData("Kurdistan Workers ' Party", "TURREB")]
    [InlineData("New People 's Army", "PHLREB")]
    [InlineData("Wagner Group", "RUSMIL")]
    public void Armed_groups(string phrase, string code) => Assert.Equal(code, Code(phrase));

    [Theory]
    [InlineData("2020-02-29", "AFGREB")]
    [InlineData("2021-08-15", "AFGGOV")]
    [InlineData("2023-01-01", "AFGGOV")]
    public void The_taliban_govern_from_august_2021(string date, string code) =>
        Assert.Equal(code, Code("the Taliban", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("president", "GOV", true, "President")]
    [InlineData("Chancellor", "GOV", true, "Chancellor")]
    [InlineData("spokeswoman", "GOV", true, "Spokesperson")]
    [InlineData("troops", "MIL", false, null)]
    [InlineData("police", "COP", false, null)]
    [InlineData("lawmakers", "LEG", true, "Legislator")]
    [InlineData("rebels", "REB", false, null)]
    [InlineData("journalists", "MED", false, null)]
    [InlineData("refugees", "REF", false, null)]
    public void Agents_have_codes_titles_and_roles(string word, string code, bool title, string? role)
    {
        var entry = ProjectLexicon.Lexicon.Lookup(word).Single(e => e.Kind == ActorKind.Agent);
        Assert.Equal((code, title, role), (entry.CodeOn(null), entry.IsTitle, entry.Role));
    }

    [Theory]
    [InlineData("Russian troops", "RUSMIL")]
    [InlineData("the rebels from Syria", "SYRREB")]
    [InlineData("the US commander in Iraq", "USAMIL")]
    [InlineData("a Tunisian court", "TUNJUD")]
    [InlineData("a Nigerian student", "NGAEDU")]
    [InlineData("a Croatian aid group", "NGOHRV")]
    [InlineData("Trinidad and Tobago", "TTO")]
    [InlineData("the Kremlin spokesman", "RUSGOV")]
    [InlineData("UN peacekeepers", "IGOUNO")]
    [InlineData("U.N. Secretary-General", "IGOUNO")]
    [InlineData("the NATO secretary-general", "IGOWSTNAT")]
    [InlineData("German Chancellor", "DEUGOV")]
    [InlineData("the Iranian leader", "IRNGOV")]
    [InlineData("the Permanent Mission of the Czech Republic to the United Nations", "CZEGOV")]
    [InlineData("the Kenya mission at the U.N.", "KENGOV")]
    [InlineData("Ukrainian forces", "UKRMIL")]
    public void Codes_noun_phrases_from_actor_and_agent(string phrase, string code) =>
        Assert.Equal([code], new ActorPhraseCoder(ProjectLexicon.Lexicon).Code(ProjectLexicon.Tokens(phrase), new DateOnly(2022, 4, 20)));

    [Theory]
    [InlineData("New Mexico")]
    [InlineData("the Indian Ocean")]
    [InlineData("New England")]
    public void Names_inside_places_that_are_not_actors_are_not_coded(string phrase) =>
        Assert.Empty(new ActorPhraseCoder(ProjectLexicon.Lexicon).Code(ProjectLexicon.Tokens(phrase), null));

    [Fact]
    public void Loads_from_the_data_folder_found_above_the_program() =>
        Assert.Equal(ProjectLexicon.Lexicon.PhraseCount, ActorLexicon.LoadDefault().PhraseCount);

    [Fact]
    public void Codes_each_part_of_a_coordination() =>
        Assert.Equal(["UKRGOV", "RUSMIL"],
            new ActorPhraseCoder(ProjectLexicon.Lexicon).Code(ProjectLexicon.Tokens("Kyiv and Russian troops"), null));
}
