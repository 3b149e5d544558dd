using System.CommandLine;
using System.Globalization;
using Parley.Diagnostics;
using Parley.Model;
using Parley.Places;
using Parley.Processing;
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
        return command;
    }

    private static Command CreatePlaces()
    {
        var file = new Argument<string>("gold") { Description = "GeoVirus XML: articles with their toponyms and coordinates." };
        var command = new Command("places", "Precision, recall, accuracy within 161 km and median error of the geocoder against GeoVirus-style gold.")
        {
            file,
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
