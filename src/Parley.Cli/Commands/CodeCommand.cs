using System.CommandLine;
using System.Globalization;
using Parley.Diagnostics;
using Parley.Ingest;
using Parley.Model;
using Parley.Processing;
using Parley.Serialization;
using Parley.Cli.Output;

namespace Parley.Cli.Commands;

/// <summary><c>parley code</c>: articles in, one <c>parley/1</c> record per article out.</summary>
internal static class CodeCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Files (.txt, .html, .jsonl, .csv), directories (read recursively), or - for standard input. Default: standard input when it is piped.",
        };
        var published = new Option<string?>("--published")
        {
            Description = "Publication date (YYYY-MM-DD) for articles that do not state one; relative dates resolve against it.",
        };
        var format = new Option<string>("--format")
        {
            Description = "jsonl: one record per line (default); json: one indented JSON array.",
            DefaultValueFactory = _ => "jsonl",
        };
        format.AcceptOnlyFromAmong("jsonl", "json");
        var output = new Option<string?>("--out", "-o") { Description = "Write records to this file instead of standard output." };
        var tokens = new Option<bool>("--tokens") { Description = "Add each token with its tags, lemma, head, relation and entity label." };
        var parallel = new Option<int>("--parallel")
        {
            Description = "Articles processed at once (default: one per core).",
            DefaultValueFactory = _ => 0,
        };
        var maxBytes = new Option<long>("--max-article-bytes")
        {
            Description = "Articles larger than this are reported as failed (E205) instead of coded.",
            DefaultValueFactory = _ => 10L * 1024 * 1024,
        };
        var progress = new Option<bool>("--no-progress") { Description = "Never draw the progress bar." };

        var command = new Command("code", "Code articles into parley/1 records: sentences, actors, events, quotes, places and times, each traced to its span.")
        {
            inputs, published, format, output, tokens, parallel, maxBytes, progress,
        };
        var actorOptions = new ActorOptions();
        actorOptions.AddTo(command);
        command.SetAction((result, cancellationToken) => RunAsync(new CodeSettings(
            result.GetValue(inputs) ?? [],
            result.GetValue(published),
            result.GetValue(format) ?? "jsonl",
            result.GetValue(output),
            result.GetValue(tokens),
            result.GetValue(parallel),
            result.GetValue(maxBytes),
            !result.GetValue(progress),
            actorOptions.Read(result)), cancellationToken));
        return command;
    }

    private sealed record CodeSettings(string[] Inputs, string? Published, string Format, string? Output, bool Tokens,
        int Parallel, long MaxArticleBytes, bool AllowProgress, ActorSettings Actors);

    private static async Task<int> RunAsync(CodeSettings settings, CancellationToken cancellationToken)
    {
        DateOnly? published = null;
        if (settings.Published is not null)
        {
            if (!DateOnly.TryParseExact(settings.Published, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new ParleyConfigurationException(DiagnosticCodes.InvalidOption,
                    $"--published '{settings.Published}' is not a date; write it as YYYY-MM-DD, e.g. 2022-04-20.");
            }
            published = date;
        }
        if (settings.MaxArticleBytes <= 0)
        {
            throw new ParleyConfigurationException(DiagnosticCodes.InvalidOption, "--max-article-bytes must be a positive number of bytes.");
        }
        var inputs = settings.Inputs;
        if (inputs.Length == 0)
        {
            if (!Console.IsInputRedirected)
            {
                throw new ParleyConfigurationException(DiagnosticCodes.InvalidOption,
                    "No input given. Name files or directories, or pipe articles in: parley code article.txt | parley code - < articles.jsonl");
            }
            inputs = ["-"];
        }
        foreach (var input in inputs)
        {
            if (input.Length > 1 && input[0] == '-' && !File.Exists(input))
            {
                throw new ParleyConfigurationException(DiagnosticCodes.InvalidOption,
                    $"Unknown option '{input}'. Run 'parley code --help' for the options.");
            }
            if (input != "-" && !File.Exists(input) && !Directory.Exists(input))
            {
                throw new ParleyConfigurationException(DiagnosticCodes.InputNotFound,
                    $"Input '{input}' does not exist. Check the path (directories are read recursively).");
            }
        }

        var dataDirectory = DataPaths.ResolveData();
        var stages = StandardStages.Create(dataDirectory);
        var actors = ActorSetup.Create(settings.Actors, stages, dataDirectory, Console.Error);
        var runner = new PipelineRunner(actors.Pipeline, settings.Parallel);
        var reader = new ArticleReader(new IngestOptions { Published = published, MaxArticleBytes = settings.MaxArticleBytes });

        var stdout = settings.Output is null;
        await using var stream = stdout
            ? Console.OpenStandardOutput()
            : new FileStream(settings.Output!, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16, useAsync: true);
        await using var sink = new RecordSink(stream, settings.Format == "json");
        using var bar = ProgressReporter.Create(settings.AllowProgress, EstimateArticles(inputs));

        var failed = 0;
        var coded = 0;
        await using var stdin = Console.OpenStandardInput();
        await foreach (var document in runner.RunAsync(reader.ReadAsync(inputs, stdin, cancellationToken), cancellationToken).ConfigureAwait(false))
        {
            var record = RecordBuilder.Build(document, settings.Tokens, stages.ModelsVersion, actors.LexiconsVersion);
            actors.Observe(document);
            await sink.WriteAsync(record, cancellationToken).ConfigureAwait(false);
            if (document.IsFailed)
            {
                failed++;
                bar.Clear();
                await Console.Error.WriteLineAsync($"parley: {Describe(document)}").ConfigureAwait(false);
            }
            else
            {
                coded++;
            }
            bar.Advance(document.Sentences.Length, document.Tokens.Length);
        }
        await sink.CompleteAsync(cancellationToken).ConfigureAwait(false);
        bar.Finish();
        await actors.CompleteAsync(Console.Error).ConfigureAwait(false);
        if (failed > 0 || coded + failed > 1)
        {
            await Console.Error.WriteLineAsync(
                $"parley: {coded} article{(coded == 1 ? "" : "s")} coded, {failed} failed{(failed > 0 ? " (reasons above; their records have status \"failed\")" : "")}.")
                .ConfigureAwait(false);
        }
        return failed > 0 ? ExitCodes.PartialFailure : ExitCodes.Success;
    }

    private static string Describe(Document document)
    {
        for (var i = document.Diagnostics.Count - 1; i >= 0; i--)
        {
            var diagnostic = document.Diagnostics[i];
            if (diagnostic.Severity == DiagnosticSeverity.Error)
            {
                return $"{diagnostic.Code} {diagnostic.Message}";
            }
        }
        return $"{document.Origin ?? document.Id}: failed";
    }

    /// <summary>Article count for the ETA when every input is a single-article file; null when unknown.</summary>
    private static int? EstimateArticles(string[] inputs)
    {
        var count = 0;
        foreach (var input in inputs)
        {
            if (input == "-")
            {
                return null;
            }
            var files = Directory.Exists(input)
                ? Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                : [input];
            foreach (var file in files)
            {
                var extension = Path.GetExtension(file).ToLowerInvariant();
                if (extension is ".jsonl" or ".ndjson" or ".csv" or ".json" or ".rss" or ".atom" or ".xml" or ".warc")
                {
                    return null;
                }
                if (++count > 1_000_000)
                {
                    return null;
                }
            }
        }
        return count;
    }
}
