using System.CommandLine;
using System.Globalization;
using Parley.Diagnostics;
using Parley.Text;

namespace Parley.Cli.Commands;

/// <summary><c>parley eval …</c>: measure Parley against gold data.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var command = new Command("eval", "Measure Parley against gold data and print the scores.");
        command.Subcommands.Add(CreateSegment());
        return command;
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
