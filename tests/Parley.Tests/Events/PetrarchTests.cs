using Parley.Events;
using Parley.Processing;
using Xunit.Abstractions;

namespace Parley.Tests.Events;

public sealed class PetrarchTests(ITestOutputHelper output)
{
    private static string? PetrarchDirectory
    {
        get
        {
            var shared = DataPaths.ResolveShared();
            var dir = shared is null ? null : Path.Combine(shared, "petrarch");
            return dir is not null && Directory.Exists(dir) ? dir : null;
        }
    }

    [Fact]
    public void Reads_verb_blocks_synsets_and_patterns_into_dependency_patterns()
    {
        const string text = """
            &TROOPS
            +TROOPS
            +ARMED_FORCES

            ---  ADD   [---]  ---
            ADD  # comment
            - * SANCTIONS [163]
            - * (TO {BANNED PARTIES}) $   [1722]

            --- INVADE [192] ---
            INVADE
            OCCUPY {OCCUPIES OCCUPIED}
            - * &TROOPS (INTO +) [1952A]
            """;
        var lexicon = PetrarchVerbReader.Parse(text, "test.verbs", CameoOntologyTests.Ontology, out var skipped);
        Assert.Equal(0, skipped);
        Assert.Equal(["troop", "force"], lexicon.Synsets["TROOPS"]);
        var add = lexicon.Find("add", nominal: false);
        var sanctions = Assert.Single(add, p => p.Code == "163");
        Assert.Equal(SlotRelation.InPhrase, sanctions.Slots[0].Relation);
        Assert.Contains("sanction", sanctions.Slots[0].Lemmas!);
        var invade = lexicon.Find("invade", nominal: false);
        Assert.Contains(invade, p => p.Code == "192" && p.Slots.Count == 1);
        Assert.Contains(invade, p => p.Code == "1952" && p.Slots[1].Prepositions![0] == "into" && p.Slots[1].Role == SlotRole.Target);
        Assert.NotEmpty(lexicon.Find("occupy", nominal: false));
    }

    [Fact]
    public void The_petrarch_dictionaries_code_a_hand_parsed_sentence()
    {
        if (PetrarchDirectory is null)
        {
            return;
        }
        var lexicon = PetrarchVerbReader.Read(Path.Combine(PetrarchDirectory, "dictionaries", "CAMEO.2.0.txt"),
            CameoOntologyTests.Ontology, out var skipped);
        output.WriteLine($"CAMEO.2.0: {lexicon.Patterns.Count} patterns, {lexicon.ExpandedCount} expanded, {skipped} lines skipped");
        Assert.True(lexicon.Patterns.Count > 3000);
        var coder = new EventCoder(lexicon, CameoOntologyTests.Ontology);
        // Germany invaded France . (PETRARCH-2's own test: DEU FRA 192)
        var doc = ParsedDocs.Build("Germany|Germany|PROPN|2|nsubj invaded|invade|VERB|0|root France|France|PROPN|2|obj .|.|PUNCT|2|punct",
            ("DEU", [1]), ("FRA", [3]));
        var e = Assert.Single(coder.Code(doc));
        Assert.Equal(("DEU", "FRA", "192"), (e.Source!.Code, e.Target!.Code, e.Code));
    }

    [Fact]
    public void Reads_the_unit_test_records_and_scores_sets_of_codings()
    {
        if (PetrarchDirectory is null)
        {
            return;
        }
        var records = PetrarchEvaluation.ReadRecords(Path.Combine(PetrarchDirectory, "validation", "PETR.UnitTest.records.xml"));
        Assert.Equal(284, records.Count);
        var demo = records.Find(r => r.Id == "DEMO-01")!;
        Assert.Contains(("ARN", "GON", "064"), demo.Expected);
        Assert.StartsWith("Arnor is about to restore full diplomatic ties with Gondor", demo.Text, StringComparison.Ordinal);
        // A coder that returns the expected codings for DEMO records only.
        var report = new StringWriter();
        var (passed, failed) = PetrarchEvaluation.Run(records, r => r.Category == "DEMO" ? r.Expected : [], report);
        var active = records.Count(r => r.Active);
        Assert.Equal(active, passed + failed);
        Assert.EndsWith($"{passed} passed, {failed} failed", report.ToString().TrimEnd(), StringComparison.Ordinal);
        output.WriteLine($"{records.Count} records, {active} active");
    }
}
