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
            Description = "Choose the epochs on dev with a model trained on train alone, then write one trained again on train and dev for those epochs (the default and the shipped tagger; --with-dev false writes the train-only model).",
            DefaultValueFactory = _ => true,
        };
        var nerWithDev = new Option<bool>("--with-dev")
        {
            Description = "Choose the epochs and the bias on dev with a model trained on train alone, then write one trained again on train and dev (the default and the shipped model; --with-dev false writes the train-only model).",
            DefaultValueFactory = _ => true,
        };
        var tagFolds = new Option<int>("--tag-folds")
        {
            Description = "Taggers trained on the other folds of EWT train and dev tag the training sentences (jackknifing; 5, the shipped model), so no tagger model is needed; 0: the tagger in --out, else the shipped one, tags them.",
            DefaultValueFactory = _ => EntityTrainer.DefaultTagFolds,
        };
        var seeds = new Option<int>("--seeds")
        {
            Description = "Runs with seeds 1, 2, … each choose their epochs and bias on dev; the model written is the mean of their weights (an ensemble at the cost of one model). 4: the shipped recogniser; 1: a single run.",
            DefaultValueFactory = _ => ShippedRecogniserSeeds,
        };
        var taggerSeeds = new Option<int>("--seeds")
        {
            Description = "Runs with seeds 1, 2, … (two at a time) each choose their epochs on dev; the model written is the mean of their weights. 4: the shipped tagger; 1: a single run.",
            DefaultValueFactory = _ => TaggerTrainer.ShippedSeeds,
        };
        var taggerPrune = new Option<float>("--prune")
        {
            Description = "Weights smaller than this in magnitude are left out of the written model: smaller and faster, at a small cost in accuracy (the shipped tagger's value is the default; 0 keeps every weight).",
            DefaultValueFactory = _ => TaggerTrainer.ShippedPruneThreshold,
        };
        var parserSeeds = new Option<int>("--seeds")
        {
            Description = "Runs with seeds 1, 2, … (two at a time) each choose their epochs on dev; the model written is the mean of their weights, pruned after the mean is taken (an ensemble at the cost of one model). 1: a single run, the shipped parser.",
            DefaultValueFactory = _ => 1,
        };
        command.Subcommands.Add(Create("tagger", "Part-of-speech tagger and lemmatizer (tagger-v1.bin).", (result, data, output) =>
        {
            var width = result.GetValue(beam);
            if (width is < 1 or > 16)
            {
                throw new ParleyConfigurationException(DiagnosticCodes.InvalidOption, $"--beam {width}: give a width from 1 (greedy) to 16.");
            }
            var prune = result.GetValue(taggerPrune);
            if (prune < 0 || float.IsNaN(prune))
            {
                throw new ParleyConfigurationException(DiagnosticCodes.InvalidOption, $"--prune {prune}: give 0 (keep every weight) or a positive threshold.");
            }
            TaggerTrainer.TrainFromCorpora(data, output, Console.Out, beamWidth: width, retrainWithDev: result.GetValue(withDev), gazetteer: ProjectGazetteer(),
                seeds: Seeds(result, taggerSeeds), pruneThreshold: prune);
        }, beam, withDev, taggerSeeds, taggerPrune));
        var parserBeam = new Option<int>("--beam")
        {
            Description = "Beam width for training and parsing (1: greedy with a dynamic oracle; more: beam search trained globally, stored in the model).",
            DefaultValueFactory = _ => 1,
        };
        var parserEpochs = new Option<int>("--epochs")
        {
            Description = "Most epochs to train on train alone; dev LAS picks the one kept (and, with --with-dev, how many the retraining on train and dev runs).",
            DefaultValueFactory = _ => ParserTrainer.DefaultEpochs,
        };
        parserEpochs.Description = $"Most epochs to train on train alone (default {ParserTrainer.DefaultNeuralEpochs}, {ParserTrainer.DefaultEpochs} with --perceptron); dev LAS picks the one kept (and, with --with-dev, how many the retraining on train and dev runs).";
        var parserCheckpoint = new Option<string?>("--checkpoint")
        {
            Description = "After every epoch that improves dev LAS, write the model chosen so far to this file, so a long run stopped early still leaves a usable model (with --with-dev, the train-only model of the first phase).",
        };
        var parserWithDev = new Option<bool>("--with-dev")
        {
            Description = "Choose the epochs on dev with a parser trained on train alone, then write one trained again from scratch on train and dev (tags jackknifed over both) for those epochs (the shipped parser is the train-only one, the default).",
        };
        var parserRootLast = new Option<bool>("--root-last")
        {
            Description = "Put the artificial root after the last word, so the sentence's root is chosen once every word has been read (stored in the model; the shipped parser puts it first).",
        };
        var parserNonMonotonic = new Option<bool>("--non-monotonic")
        {
            Description = "Let a left arc replace the head a right arc gave, so the parser can undo an early attachment (needs --root-last; stored in the model).",
        };
        var parserPerceptron = new Option<bool>("--perceptron")
        {
            Description = "Train the feature-weight parser (averaged perceptron over Zhang and Nivre's features, the shipped parser before models 10) instead of the neural one; --beam and --seeds need it.",
        };
        command.Subcommands.Add(Create("parser", "Dependency parser (parser-v1.bin), trained on tags predicted by taggers trained on the other folds (jackknifing).", (result, data, output) =>
        {
            var width = result.GetValue(parserBeam);
            if (width is < 1 or > ParserModel.MaxBeamWidth)
            {
                throw new ParleyConfigurationException(DiagnosticCodes.InvalidOption, $"--beam {width}: give a width from 1 (greedy) to {ParserModel.MaxBeamWidth}.");
            }
            var epochs = result.GetValue(parserEpochs);
            if (epochs < 1)
            {
                throw new ParleyConfigurationException(DiagnosticCodes.InvalidOption, $"--epochs {epochs}: give at least 1.");
            }
            var rootLast = result.GetValue(parserRootLast);
            var nonMonotonic = result.GetValue(parserNonMonotonic);
            if (nonMonotonic && !rootLast)
            {
                throw new ParleyConfigurationException(DiagnosticCodes.InvalidOption, "--non-monotonic needs --root-last: add it.");
            }
            var neural = !result.GetValue(parserPerceptron);
            var seeds = Seeds(result, parserSeeds);
            if (neural && (width != 1 || seeds != 1))
            {
                throw new ParleyConfigurationException(DiagnosticCodes.InvalidOption, "The neural parser parses greedily with one network: --beam and --seeds need --perceptron.");
            }
            if (neural && result.GetResult(parserEpochs) is null or { Implicit: true })
            {
                epochs = ParserTrainer.DefaultNeuralEpochs;
            }
            var checkpoint = result.GetValue(parserCheckpoint);
            if (checkpoint is not null && Path.GetDirectoryName(Path.GetFullPath(checkpoint)) is { } folder && !Directory.Exists(folder))
            {
                throw new ParleyConfigurationException(DiagnosticCodes.InvalidOption, $"--checkpoint {checkpoint}: the folder '{folder}' does not exist.");
            }
            ParserTrainer.TrainFromCorpora(data, output, Console.Out, epochs: epochs,
                options: new ParserTrainingOptions { BeamWidth = width, CheckpointPath = checkpoint, Seeds = seeds, RootLast = rootLast, NonMonotonic = nonMonotonic, Neural = neural },
                retrainWithDev: result.GetValue(parserWithDev));
        }, parserBeam, parserEpochs, parserCheckpoint, parserWithDev, parserSeeds, parserRootLast, parserNonMonotonic, parserPerceptron));
        command.Subcommands.Add(Create("ner", "Named-entity recogniser (ner-v1.bin), trained on tags predicted by taggers trained on the other folds of EWT train and dev (jackknifing).", (result, data, output) =>
        {
            var folds = result.GetValue(tagFolds);
            if (folds is < 0 or 1 or > 20)
            {
                throw new ParleyConfigurationException(DiagnosticCodes.InvalidOption, $"--tag-folds {folds}: give 0 (tags from the tagger model) or a number of folds from 2 to 20.");
            }
            var shipped = DataPaths.ResolveData();
            string? tagger = null;
            if (folds == 0)
            {
                tagger = Path.Combine(output, "tagger-v1.bin");
                if (!File.Exists(tagger) && shipped is not null)
                {
                    tagger = Path.Combine(shipped, "models", "tagger-v1.bin");
                }
            }
            if (tagger is not null && !File.Exists(tagger))
            {
                throw new ParleyConfigurationException(DiagnosticCodes.DataMissing,
                    "Training the recogniser with --tag-folds 0 needs a tagger model (train it first, or keep data/models/tagger-v1.bin).");
            }
            var (gazetteer, places) = GazetteerFiles("recogniser");
            EntityTrainer.TrainFromCorpora(data, gazetteer, output, Console.Out, tagFolds: folds, taggerModel: tagger,
                placesGazetteer: places, retrainWithDev: result.GetValue(nerWithDev), seeds: Seeds(result, seeds));
        }, nerWithDev, tagFolds, seeds));
        return command;
    }

    // The names the tagger reads, as the recogniser does: data/lexicons/ner-gazetteer.tsv with the place
    // names of the places gazetteer. The parser's training taggers (jackknifing) do without: trained on
    // their tags, the parser scored lower on EWT dev (LAS 82.37 -> 82.18) and test.
    private static EntityGazetteer ProjectGazetteer()
    {
        var (gazetteer, places) = GazetteerFiles("tagger");
        return EntityGazetteer.Load(gazetteer, places);
    }

    // The gazetteer TSV and, when present, the places gazetteer of the data folder; a coded error when
    // the TSV is missing. The tagger and the recogniser both read them.
    private static (string Gazetteer, string? Places) GazetteerFiles(string trained)
    {
        var shipped = DataPaths.ResolveData();
        var gazetteer = shipped is null ? null : Path.Combine(shipped, "lexicons", "ner-gazetteer.tsv");
        if (gazetteer is null || !File.Exists(gazetteer))
        {
            throw new ParleyConfigurationException(DiagnosticCodes.DataMissing,
                $"Training the {trained} needs data/lexicons/ner-gazetteer.tsv; run from a Parley checkout or point PARLEY_DATA at its data folder.");
        }
        var places = Path.Combine(shipped!, Gazetteer.RelativePath);
        return (gazetteer, File.Exists(places) ? places : null);
    }

    // Runs the shipped recogniser is the mean of.
    private const int ShippedRecogniserSeeds = 4;

    private static int Seeds(ParseResult result, Option<int> option)
    {
        var count = result.GetValue(option);
        if (count is < 1 or > 16)
        {
            throw new ParleyConfigurationException(DiagnosticCodes.InvalidOption, $"--seeds {count}: give a number of runs from 1 to 16.");
        }
        return count;
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
