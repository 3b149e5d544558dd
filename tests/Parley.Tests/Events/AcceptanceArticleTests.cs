using Parley.Actors;
using Parley.Events;
using Parley.Model;
using Parley.Processing;
using Parley.Syntax;
using Parley.Text;
using Xunit.Abstractions;

namespace Parley.Tests.Events;

/// <summary>
/// The defining example article through cleaning, segmentation, the tagger and parser, noun-phrase
/// actors from the project's actor tables and the event coder; prints every event and which of the
/// acceptance file's required events it finds. A stand-in until the actors stage exists.
/// </summary>
public sealed class AcceptanceArticleTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Slow")]
    public void The_example_article_codes_its_required_events()
    {
        var shared = DataPaths.ResolveShared();
        var models = Path.Combine(CameoOntologyTests.DataDirectory, "models");
        if (shared is null || !File.Exists(Path.Combine(models, "parser-v1.bin")) || !File.Exists(Path.Combine(models, "tagger-v1.bin")))
        {
            output.WriteLine("shared data or models missing; skipped");
            return;
        }
        var text = File.ReadAllText(Path.Combine(shared, "examples", "un-guterres-putin.txt"));
        var pipeline = Pipeline.Build(
        [
            new BoilerplateCleaner(), new RuleTokenizer(), new RuleSentenceSplitter(), new PerceptronTagger(Path.Combine(models, "tagger-v1.bin")),
            ArcEagerParser.Load(Path.Combine(models, "parser-v1.bin")),
        ]);
        var date = new DateOnly(2022, 4, 20);
        var doc = new Document("un-guterres-putin", text) { Published = date };
        pipeline.Process(doc);
        var phrases = new ActorPhraseCoder(ActorLexicon.Load(Path.Combine(CameoOntologyTests.DataDirectory, ActorLexicon.DataFolder)));
        NounPhraseActors.Add(doc, phrases, date);
        foreach (var a in doc.Actors)
        {
            var names = new List<string>();
            foreach (var m in a.Mentions)
            {
                names.Add(m.Text);
            }
            output.WriteLine($"actor {a.Id} {a.Code}: {string.Join(" | ", names)}");
        }
        var events = EventLexiconExampleTests.Coder.Code(doc);
        if (Environment.GetEnvironmentVariable("PARLEY_SHOW_PARSE") == "1")
        {
            foreach (var s in doc.Sentences)
            {
                var sb = new System.Text.StringBuilder();
                for (var i = s.FirstToken; i < s.EndToken; i++)
                {
                    var a = doc.Analyses[i];
                    sb.Append(i - s.FirstToken + 1).Append(':').Append(doc.TokenText(i)).Append('/').Append(a.Lemma).Append('/').Append(a.Upos)
                        .Append('/').Append(a.Head < 0 ? 0 : a.Head - s.FirstToken + 1).Append('/').Append(a.Relation).Append(' ');
                }
                output.WriteLine(sb.ToString());
            }
        }
        foreach (var e in events)
        {
            output.WriteLine($"{e.Id} s{e.Sentence} {e.Code} {e.Source?.Code ?? "-"}({e.Source?.Text}) > {e.Target?.Code ?? "-"}({e.Target?.Text}) "
                + $"'{e.Trigger.Text}' {e.Mode} {e.Confidence} [{e.Rule}]");
        }
        var required = new (string Source, string Target, string[] Codes)[]
        {
            ("IGOUNO", "RUS", ["036", "026", "020", "040", "043", "046"]),
            ("RUS", "UKR", ["190", "193", "194", "195", "180"]),
            ("AUT", "RUS", ["040", "042", "043", "044", "046"]),
            ("IGO", "RUS", ["111", "110", "112", "122"]),
        };
        var found = 0;
        foreach (var (source, target, codes) in required)
        {
            var hit = events.Exists(e => e.Source?.Code?.StartsWith(source, StringComparison.Ordinal) == true
                && e.Target?.Code?.StartsWith(target, StringComparison.Ordinal) == true && Array.IndexOf(codes, e.Code) >= 0);
            found += hit ? 1 : 0;
            output.WriteLine($"required {source} > {target} {string.Join('/', codes)}: {(hit ? "found" : "missing")}");
        }
        output.WriteLine($"{found} of {required.Length} required events; {events.Count} events in all");
        Assert.Empty(DocumentInvariants.Violations(doc));
    }
}
