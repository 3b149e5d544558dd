using System.CommandLine;
using System.Globalization;
using Parley.Diagnostics;
using Parley.Events;
using Parley.Ingest;
using Parley.Model;
using Parley.Processing;

namespace Parley.Cli.Commands;

/// <summary><c>parley explain FILE</c>: the parse, the actors and why each event was or was not coded, sentence by sentence.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("file") { Description = "An article (.txt, .html, .jsonl: the first record)." };
        var published = new Option<string?>("--published") { Description = "Publication date (YYYY-MM-DD); relative dates resolve against it." };
        var command = new Command("explain", "Show, sentence by sentence, the parse, the actors and why each event was or was not coded.")
        {
            input, published,
        };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(input)!, result.GetValue(published), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string path, string? published, CancellationToken cancellationToken)
    {
        DateOnly? date = null;
        if (published is not null)
        {
            if (!DateOnly.TryParseExact(published, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                throw new ParleyConfigurationException(DiagnosticCodes.InvalidOption,
                    $"--published '{published}' is not a date; write it as YYYY-MM-DD, e.g. 2022-04-20.");
            }
            date = d;
        }
        if (!File.Exists(path))
        {
            throw new ParleyConfigurationException(DiagnosticCodes.InputNotFound, $"Input '{path}' does not exist.");
        }
        var stages = StandardStages.Create(DataPaths.ResolveData());
        EventCoder? coder = null;
        var before = new List<IStage>();
        foreach (var stage in stages.Pipeline.Stages)
        {
            if (stage is VerbPatternCoder events)
            {
                coder = events.Coder;
                break;
            }
            before.Add(stage);
        }
        if (coder is null)
        {
            throw new ParleyConfigurationException(DiagnosticCodes.DataMissing,
                $"The event coder is not available: {string.Join("; ", stages.Missing)}.");
        }
        var analysis = Pipeline.Build(before);
        var reader = new ArticleReader(new IngestOptions { Published = date });
        await using var stdin = Console.OpenStandardInput();
        await foreach (var document in reader.ReadAsync([path], stdin, cancellationToken).ConfigureAwait(false))
        {
            analysis.Process(document);
            Explain(document, coder, Console.Out);
            return ExitCodes.Success;
        }
        throw new ParleyConfigurationException(DiagnosticCodes.InputNotFound, $"Input '{path}' holds no article.");
    }

    /// <summary>Codes <paramref name="document"/> (analysed up to the events) with a trace and writes the explanation.</summary>
    public static void Explain(Document document, EventCoder coder, TextWriter writer)
    {
        var trace = new EventCodingTrace();
        var events = coder.Code(document, 1, trace);
        EventExplanation.Write(document, events, trace, writer);
    }
}
