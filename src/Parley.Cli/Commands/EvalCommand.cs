using System.CommandLine;
using System.Globalization;
using Parley.Diagnostics;
using Parley.Events;
using Parley.Model;
using Parley.Places;
using Parley.Processing;
using Parley.Quotes;
using Parley.Syntax;
using Parley.Time;
using Parley.Text;

namespace Parley.Cli.Commands;

/// <summary><c>parley eval …</c>: measure Parley against gold data.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var command = new Command("eval", "Measure Parley against gold data and print the scores.");
        command.Subcommands.Add(CreateSegment());
        command.Subcommands.Add(CreatePlaces());
        command.Subcommands.Add(CreateNlp());
        command.Subcommands.Add(CreatePetrarch());
        command.Subcommands.Add(CreateComparePetrarch());
        command.Subcommands.Add(CreateGum("times", "Date value accuracy and span recall against GUM Wikinews <date when> spans.",
            (folder, _, _) => TimeEvaluator.Evaluate(folder).Format()));
        command.Subcommands.Add(CreateGum("quotes", "Direct and partial quote span precision, recall and F1 against GUM Wikinews <quote> spans.",
            (folder, annotatedOnly, showErrors) =>
            {
                var scores = QuoteEvaluator.Evaluate(folder, annotatedOnly, StagesThrough(Layers.Quotes));
                return showErrors ? scores.Format() + Environment.NewLine + string.Join(Environment.NewLine, scores.Errors) : scores.Format();
            }));
        return command;
    }

    // The standard pipeline up to the first stage that provides <paramref name="layer"/>, so a
    // measurement sees the tags and parse that stage sees in `parley code`.
    private static Pipeline StagesThrough(Layers layer)
    {
        var stages = StandardStages.Create(DataPaths.ResolveData());
        var through = new List<IStage>();
        foreach (var stage in stages.Pipeline.Stages)
        {
            through.Add(stage);
            if ((stage.Provides & layer) != 0)
            {
                return Pipeline.Build(through);
            }
        }
        throw new ParleyConfigurationException(DiagnosticCodes.DataMissing,
            $"No stage provides {layer}: {string.Join("; ", stages.Missing)}.");
    }

    private static Command CreateGum(string name, string description, Func<string, bool, bool, string> evaluate)
    {
        var folder = new Argument<string>("gold") { Description = "The GUM Wikinews xml/ folder." };
        var annotatedOnly = new Option<bool>("--annotated-only") { Description = "Score only articles whose gold marks at least one quote." };
        var showErrors = new Option<bool>("--errors") { Description = "Also print every missed and spurious span." };
        var command = new Command(name, description) { folder };
        if (name == "quotes")
        {
            command.Options.Add(annotatedOnly);
            command.Options.Add(showErrors);
        }
        command.SetAction(result =>
        {
            var path = result.GetValue(folder)!;
            if (!Directory.Exists(path))
            {
                throw new ParleyConfigurationException(DiagnosticCodes.InputNotFound, $"Gold folder '{path}' does not exist.");
            }
            Console.WriteLine(evaluate(path, result.GetValue(annotatedOnly), result.GetValue(showErrors)));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateNlp()
    {
        var file = new Argument<string>("gold") { Description = "A CoNLL-U file (e.g. EWT test)." };
        var ner = new Option<string?>("--ner") { Description = "Gold entities for the same sentences in IOB2 (Universal NER); adds NER precision, recall and F1." };
        var ratchet = new Option<string?>("--ratchet") { Description = "A file of best scores so far: exit 1 if any measure drops below its line." };
        var update = new Option<bool>("--update-ratchet") { Description = "Raise the ratchet file's lines to the new scores where they are better." };
        var rawOnly = new Option<bool>("--gold-tokens-only") { Description = "Skip the raw-text evaluation." };
        var command = new Command("nlp", "UPOS, XPOS, lemma, UAS, LAS on gold tokens and on raw text (aligned by character spans, as CoNLL 2018), and NER exact-span P/R/F1.")
        {
            file, ner, ratchet, update, rawOnly,
        };
        command.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            var nerPath = result.GetValue(ner);
            foreach (var p in new[] { path, nerPath })
            {
                if (p is not null && !File.Exists(p))
                {
                    throw new ParleyConfigurationException(DiagnosticCodes.InputNotFound, $"Gold file '{p}' does not exist.");
                }
            }
            var stages = StandardStages.Create(DataPaths.ResolveData());
            var analysis = new List<IStage>();
            var upToEntities = new List<IStage>();
            foreach (var stage in stages.Pipeline.Stages)
            {
                if ((stage.Provides & (Layers.Tags | Layers.Dependencies | Layers.Entities)) != 0)
                {
                    analysis.Add(stage);
                }
                if ((stage.Provides & (Layers.Cleaned | Layers.Tokens | Layers.Sentences | Layers.Tags | Layers.Dependencies | Layers.Entities)) != 0)
                {
                    upToEntities.Add(stage);
                }
            }
            if (analysis.Count == 0)
            {
                throw new ParleyConfigurationException(DiagnosticCodes.DataMissing,
                    $"No tagger, parser or recogniser is available: {string.Join("; ", stages.Missing)}.");
            }
            var measured = new Dictionary<string, double>(StringComparer.Ordinal);
            var gold = NlpEvaluator.Evaluate(path, Pipeline.Build(analysis, Layers.Text | Layers.Tokens | Layers.Sentences), nerPath);
            Console.WriteLine("== gold tokens");
            Console.WriteLine(gold.Format());
            Collect("gold", gold, measured);
            if (!result.GetValue(rawOnly))
            {
                var raw = NlpEvaluator.Evaluate(path, Pipeline.Build(upToEntities), nerPath, rawText: true);
                Console.WriteLine();
                Console.WriteLine("== raw text (tokens and sentences predicted; words aligned by character span)");
                Console.WriteLine(raw.Format());
                Collect("raw", raw, measured);
            }
            return CheckRatchet(result.GetValue(ratchet), result.GetValue(update), measured);
        });
        return command;
    }

    private static Command CreatePetrarch()
    {
        var records = new Option<string>("--records") { Description = "The PETRARCH unit-test records (PETR.UnitTest.records.xml).", Required = true };
        var dictionaries = new Option<string>("--dictionaries") { Description = "The folder with PETR.Validate.actors.txt, .agents.txt and .verbs.txt.", Required = true };
        var ratchet = new Option<string?>("--ratchet") { Description = "A file of best scores so far: exit 1 if the pass count drops below its line (events.petrarch.passed)." };
        var update = new Option<bool>("--update-ratchet") { Description = "Raise the ratchet file's line to the new pass count when it is better." };
        var explain = new Option<string?>("--explain") { Description = "Explain one record by id (DEMO-01): its parse, actors and the coder's decisions." };
        var command = new Command("petrarch", "Code the PETRARCH unit-test records from their raw text with Parley's own parse (honouring the file's <Config> switches); print each failure and 'N passed, M failed'.")
        {
            records, dictionaries, ratchet, update, explain,
        };
        command.SetAction(result =>
        {
            var recordsPath = result.GetValue(records)!;
            var folder = result.GetValue(dictionaries)!;
            if (!File.Exists(recordsPath))
            {
                throw new ParleyConfigurationException(DiagnosticCodes.InputNotFound, $"Records file '{recordsPath}' does not exist.");
            }
            if (!Directory.Exists(folder))
            {
                throw new ParleyConfigurationException(DiagnosticCodes.InputNotFound, $"Dictionary folder '{folder}' does not exist.");
            }
            var data = DataPaths.ResolveData() ?? throw new ParleyConfigurationException(DiagnosticCodes.DataMissing,
                "Parley's data/ folder was not found; set PARLEY_DATA to it.");
            var runner = new PetrarchSuiteRunner(data, folder);
            var all = PetrarchEvaluation.ReadRecords(recordsPath);
            if (result.GetValue(explain) is string id)
            {
                var record = all.Find(r => r.Id == id)
                    ?? throw new ParleyConfigurationException(DiagnosticCodes.InvalidOption, $"No record '{id}' in '{recordsPath}'.");
                Console.WriteLine($"{record.Id}: expected {string.Join("; ", record.Expected)}");
                ExplainCommand.Explain(runner.Analyse(record), runner.CoderFor(record), Console.Out);
                return ExitCodes.Success;
            }
            var (passed, _) = runner.Run(all, Console.Out);
            return CheckRatchet(result.GetValue(ratchet), result.GetValue(update),
                new Dictionary<string, double>(StringComparer.Ordinal) { ["events.petrarch.passed"] = passed });
        });
        return command;
    }

    private static Command CreateComparePetrarch()
    {
        var sentences = new Option<string>("--sentences") { Description = "PETRARCH-format sentences (GigaWord.sample.PETR.xml).", Required = true };
        var events = new Option<string>("--events") { Description = "PETRARCH-2's event output for them (…batch_output.evts.tsv).", Required = true };
        var command = new Command("compare-petrarch", "Code PETRARCH-format sentences with the standard pipeline and compare the events with PETRARCH-2's output: exact, root+dyad and root+countries agreement, and every sentence where they differ.")
        {
            sentences, events,
        };
        command.SetAction(result =>
        {
            var sentencesPath = result.GetValue(sentences)!;
            var eventsPath = result.GetValue(events)!;
            foreach (var p in new[] { sentencesPath, eventsPath })
            {
                if (!File.Exists(p))
                {
                    throw new ParleyConfigurationException(DiagnosticCodes.InputNotFound, $"File '{p}' does not exist.");
                }
            }
            var stages = StandardStages.Create(DataPaths.ResolveData());
            if (!stages.Pipeline.Stages.Any(s => s is VerbPatternCoder))
            {
                throw new ParleyConfigurationException(DiagnosticCodes.DataMissing,
                    $"The event coder is not available: {string.Join("; ", stages.Missing)}.");
            }
            var n = 0;
            PetrarchComparison.Compare(PetrarchComparison.ReadSentences(sentencesPath), PetrarchComparison.ReadEvents(eventsPath), (text, date) =>
            {
                var doc = new Document("s" + (++n).ToString(CultureInfo.InvariantCulture), text) { Published = date };
                stages.Pipeline.Process(doc);
                return doc;
            }, Console.Out);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Collect(string prefix, NlpEvaluation e, Dictionary<string, double> measured)
    {
        if (e.HasTags)
        {
            measured[$"nlp.{prefix}.upos"] = e.Upos;
            measured[$"nlp.{prefix}.xpos"] = e.Xpos;
            measured[$"nlp.{prefix}.lemma"] = e.Lemma;
        }
        if (e.HasDependencies)
        {
            measured[$"nlp.{prefix}.uas"] = e.Uas;
            measured[$"nlp.{prefix}.las"] = e.Las;
        }
        if (e.HasEntities)
        {
            measured[$"nlp.{prefix}.ner.f1"] = e.EntityScore().F1;
        }
    }

    private static int CheckRatchet(string? path, bool update, IReadOnlyDictionary<string, double> measured)
    {
        if (path is null)
        {
            return ExitCodes.Success;
        }
        var ratchet = Ratchet.Load(path);
        var regressions = ratchet.Check(measured);
        foreach (var regression in regressions)
        {
            Console.Error.WriteLine($"parley: {regression}.");
        }
        if (update && regressions.Count == 0)
        {
            ratchet.Raise(measured);
            Console.Error.WriteLine($"parley: ratchet {path} updated.");
        }
        return regressions.Count == 0 ? ExitCodes.Success : ExitCodes.PartialFailure;
    }

    private static Command CreatePlaces()
    {
        var file = new Argument<string>("gold") { Description = "GeoVirus XML: articles with their toponyms and coordinates." };
        var notes = new Option<string?>("--notes") { Description = "Write every miss, spurious mention and far resolution to this file (tab-separated)." };
        var command = new Command("places", "Precision, recall, accuracy within 161 km and median error of the geocoder against GeoVirus-style gold.")
        {
            file, notes,
        };
        command.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new ParleyConfigurationException(DiagnosticCodes.InputNotFound, $"Gold file '{path}' does not exist.");
            }
            var data = DataPaths.ResolveData();
            var stages = StandardStages.Create(data);
            IStage? geocoder = null;
            var before = new List<IStage>();
            foreach (var stage in stages.Pipeline.Stages)
            {
                if ((stage.Provides & Layers.Places) != 0)
                {
                    geocoder = stage;
                    break;
                }
                before.Add(stage);
            }
            if (geocoder is null)
            {
                throw new ParleyConfigurationException(DiagnosticCodes.DataMissing,
                    $"No geocoder is available: {string.Join("; ", stages.Missing)}.");
            }
            var prepare = Pipeline.Build(before);
            var evaluation = new PlaceEvaluator(geocoder, prepare.Process, Gazetteer.LoadFromDataFolder(data!)).Evaluate(path);
            Console.WriteLine(FormatPlaces(path, evaluation));
            if (result.GetValue(notes) is string notesPath)
            {
                File.WriteAllLines(notesPath, evaluation.Notes);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static string FormatPlaces(string path, PlaceEvaluation e)
    {
        var text = new System.Text.StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"file        {path} ({e.Articles} articles, {e.Gold} gold toponyms, {e.GoldSkipped} skipped)");
        text.AppendLine(c, $"precision   {e.Precision * 100:F1} %  ({e.PredictedCorrect} of {e.Predicted} predicted mentions match a gold toponym)");
        text.AppendLine(c, $"recall      {e.Recall * 100:F1} %  ({e.Found} of {e.Gold} gold toponyms found)");
        text.AppendLine(c, $"accuracy    {e.Accuracy * 100:F1} %  within {PlaceEvaluator.AccuracyRadiusKm} km of the gold point, of those found ({e.AccuracyOverGold * 100:F1} % of all gold)");
        if (e.CountryAccuracy is double country)
        {
            text.AppendLine(c, $"country     {country * 100:F1} %  right country, of those found");
        }
        text.AppendLine(c, $"error       median {e.MedianErrorKm:F1} km, mean {e.MeanErrorKm:F1} km");
        foreach (var (kind, (found, within)) in e.ByKind.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            text.AppendLine(c, $"  {kind,-10} {within,5} of {found,5} within {PlaceEvaluator.AccuracyRadiusKm} km ({(found == 0 ? 0 : 100.0 * within / found):F1} %)");
        }
        return text.ToString().TrimEnd();
    }

    private static Command CreateSegment()
    {
        var file = new Argument<string>("gold") { Description = "A CoNLL-U file; its raw text is rebuilt, segmented, and compared span by span." };
        var minTokens = new Option<double?>("--min-token-f1") { Description = "Exit 1 when token F1 (percent) is below this." };
        var minSentences = new Option<double?>("--min-sentence-f1") { Description = "Exit 1 when sentence F1 (percent) is below this." };
        var command = new Command("segment", "Token and sentence precision, recall and F1 of the tokenizer and sentence splitter on a CoNLL-U file's raw text.")
        {
            file, minTokens, minSentences,
        };
        command.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new ParleyConfigurationException(DiagnosticCodes.InputNotFound, $"Gold file '{path}' does not exist.");
            }
            var scores = SegmentEvaluator.Evaluate(path);
            Console.WriteLine(scores.Format());
            var ok = true;
            if (result.GetValue(minTokens) is double tokenFloor && scores.TokenF1 * 100 < tokenFloor)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parley: token F1 {scores.TokenF1 * 100:F2} is below the floor {tokenFloor:F2}."));
                ok = false;
            }
            if (result.GetValue(minSentences) is double sentenceFloor && scores.SentenceF1 * 100 < sentenceFloor)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parley: sentence F1 {scores.SentenceF1 * 100:F2} is below the floor {sentenceFloor:F2}."));
                ok = false;
            }
            return ok ? ExitCodes.Success : ExitCodes.PartialFailure;
        });
        return command;
    }
}
