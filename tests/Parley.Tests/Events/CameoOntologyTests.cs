using Parley.Events;
using Parley.Processing;

namespace Parley.Tests.Events;

public sealed class CameoOntologyTests
{
    internal static string DataDirectory =>
        DataPaths.ResolveData() ?? throw new InvalidOperationException("data/ not found above the test binaries.");

    internal static CameoOntology Ontology { get; } = CameoOntology.LoadFromData(DataDirectory);

    [Fact]
    public void Committed_file_equals_a_fresh_build_from_the_shared_tables()
    {
        var shared = DataPaths.ResolveShared();
        if (shared is null || !File.Exists(Path.Combine(shared, "cameo", "CAMEO_event_codes.tsv")))
        {
            return; // The shared tables are not beside this checkout; the committed file stands.
        }
        var fresh = CameoOntology.Build(Path.Combine(shared, "cameo"));
        var path = Path.Combine(DataDirectory, "cameo", CameoOntology.FileName);
        if (Environment.GetEnvironmentVariable("UPDATE_CAMEO") == "1")
        {
            File.WriteAllText(path, fresh);
        }
        Assert.Equal(fresh, File.ReadAllText(path));
    }

    [Fact]
    public void Has_every_code_with_leading_zeros_and_full_depth()
    {
        Assert.Equal(316, Ontology.Codes.Count);
        Assert.Equal(20, Ontology.Codes.Count(c => c.Level == 1));
        Assert.Equal("Express intent to meet or negotiate", Ontology.Find("036")!.Name);
        Assert.Equal(3, Ontology.Find("0311")!.Level);
        Assert.Equal(3, Ontology.Find("1041")!.Level);
    }

    [Theory]
    [InlineData("036", 1, "AGREE", 4.0)]
    [InlineData("057", 1, "SUPPORT", 8.0)]
    [InlineData("0874", 2, "RETREAT", 10.0)]
    [InlineData("112", 3, "ACCUSE", -2.0)]
    [InlineData("163", 4, "COERCE", -6.5)]
    [InlineData("190", 4, "ASSAULT", -10.0)]
    public void Carries_quad_plover_and_goldstein(string code, int quad, string plover, double goldstein)
    {
        var c = Ontology.Find(code)!;
        Assert.Equal(quad, c.Quad);
        Assert.Equal(plover, c.Plover!.Type);
        Assert.Equal(goldstein, c.Goldstein);
    }

    [Fact]
    public void Statements_and_appeals_have_no_plover_type_and_missing_weights_come_from_the_parent()
    {
        Assert.Null(Ontology.Find("010")!.Plover);
        Assert.Null(Ontology.Find("020")!.Plover);
        var c = Ontology.Find("0251")!;
        Assert.NotEqual("0251", c.GoldsteinFrom);
        Assert.Equal("164", Ontology.FindOrAncestor("1641")!.Code);
    }
}
