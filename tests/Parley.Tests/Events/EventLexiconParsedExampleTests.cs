using Parley.Model;
using Parley.Processing;
using Parley.Syntax;
using Parley.Text;
using Xunit.Abstractions;

namespace Parley.Tests.Events;

/// <summary>
/// The lexicon's examples run through Parley's own tokenizer, tagger and parser (when the models are
/// in data/models/), with every capitalised name made an actor. Reports how many code to their
/// pattern's code, source and target; the rule-built parses of <see cref="ExampleReader"/> remain the
/// always-on check.
/// </summary>
public sealed class EventLexiconParsedExampleTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Slow")]
    public void Examples_code_through_the_real_tagger_and_parser()
    {
        var models = Path.Combine(CameoOntologyTests.DataDirectory, "models");
        var taggerPath = Path.Combine(models, "tagger-v1.bin");
        var parserPath = Path.Combine(models, "parser-v1.bin");
        if (!File.Exists(taggerPath) || !File.Exists(parserPath))
        {
            output.WriteLine("tagger or parser model missing; skipped");
            return;
        }
        var pipeline = Pipeline.Build(
        [
            new RuleTokenizer(), new RuleSentenceSplitter(), new PerceptronTagger(taggerPath), ArcEagerParser.Load(parserPath),
        ]);
        var coder = EventLexiconExampleTests.Coder;
        int passed = 0, failed = 0;
        var perRoot = new SortedDictionary<string, (int Passed, int Total)>(StringComparer.Ordinal);
        foreach (var p in EventLexiconExampleTests.Lexicon.Patterns)
        {
            if (p.Example is null)
            {
                continue;
            }
            var doc = new Document(p.Id, p.Example);
            pipeline.Process(doc);
            AddNameActors(doc);
            var events = coder.Code(doc);
            var ok = EventLexiconExampleTests.Matches(events, p);
            var root = p.Code[..2];
            perRoot.TryGetValue(root, out var c);
            perRoot[root] = (c.Passed + (ok ? 1 : 0), c.Total + 1);
            if (ok)
            {
                passed++;
            }
            else
            {
                failed++;
                output.WriteLine($"{p.Id} {p.Code} \"{p.Example}\" expected {p.ExampleSource ?? "-"} > {p.ExampleTarget ?? "-"}; got "
                    + EventLexiconExampleTests.Describe(events) + "\n    parse: " + EventLexiconExampleTests.Parse(doc));
            }
        }
        foreach (var (root, (ok, total)) in perRoot)
        {
            output.WriteLine($"root {root}: {ok}/{total}");
        }
        output.WriteLine($"{passed} passed, {failed} failed ({100.0 * passed / (passed + failed):0.0} %)");
        Assert.True(passed > 0);
    }

    // Every token that starts with a capital, except the sentence's first word when it is not a
    // name the example states, is an actor named by itself.
    private static void AddNameActors(Document doc)
    {
        var n = 1;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < doc.Tokens.Length; i++)
        {
            var text = doc.TokenText(i).ToString();
            if (text.Length < 2 || !char.IsUpper(text[0]) || doc.Analyses[i].Upos is not ("PROPN" or "NOUN" or "ADJ" or "X"))
            {
                continue;
            }
            if (!seen.TryGetValue(text, out var index))
            {
                seen[text] = index = doc.Actors.Count;
                doc.Actors.Add(new Actor { Id = "a" + n++, Name = text, Code = text.ToUpperInvariant(), Mentions = [] });
            }
            var actor = doc.Actors[index];
            var mentions = new List<Mention>(actor.Mentions) { new(doc.Tokens[i].Start, doc.Tokens[i].End, text) };
            doc.Actors[index] = actor with { Mentions = mentions };
        }
        doc.AddLayers(Layers.Actors);
    }
}
