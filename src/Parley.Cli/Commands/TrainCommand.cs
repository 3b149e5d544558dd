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
        var withDev = new Option<bool>("--with-dev")
        {
            Description = "Choose the epochs (and the recogniser's bias) on dev with a model trained on train alone, then write one trained again on train and dev for those epochs (the default and the shipped model; --with-dev false writes the train-only model).",
            DefaultValueFactory = _ => true,
        };
        command.Subcommands.Add(Create("tagger", "Part-of-speech tagger and lemmatizer (tagger-v1.bin).", (result, data, output) =>
        {
            var width = result.GetValue(beam);
            if (width is < 1 or > 16)
            {
                throw new ParleyConfigurationException(DiagnosticCodes.InvalidOption, $"--beam {width}: give a width from 1 (greedy) to 16.");
            }
            TaggerTrainer.TrainFromCorpora(data, output, Console.Out, beamWidth: width, retrainWithDev: result.GetValue(withDev));
        }, beam, withDev));
        command.Subcommands.Add(Create("parser", "Dependency parser (parser-v1.bin), trained on tags predicted by taggers trained on the other folds (jackknifing).", (_, data, output) =>
            ParserTrainer.TrainFromCorpora(data, output, Console.Out)));
        command.Subcommands.Add(Create("ner", "Named-entity recogniser (ner-v1.bin), trained on tags predicted by taggers trained on the other folds of EWT train and dev (jackknifing).", (result, data, output) =>
        {
            var shipped = DataPaths.ResolveData();
            var gazetteer = shipped is null ? null : Path.Combine(shipped, "lexicons", "ner-gazetteer.tsv");
            if (gazetteer is null || !File.Exists(gazetteer))
            {
                throw new ParleyConfigurationException(DiagnosticCodes.DataMissing,
                    "Training the recogniser needs data/lexicons/ner-gazetteer.tsv: run it from a Parley checkout or set PARLEY_DATA.");
            }
            var places = Path.Combine(shipped!, Gazetteer.RelativePath);
            EntityTrainer.TrainFromCorpora(data, gazetteer, output, Console.Out,
                placesGazetteer: File.Exists(places) ? places : null, retrainWithDev: result.GetValue(withDev));
        }, withDev));
        return command;
    }

    // A train subcommand: --data and --out (plus its own options); finds the corpora and the output folder, then trains.
    private static Command Create(string name, string description, Action<ParseResult, string, string> train, params Option[] options)
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
        foreach (var option in options)
        {
            command.Options.Add(option);
        }
        command.SetAction(result =>
        {
            var corpora = result.GetValue(data) ?? (DataPaths.ResolveShared() is { } shared ? Path.Combine(shared, "corpora") : null);
            if (corpora is null || !Directory.Exists(Path.Combine(corpora, "ud-english-ewt")))
            {
                throw new ParleyConfigurationException(DiagnosticCodes.InputNotFound,
                    $"The corpora were not found{(corpora is null ? "" : $" in '{corpora}'")}: pass --data DIR, the folder holding ud-english-ewt/ and uner-english-ewt/.");
            }
            var outDir = result.GetValue(output)!;
            Directory.CreateDirectory(outDir);
            train(result, corpora, outDir);
            return ExitCodes.Success;
        });
        return command;
    }
}
