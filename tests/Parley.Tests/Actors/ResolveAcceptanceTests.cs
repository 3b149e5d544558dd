using System.Text.Json;
using Parley.Actors;
using Parley.Model;
using Parley.Processing;
using Parley.Text;
using Xunit.Abstractions;

namespace Parley.Tests.Actors;

/// <summary>
/// The defining example article, run through every stage available up to actor resolution, must
/// give the actors a careful coder expects (actors.must): code, role and every listed mention.
/// </summary>
public sealed class ResolveAcceptanceTests(ITestOutputHelper output)
{
    [SharedDataFact]
    [Trait("Category", "Slow")]
    public void Example_article_yields_the_expected_actors()
    {
        var shared = DataPaths.ResolveShared()!;
        var text = File.ReadAllText(Path.Combine(shared, "examples", "un-guterres-putin.txt"));
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(shared, "acceptance", "un-guterres-putin.expected.json")));
        var document = new Document("un-guterres-putin", text) { Published = new DateOnly(2022, 4, 20) };
        var stages = new List<IStage> { new BoilerplateCleaner(), new RuleTokenizer(), new RuleSentenceSplitter() };
        stages.AddRange(ResolveModels.Stages());
        stages.Add(new LexiconActorResolver(new ActorResolver(ProjectLexicon.Lexicon)));
        Pipeline.Build(stages).Process(document);
        Assert.False(document.IsFailed, string.Join("; ", document.Diagnostics));
        foreach (var entity in document.Entities)
        {
            output.WriteLine($"entity {entity.Type} '{document.Slice(entity.Span)}'");
        }
        foreach (var actor in document.Actors)
        {
            output.WriteLine($"{actor.Id} {actor.Name} {actor.Code} role={actor.Role} org={actor.Organization} :: {string.Join(" | ", actor.Mentions.Select(m => $"{m.Text}@{m.Start}"))}");
        }
        Assert.Empty(DocumentInvariants.Violations(document));
        var problems = new List<string>();
        foreach (var must in expected.RootElement.GetProperty("actors").GetProperty("must").EnumerateArray())
        {
            var name = must.GetProperty("name").GetString()!;
            var actor = document.Actors.FirstOrDefault(a => a.Name == name);
            if (actor is null)
            {
                problems.Add($"no actor named '{name}'");
                continue;
            }
            if (actor.Code != must.GetProperty("code").GetString())
            {
                problems.Add($"{name}: code {actor.Code}, expected {must.GetProperty("code").GetString()}");
            }
            if (!string.Equals(actor.Role, must.GetProperty("role").GetString(), StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{name}: role {actor.Role}, expected {must.GetProperty("role").GetString()}");
            }
            foreach (var also in must.GetProperty("also_called").EnumerateArray())
            {
                var form = also.GetString()!;
                // The expected forms are written in lower case where the text may open a sentence.
                var found = actor.Mentions.Count(m => string.Equals(m.Text, form, StringComparison.OrdinalIgnoreCase));
                if (found == 0)
                {
                    problems.Add($"{name}: no mention '{form}'");
                }
            }
            for (var i = 1; i < actor.Mentions.Count; i++)
            {
                Assert.True(actor.Mentions[i - 1].Start <= actor.Mentions[i].Start, "mentions in text order");
            }
        }
        // Media and boilerplate: no political actor from "The Hill" line, NBC is media.
        var boilerplate = text.IndexOf("For the latest news", StringComparison.Ordinal);
        Assert.DoesNotContain(document.Actors, a => a.Mentions.Any(m => m.Start >= boilerplate));
        Assert.All(document.Actors.Where(a => a.Mentions.Any(m => m.Text.StartsWith("NBC", StringComparison.Ordinal))),
            a => Assert.True(a.Code is null || a.Code.EndsWith("MED", StringComparison.Ordinal), $"{a.Name} coded {a.Code}"));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
