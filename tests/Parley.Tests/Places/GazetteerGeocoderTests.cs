using Parley.Model;
using Parley.Places;
using Parley.Processing;

namespace Parley.Tests.Places;

public sealed class GazetteerGeocoderTests(GazetteerFixture fixture) : IClassFixture<GazetteerFixture>
{
    private List<Place> Geocode(string text, Action<Document>? annotate = null)
    {
        var document = new Document("test", text);
        Segmentation.Prepare(document);
        annotate?.Invoke(document);
        var stage = fixture.Geocoder;
        stage.Process(document, new StageContext(document, stage.Name));
        Assert.True(document.Layers.HasFlag(Layers.Places));
        return document.Places;
    }

    private static Place Single(List<Place> places, string name)
    {
        var found = places.FindAll(p => p.Mentions.Any(m => m.Text == name));
        Assert.True(found.Count == 1, $"expected one place mentioned as '{name}', got: {string.Join(", ", places.Select(p => p.Name))}");
        return found[0];
    }

    [Fact]
    public void DeclaresItself()
    {
        var stage = fixture.Geocoder;
        Assert.Equal("places.gazetteer.v1", stage.Name);
        Assert.Equal(Layers.Tokens | Layers.Sentences, stage.Requires);
        Assert.Equal(Layers.Places, stage.Provides);
    }

    [Fact]
    public void TownCommaStateTakesTheTownInThatState()
    {
        var places = Geocode("The festival moved to Paris, Texas, after the storm.");
        var paris = Single(places, "Paris");
        Assert.Equal("US", paris.Country);
        Assert.Equal("TX", paris.Admin1);
        Assert.Equal("city", paris.Kind);
        var texas = Single(places, "Texas");
        Assert.Equal("admin1", texas.Kind);
    }

    [Fact]
    public void ParisAloneIsTheFrenchCapital()
    {
        var paris = Single(Geocode("Ministers met in Paris on Tuesday."), "Paris");
        Assert.Equal("FR", paris.Country);
        Assert.Equal("2988507", paris.GazetteerId);
    }

    [Theory]
    [InlineData("The envoy said she would brief the Ghana mission on Friday.")]
    [InlineData("Diplomats from the Kenya delegation left early.")]
    [InlineData("A statement from the Czech Republic Permanent Mission followed.")]
    [InlineData("She studied at the University of Texas before joining the firm.")]
    [InlineData("The Bank of England raised rates again.")]
    [InlineData("The complaint was sent to the Permanent Mission of Brazil last week.")]
    [InlineData("The novelist Jack London wrote about the gold rush.")]
    [InlineData("President Obama spoke first.")]
    [InlineData("The settlement was worth US$460 million.")]
    public void NamesInsideOtherNamesAreNotPlaces(string text) => Assert.Empty(Geocode(text));

    [Theory]
    [InlineData("Austrian officials said the talks would resume.")]
    [InlineData("Russian forces shelled the area overnight.")]
    public void DemonymsAreNotPlaces(string text) => Assert.Empty(Geocode(text));

    [Theory]
    [InlineData("Hope is fading for the missing climbers.")]
    [InlineData("Reading the report took all night.")]
    [InlineData("Nice weather brought crowds to the beaches.")]
    [InlineData("Mobile phones were banned in the hall.")]
    public void CommonWordsNeedEvidence(string text) => Assert.Empty(Geocode(text));

    [Fact]
    public void CommonWordTownWithLocativeEvidenceIsAPlace()
    {
        var reading = Single(Geocode("The band played a concert in Reading last year."), "Reading");
        Assert.Equal("GB", reading.Country);
    }

    [Fact]
    public void CountryMentionedEarlierPicksTheCity()
    {
        var text = "Tornadoes hit Alabama on Monday. Officials in Birmingham said three people died.";
        var birmingham = Single(Geocode(text), "Birmingham");
        Assert.Equal("US", birmingham.Country);
        Assert.Equal("AL", birmingham.Admin1);

        var alone = Single(Geocode("Officials in Birmingham said three people died."), "Birmingham");
        Assert.Equal("GB", alone.Country);
    }

    // A neighbouring town; a container after a comma ("Savannah, Georgia"); a list of subdivisions.
    [Theory]
    [InlineData("Storms hit Georgia. In Atlanta, power lines fell.", "Georgia", "US", "admin1")]
    [InlineData("Protests spread across Georgia. In Tbilisi, police closed the square.", "Georgia", "GE", "country")]
    [InlineData("The shipment left a warehouse in Savannah, Georgia, on Friday.", "Georgia", "US", "admin1")]
    [InlineData("The shipment left a warehouse in Batumi, Georgia, on Friday.", "Georgia", "GE", "country")]
    [InlineData("Outbreaks were confirmed in Ohio, Kentucky, Tennessee and Georgia this spring.", "Georgia", "US", "admin1")]
    [InlineData("New cases were counted in Manitoba, Ontario and Quebec last month.", "Quebec", "CA", "admin1")]
    public void OtherPlacesChooseTheReading(string text, string name, string country, string kind)
    {
        var place = Single(Geocode(text), name);
        Assert.Equal(country, place.Country);
        Assert.Equal(kind, place.Kind);
    }

    [Theory]
    [InlineData("Cases rose in Kansas, Utah, Virginia, Washington, West Virginia and Iowa.")]
    [InlineData("Inspectors visited farms in Washington, Pennsylvania and Ohio.")]
    public void CommaListIsNoChainOfContainers(string text)
    {
        var washington = Single(Geocode(text), "Washington");
        Assert.Equal("admin1", washington.Kind);
        Assert.Equal("WA", washington.Admin1);
    }

    [Fact]
    public void TownUnknownInItsContainerIsLeftUnresolved()
    {
        var places = Geocode("The bus broke down near Tewkesbury, Manitoba, on Sunday.");
        Assert.DoesNotContain(places, p => p.Mentions.Any(m => m.Text == "Tewkesbury"));
        Assert.Equal("CA", Single(places, "Manitoba").Country);
    }

    [Fact]
    public void PlaceBeforeASubjectIsNotInsideIt()
    {
        const string text = "After the talks in Lyon, Germany said the plan was dead.";
        var places = Geocode(text, d =>
        {
            var analyses = new TokenAnalysis[d.Tokens.Length];
            for (var t = 0; t < analyses.Length; t++)
            {
                var word = d.TokenText(t).ToString();
                analyses[t] = new TokenAnalysis(word == "said" ? "VERB" : "X", "X", word, 0, "dep");
            }
            d.Analyses = analyses;
        });
        Assert.Equal("FR", Single(places, "Lyon").Country);
        Assert.Equal("DE", Single(places, "Germany").Country);
    }

    [Fact]
    public void LowerCaseCompassWordDoesNotStartAName()
    {
        const string text = "Aid convoys reached south Sudan last week.";
        var places = Geocode(text, d =>
        {
            var tokens = d.Tokens;
            d.Entities = [new EntityMention(tokens[3].Start, tokens[4].End, 3, 2, EntityType.Location)];
        });
        var sudan = Single(places, "Sudan");
        Assert.Equal("SD", sudan.Country);
        Assert.DoesNotContain(places, p => p.Country == "SS");
    }

    [Theory]
    [InlineData("Flooding cut roads across Vrelta-Natal on Monday.", "Natal")]
    [InlineData("Flooding cut roads across Saxony-Vrelta on Monday.", "Saxony")]
    public void PartOfAnUnknownHyphenatedNameIsNoPlace(string text, string part) =>
        Assert.DoesNotContain(Geocode(text), p => p.Mentions.Any(m => m.Text == part));

    [Fact]
    public void TwoPlacesJoinedByAHyphenStayPlaces()
    {
        var places = Geocode("Trucks queued at the Mexico-Guatemala border crossing.");
        Assert.Equal("MX", Single(places, "Mexico").Country);
        Assert.Equal("GT", Single(places, "Guatemala").Country);
    }

    [Theory]
    [InlineData("Doctors travelled to the Republic of Congo in May.", "Republic of Congo", "CG")]
    [InlineData("Schools closed in Nyanza Province after the floods.", "Nyanza Province", "KE")]
    [InlineData("Police in the state of Guerrero found the car.", "Guerrero", "MX")]
    [InlineData("Heavy rain fell over KwaZulu-Natal overnight.", "KwaZulu-Natal", "ZA")]
    [InlineData("Farmers in West Java lost their crops.", "West Java", "ID")]
    public void RegionsAndSubdivisionsByTheirWholeName(string text, string name, string country)
    {
        var place = Single(Geocode(text), name);
        Assert.Equal(country, place.Country);
        Assert.NotEqual("city", place.Kind);
    }

    [Fact]
    public void RegionResolvesToItsCountry()
    {
        var gaza = Single(Geocode("Shelling resumed in the Gaza Strip on Sunday."), "Gaza Strip");
        Assert.Equal("PS", gaza.Country);
        Assert.Equal("region", gaza.Kind);
        Assert.InRange(gaza.Lat, 31, 32);
    }

    [Fact]
    public void CountryNameAloneIsACountry()
    {
        var ukraine = Single(Geocode("Ukraine asked for more air defence."), "Ukraine");
        Assert.Equal("country", ukraine.Kind);
        Assert.Equal("UA", ukraine.Country);
        Assert.Equal("iso:UA", ukraine.GazetteerId);
    }

    [Fact]
    public void TypeCueAndCity()
    {
        var mombasa = Single(Geocode("Ships queued outside the coastal port city of Mombasa on Friday."), "Mombasa");
        Assert.Equal("city", mombasa.Kind);
        Assert.Equal("KE", mombasa.Country);
    }

    [Fact]
    public void MentionsOfOnePlaceMerge()
    {
        var places = Geocode("Kyiv was quiet. Residents of Kiev, as it was once spelt, queued for water. Later Kyiv lost power.");
        var kyiv = Assert.Single(places);
        Assert.Equal("Kyiv", kyiv.Name);
        Assert.Equal("p1", kyiv.Id);
        Assert.Equal(["Kyiv", "Kiev", "Kyiv"], kyiv.Mentions.Select(m => m.Text));
        Assert.True(kyiv.Mentions[0].Start < kyiv.Mentions[1].Start);
    }

    [Fact]
    public void ExonymsAndTheHague()
    {
        var places = Geocode("The court in The Hague heard the case from Burma, and delegates flew in from Bombay and the Ivory Coast.");
        var hague = Single(places, "The Hague");
        Assert.Equal("NL", hague.Country);
        Assert.Equal("MM", Single(places, "Burma").Country);
        Assert.Equal("IN", Single(places, "Bombay").Country);
        Assert.Equal("CI", Single(places, "Ivory Coast").Country);
    }

    [Fact]
    public void NothingFromRemovedSpans()
    {
        const string text = "Subscribe to our London newsletter. Talks resumed in Geneva.";
        var places = Geocode(text, d => d.Removed.Add(new RemovedSpan(0, text.IndexOf("Talks", StringComparison.Ordinal), "boilerplate")));
        var geneva = Assert.Single(places);
        Assert.Equal("CH", geneva.Country);
    }

    [Fact]
    public void EntityLocationsAndPeopleFromTheRecogniser()
    {
        const string text = "Aid reached Pandi on Sunday, said Houston.";
        var places = Geocode(text, d =>
        {
            var tokens = d.Tokens;
            d.Entities =
            [
                new EntityMention(tokens[2].Start, tokens[2].End, 2, 1, EntityType.Location),
                new EntityMention(tokens[7].Start, tokens[7].End, 7, 1, EntityType.Person),
            ];
        });
        var pandi = Assert.Single(places);
        Assert.Equal("PH", pandi.Country);
    }

    [Fact]
    public void UnknownLocationIsReported()
    {
        var document = new Document("test", "They walked to Zzyzxqua yesterday.");
        Segmentation.Prepare(document);
        document.Entities = [new EntityMention(document.Tokens[3].Start, document.Tokens[3].End, 3, 1, EntityType.Location)];
        var stage = fixture.Geocoder;
        stage.Process(document, new StageContext(document, stage.Name));
        Assert.Empty(document.Places);
        Assert.Contains(document.Diagnostics, d => d.Code == Parley.Diagnostics.DiagnosticCodes.PlaceNotInGazetteer);
    }

    [Fact]
    public void AbbreviatedCountriesAreTakenTownAbbreviationsAreNot()
    {
        var places = Geocode("The U.S. and the UK pledged aid, the UN said, after talks in Washington, D.C. on Monday.");
        Assert.Equal("US", Single(places, "U.S.").Country);
        Assert.Equal("GB", Single(places, "UK").Country);
        Assert.DoesNotContain(places, p => p.Mentions.Any(m => m.Text == "UN"));
        var washington = Single(places, "Washington, D.C.");
        Assert.Equal("city", washington.Kind);
    }

    [Fact]
    public void SameResultOnEveryThread()
    {
        const string text = "Storms hit Georgia. In Atlanta, power lines fell. Later, officials in Paris, Texas, and Kyiv spoke.";
        var expected = string.Join("|", Geocode(text).Select(p => p.GazetteerId + ":" + p.Mentions.Count));
        var results = new string[64];
        Parallel.For(0, results.Length, i =>
            results[i] = string.Join("|", Geocode(text).Select(p => p.GazetteerId + ":" + p.Mentions.Count)));
        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
