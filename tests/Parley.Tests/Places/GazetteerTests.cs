using System.Diagnostics;
using Parley.Places;
using Parley.Processing;

namespace Parley.Tests.Places;

public sealed class GazetteerTests(GazetteerFixture fixture) : IClassFixture<GazetteerFixture>
{
    private const string Tiny = "#parley-gazetteer\t1\n"
        + "# a hand-made gazetteer\n"
        + "F\t00F4\to\n"
        + "F\t2019\t\n"
        + "W\thope\n"
        + "E\tiso:CI\tcountry\tCI\t\t7.5000\t-5.5000\t1000000\tPCLI\tCôte d'Ivoire\tIvory Coast\n"
        + "E\t1\tcity\tUS\tAR\t33.6671\t-93.5916\t9891\tPPLA2\tHope\t\n"
        + "E\tparley:x\tregion\t\t\t1.0000\t2.0000\t0\t\tThe Middle Place\tMiddle Land|Mid-Land\n";

    [Fact]
    public void LoadsFromAnyReader()
    {
        var gazetteer = Gazetteer.Load(new StringReader(Tiny));
        Assert.Equal(3, gazetteer.Count);
        Assert.Equal("iso:CI", Assert.Single(gazetteer.Lookup("cote d'ivoire")).Id);
        Assert.Equal("iso:CI", Assert.Single(gazetteer.Lookup("Côte d’Ivoire")).Id);
        Assert.Equal("iso:CI", Assert.Single(gazetteer.Lookup("IVORY COAST")).Id);
        Assert.Equal("parley:x", Assert.Single(gazetteer.Lookup("the middle place")).Id);
        Assert.Equal("parley:x", Assert.Single(gazetteer.Lookup("Mid Land")).Id);
        Assert.Empty(gazetteer.Lookup("Atlantis"));
        var hope = Assert.Single(gazetteer.Lookup("Hope"));
        Assert.Equal(9891, hope.Population);
        Assert.Equal("AR", hope.Admin1);
        Assert.Equal(33.6671, hope.Latitude);
    }

    [Theory]
    [InlineData("Côte d'Ivoire", "cote divoire")]
    [InlineData("Washington, D.C.", "washington dc")]
    [InlineData("The Hague", "hague")]
    [InlineData("Guinea-Bissau", "guinea bissau")]
    public void NormalisesNames(string name, string expected) =>
        Assert.Equal(expected, fixture.Gazetteer.Normalize(name));

    [Fact]
    public void RejectsAFileWithoutItsHeader()
    {
        var error = Assert.Throws<Parley.Diagnostics.ParleyConfigurationException>(() => Gazetteer.Load(new StringReader("E\tx\n")));
        Assert.Equal("E103", error.Code);
    }

    [Fact]
    public void CommittedFileLoadsAndHoldsTheSources()
    {
        var data = DataPaths.ResolveData();
        Assert.NotNull(data);
        var path = Path.Combine(data, Gazetteer.RelativePath);
        Assert.InRange(new FileInfo(path).Length, 1_000_000, 15_000_000);
        // Load time is a benchmark figure (bench: models), not asserted here.
        var gazetteer = Gazetteer.Load(path);
        Assert.InRange(gazetteer.Count, 130_000, 160_000);

        var kyiv = gazetteer.Lookup("Kiev");
        Assert.Contains(kyiv, e => e.Id == "703448" && e.Country == "UA" && e.Kind == PlaceKinds.City);
        Assert.Contains(gazetteer.Lookup("Czech Republic"), e => e.Id == "iso:CZ" && e.Kind == PlaceKinds.Country);
        Assert.Contains(gazetteer.Lookup("Czechia"), e => e.Id == "iso:CZ");
        Assert.Contains(gazetteer.Lookup("Peking"), e => e.Country == "CN" && e.Kind == PlaceKinds.City);
        Assert.Contains(gazetteer.Lookup("Washington, D.C."), e => e.Country == "US" && e.Admin1 == "DC");
        Assert.Contains(gazetteer.Lookup("Crimea"), e => e.Country == "UA" && e.Kind == PlaceKinds.Region);
        Assert.Contains(gazetteer.Lookup("Texas"), e => e.Id == "iso:US-TX" && e.Kind == PlaceKinds.Admin1 && e.Admin1 == "TX");
        // Most populous first.
        Assert.Equal("FR", gazetteer.Lookup("Paris")[0].Country);
    }
}
