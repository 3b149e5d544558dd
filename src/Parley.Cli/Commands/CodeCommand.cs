using System.CommandLine;
using Parley.Cli.Output;
using Parley.Serialization;

namespace Parley.Cli.Commands;

/// <summary><c>parley code</c>: articles in, one <c>parley/1</c> record per article out.</summary>
internal static class CodeCommand
{
    public static Command Create()
    {
        var coding = new CodingOptions();
        var format = new Option<string>("--format")
        {
            Description = "jsonl: one record per line (default); json: one indented JSON array.",
            DefaultValueFactory = _ => "jsonl",
        };
        format.AcceptOnlyFromAmong("jsonl", "json");
        var output = new Option<string?>("--out", "-o") { Description = "Write records to this file instead of standard output." };
        var tokens = new Option<bool>("--tokens") { Description = "Add each token with its tags, lemma, head, relation and entity label." };

        var command = new Command("code", "Code articles into parley/1 records: sentences, actors, events, quotes, places and times, each traced to its span.");
        coding.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(tokens);
        command.SetAction((result, cancellationToken) => RunAsync(coding.Read(result), result.GetValue(format) ?? "jsonl",
            result.GetValue(output), result.GetValue(tokens), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CodingSettings settings, string format, string? output, bool tokens, CancellationToken cancellationToken)
    {
        var run = settings.Start("code");
        var stdout = output is null;
        await using var stream = stdout
            ? Console.OpenStandardOutput()
            : new FileStream(output!, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16, useAsync: true);
        await using var sink = new RecordSink(stream, format == "json");
        using var bar = ProgressReporter.Create(settings.AllowProgress, run.EstimateArticles());

        var failed = 0;
        var coded = 0;
        await using var stdin = Console.OpenStandardInput();
        await foreach (var document in run.CodeAsync(stdin, null, cancellationToken).ConfigureAwait(false))
        {
            var record = RecordBuilder.Build(document, tokens, run.Stages.ModelsVersion, run.Actors.LexiconsVersion);
            run.Actors.Observe(document);
            await sink.WriteAsync(record, cancellationToken).ConfigureAwait(false);
            if (document.IsFailed)
            {
                failed++;
                bar.Clear();
                await Console.Error.WriteLineAsync($"parley: {CodingRun.Describe(document)}").ConfigureAwait(false);
            }
            else
            {
                coded++;
            }
            bar.Advance(document.Sentences.Length, document.Tokens.Length);
        }
        await sink.CompleteAsync(cancellationToken).ConfigureAwait(false);
        bar.Finish();
        await run.Actors.CompleteAsync(Console.Error).ConfigureAwait(false);
        if (failed > 0 || coded + failed > 1)
        {
            await Console.Error.WriteLineAsync(
                $"parley: {coded} article{(coded == 1 ? "" : "s")} coded, {failed} failed{(failed > 0 ? " (reasons above; their records have status \"failed\")" : "")}.")
                .ConfigureAwait(false);
        }
        return failed > 0 ? ExitCodes.PartialFailure : ExitCodes.Success;
    }
}
