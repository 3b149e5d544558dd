using System.CommandLine;
using Parley.Diagnostics;
using Parley.Entities;
using Parley.Places;
using Parley.Processing;
using Parley.Syntax;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley train tagger|parser|ner</c>: rebuild a model from the open corpora. Seeded and
/// single-threaded, so the same corpora give the same model bytes as the ones shipped in data/models.
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var command = new Command("train", "Train Parley's models from UD English-EWT and Universal NER English-EWT; the same corpora give the same bytes.");
        var beam = new Option<int>("--beam")
        {
            Description = "Beam width for training and tagging (1: greedy, the shipped model; 4 tags dev better but slower).",
            DefaultValueFactory = _ => 1,
        };
        var tagger = Create("tagger", "Part-of-speech tagger and lemmatizer (tagger-v1.bin).", (data, output) => { });
        tagger.Options.Add(beam);
        tagger.SetAction(result => Run(result, tagger, (data, output) =>
        {
            var width = result.GetValue(beam);
            if (width is < 1 or > 16)
            {
                throw new ParleyConfigurationException(DiagnosticCodes.InvalidOption, $"--beam {width}: give a width from 1 (greedy) to 16.");
            }
            TaggerTrainer.TrainFromCorpora(data, output, Console.Out, beamWidth: width);
        }));
        command.Subcommands.Add(tagger);
        command.Subcommands.Add(Create("parser", "Dependency parser (parser-v1.bin), trained on tags predicted by taggers trained on the other folds (jackknifing).", (data, output) =>
            ParserTrainer.TrainFromCorpora(data, output, Console.Out)));
        command.Subcommands.Add(Create("ner", "Named-entity recogniser (ner-v1.bin); uses the tagger in --out, else the shipped one.", (data, output) =>
        {
            var shipped = DataPaths.ResolveData();
            var tagger = Path.Combine(output, "tagger-v1.bin");
            if (!File.Exists(tagger) && shipped is not null)
            {
                tagger = Path.Combine(shipped, "models", "tagger-v1.bin");
            }
            var gazetteer = shipped is null ? null : Path.Combine(shipped, "lexicons", "ner-gazetteer.tsv");
            if (!File.Exists(tagger) || gazetteer is null || !File.Exists(gazetteer))
            {
                throw new ParleyConfigurationException(DiagnosticCodes.DataMissing,
                    "Training the recogniser needs a tagger model (train it first, or keep data/models/tagger-v1.bin) and data/lexicons/ner-gazetteer.tsv.");
            }
            var places = Path.Combine(shipped!, Gazetteer.RelativePath);
            EntityTrainer.TrainFromCorpora(data, tagger, gazetteer, output, Console.Out,
                placesGazetteer: File.Exists(places) ? places : null);
        }));
        return command;
    }

    private static Command Create(string name, string description, Action<string, string> train)
    {
        var data = new Option<string?>("--data")
        {
            Description = "The corpora folder holding ud-english-ewt/ and uner-english-ewt/ (default: corpora/ in $PARLEY_SHARED or ../shared).",
        };
        var output = new Option<string>("--out")
        {
            Description = "Where to write the model (default: a new folder 'models' in the working directory; copy it into data/models to ship it).",
            DefaultValueFactory = _ => "models",
        };
        var command = new Command(name, description) { data, output };
        command.SetAction(result => Run(result, command, train));
        return command;
    }

    // Finds the corpora and the output folder of a train subcommand, then trains.
    private static int Run(ParseResult result, Command command, Action<string, string> train)
    {
        var data = (Option<string?>)command.Options.First(o => o.Name == "--data");
        var output = (Option<string>)command.Options.First(o => o.Name == "--out");
        var corpora = result.GetValue(data) ?? (DataPaths.ResolveShared() is { } shared ? Path.Combine(shared, "corpora") : null);
        if (corpora is null || !Directory.Exists(Path.Combine(corpora, "ud-english-ewt")))
        {
            throw new ParleyConfigurationException(DiagnosticCodes.InputNotFound,
                $"The corpora were not found{(corpora is null ? "" : $" in '{corpora}'")}: pass --data DIR, the folder holding ud-english-ewt/ and uner-english-ewt/.");
        }
        var outDir = result.GetValue(output)!;
        Directory.CreateDirectory(outDir);
        train(corpora, outDir);
        return ExitCodes.Success;
    }
}
