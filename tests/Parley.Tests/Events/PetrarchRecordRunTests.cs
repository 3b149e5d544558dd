using Parley.Events;
using Parley.Processing;
using Xunit.Abstractions;

namespace Parley.Tests.Events;

/// <summary>
/// The PETRARCH unit-test records from raw text with Parley's own analysis, through the same runner
/// as <c>parley eval petrarch</c>; prints each failure and "N passed, M failed" and holds a floor.
/// </summary>
public sealed class PetrarchRecordRunTests(ITestOutputHelper output)
{
    // Below the figure .ci/ratchet.txt records, so a small change in the models does not break the
    // suite; the ratchet gate in .ci/run holds the exact best.
    private const int Floor = 145;

    [Fact]
    [Trait("Category", "Slow")]
    public void Unit_test_records_from_raw_text()
    {
        var shared = DataPaths.ResolveShared();
        var models = Path.Combine(CameoOntologyTests.DataDirectory, "models");
        if (shared is null || !File.Exists(Path.Combine(models, "parser-v1.bin")) || !File.Exists(Path.Combine(models, "tagger-v1.bin")))
        {
            output.WriteLine("shared data or models missing; skipped");
            return;
        }
        var runner = new PetrarchSuiteRunner(CameoOntologyTests.DataDirectory, Path.Combine(shared, "petrarch", "dictionaries"));
        var records = PetrarchEvaluation.ReadRecords(Path.Combine(shared, "petrarch", "validation", "PETR.UnitTest.records.xml"));
        var report = new StringWriter();
        var (passed, failed) = runner.Run(records, report);
        output.WriteLine($"verb dictionary: {runner.Verbs.Patterns.Count} patterns, {runner.SkippedLines} lines skipped");
        output.WriteLine(report.ToString());
        Assert.Equal(records.Count(r => r.Active), passed + failed);
        Assert.True(passed >= Floor, $"{passed} passed, below the floor of {Floor}");
    }

    [Fact]
    public void Config_switches_hold_until_changed()
    {
        var shared = DataPaths.ResolveShared();
        var path = shared is null ? null : Path.Combine(shared, "petrarch", "validation", "PETR.UnitTest.records.xml");
        if (path is null || !File.Exists(path))
        {
            return;
        }
        var records = PetrarchEvaluation.ReadRecords(path);
        Assert.True(records.Find(r => r.Id == "DEMO-01")!.RequireDyad);
        Assert.False(records.Find(r => r.Id == "COMPOUND-03")!.RequireDyad);
        Assert.True(records.Find(r => r.Id == "COMPOUND-05")!.RequireDyad);
        Assert.Equal(4, records.Find(r => r.Id == "ACTOR-01")!.NewActorLength);
        Assert.Equal(3, records.Find(r => r.Id == "ACTOR-03")!.NewActorLength);
    }
}
