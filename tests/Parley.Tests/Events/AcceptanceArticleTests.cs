using System.Text.Json;
using Parley.Model;
using Parley.Processing;
using Xunit.Abstractions;

namespace Parley.Tests.Events;

/// <summary>
/// The defining example article through the standard pipeline (what <c>parley code</c> runs): every
/// event the acceptance file requires is found (any listed code; a country-level code also accepts
/// its sector codes) and no more events than it allows. Prints every event.
/// </summary>
public sealed class AcceptanceArticleTests(ITestOutputHelper output)
{
    private const int MaxEvents = 15;

    [Fact]
    [Trait("Category", "Slow")]
    public void The_example_article_codes_its_required_events()
    {
        var shared = DataPaths.ResolveShared();
        var article = shared is null ? null : Path.Combine(shared, "examples", "un-guterres-putin.txt");
        var expected = shared is null ? null : Path.Combine(shared, "acceptance", "un-guterres-putin.expected.json");
        var stages = StandardStages.Create(CameoOntologyTests.DataDirectory);
        if (article is null || !File.Exists(article) || !File.Exists(expected) || stages.Missing.Count > 0)
        {
            output.WriteLine("shared data or a stage's data missing; skipped");
            return;
        }
        var doc = new Document("example", File.ReadAllText(article)) { Published = new DateOnly(2022, 4, 20) };
        stages.Pipeline.Process(doc);
        foreach (var e in doc.Events)
        {
            output.WriteLine($"{e.Id} s{e.Sentence} {e.Code} {e.Source?.Code ?? "-"}({e.Source?.Text}) > {e.Target?.Code ?? "-"}({e.Target?.Text}) "
                + $"'{e.Trigger.Text}' {e.Mode} {e.Confidence} [{e.Rule}]");
        }
        using var json = JsonDocument.Parse(File.ReadAllText(expected));
        var missing = new List<string>();
        foreach (var must in json.RootElement.GetProperty("events").GetProperty("must").EnumerateArray())
        {
            var source = must.GetProperty("source").GetString()!;
            var target = must.GetProperty("target").GetString()!;
            var codes = must.GetProperty("codes").EnumerateArray().Select(c => c.GetString()).ToList();
            var hit = doc.Events.Exists(e => e.Source?.Code?.StartsWith(source, StringComparison.Ordinal) == true
                && e.Target?.Code?.StartsWith(target, StringComparison.Ordinal) == true && codes.Contains(e.Code));
            output.WriteLine($"required {source} > {target} {string.Join('/', codes)}: {(hit ? "found" : "missing")}");
            if (!hit)
            {
                missing.Add($"{source} > {target} '{must.GetProperty("in").GetString()}'");
            }
        }
        Assert.Empty(missing);
        Assert.InRange(doc.Events.Count, 1, MaxEvents);
        Assert.Empty(DocumentInvariants.Violations(doc));
    }
}
