using Parley.Actors;
using Parley.Events;
using Parley.Model;
using Parley.Processing;
using Parley.Syntax;
using Parley.Text;
using Xunit.Abstractions;

namespace Parley.Tests.Events;

/// <summary>
/// The PETRARCH unit-test records from raw text with Parley's own analysis: rule tokenizer and
/// splitter, the tagger and parser models, actors coded by the suite's own actor and agent
/// dictionaries over each noun phrase of the parse, events by the suite's verb dictionary read into
/// dependency patterns. Prints each failure and "N passed, M failed".
/// </summary>
public sealed class PetrarchRecordRunTests(ITestOutputHelper output)
{
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
        var dictionaries = Path.Combine(shared, "petrarch", "dictionaries");
        var builder = new ActorLexiconBuilder();
        PetrarchDictionaryReader.ReadActorsFile(Path.Combine(dictionaries, "PETR.Validate.actors.txt"), builder);
        PetrarchDictionaryReader.ReadAgentsFile(Path.Combine(dictionaries, "PETR.Validate.agents.txt"), builder);
        var phrases = new ActorPhraseCoder(builder.Build());
        var verbs = PetrarchVerbReader.Read(Path.Combine(dictionaries, "PETR.Validate.verbs.txt"), CameoOntologyTests.Ontology, out var skipped);
        var coder = new EventCoder(verbs, CameoOntologyTests.Ontology, new EventCoderOptions { RequireDyad = true, TargetFromVerbPhrase = true });
        var pipeline = Pipeline.Build(
        [
            new RuleTokenizer(), new RuleSentenceSplitter(), new PerceptronTagger(Path.Combine(models, "tagger-v1.bin")),
            ArcEagerParser.Load(Path.Combine(models, "parser-v1.bin")),
        ]);
        var records = PetrarchEvaluation.ReadRecords(Path.Combine(shared, "petrarch", "validation", "PETR.UnitTest.records.xml"));
        var report = new StringWriter();
        var (passed, failed) = PetrarchEvaluation.Run(records, record =>
        {
            var doc = new Document(record.Id, record.Text) { Published = record.Date };
            pipeline.Process(doc);
            NounPhraseActors.Add(doc, phrases, record.Date);
            var result = new List<(string, string, string)>();
            foreach (var e in coder.Code(doc))
            {
                result.Add((e.Source?.Code ?? "---", e.Target?.Code ?? "---", e.Code));
            }
            return result;
        }, report);
        output.WriteLine($"verb dictionary: {verbs.Patterns.Count} patterns, {skipped} lines skipped");
        output.WriteLine(report.ToString());
        Assert.True(passed + failed > 0);
    }
}
