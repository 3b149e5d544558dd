using System.CommandLine;
using System.Globalization;
using Parley.Diagnostics;
using Parley.Ingest;
using Parley.Model;
using Parley.Processing;

namespace Parley.Cli.Commands;

/// <summary>
/// The options every command that reads and codes articles shares (<c>code</c>, <c>ingest</c>),
/// their checks, and the one path from inputs to coded documents: reader, optional filter, pipeline.
/// </summary>
internal sealed class CodingOptions
{
    public Argument<string[]> Inputs { get; } = new("inputs")
    {
        Arity = ArgumentArity.ZeroOrMore,
        Description = "Files (.txt, .html, .jsonl, .csv), directories (read recursively), or - for standard input. Default: standard input when it is piped.",
    };

    public Option<string?> Published { get; } = new("--published")
    {
        Description = "Publication date (YYYY-MM-DD) for articles that do not state one; relative dates resolve against it.",
    };

    public Option<int> Parallel { get; } = new("--parallel")
    {
        Description = "Articles processed at once (default: one per core).",
        DefaultValueFactory = _ => 0,
    };

    public Option<long> MaxArticleBytes { get; } = new("--max-article-bytes")
    {
        Description = "Articles larger than this are reported as failed (E205) instead of coded.",
        DefaultValueFactory = _ => 10L * 1024 * 1024,
    };

    public Option<bool> NoProgress { get; } = new("--no-progress") { Description = "Never draw the progress bar." };

    /// <summary>The person knowledge base and PETRARCH dictionaries the actor stage uses.</summary>
    public ActorOptions Actors { get; } = new();

    public void AddTo(Command command)
    {
        command.Arguments.Add(Inputs);
        command.Options.Add(Published);
        command.Options.Add(Parallel);
        command.Options.Add(MaxArticleBytes);
        command.Options.Add(NoProgress);
        Actors.AddTo(command);
    }

    public CodingSettings Read(ParseResult result) => new(
        result.GetValue(Inputs) ?? [], result.GetValue(Published), result.GetValue(Parallel), result.GetValue(MaxArticleBytes), !result.GetValue(NoProgress),
        Actors.Read(result));
}

/// <summary>The values of <see cref="CodingOptions"/> for one run.</summary>
internal sealed record CodingSettings(string[] Inputs, string? Published, int Parallel, long MaxArticleBytes, bool AllowProgress, ActorSettings Actors)
{
    /// <summary>Checks the options and inputs, loads the standard stages and returns the run; usage errors throw E104/E105.</summary>
    public CodingRun Start(string command)
    {
        DateOnly? published = null;
        if (Published is not null)
        {
            if (!DateOnly.TryParseExact(Published, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new ParleyConfigurationException(DiagnosticCodes.InvalidOption,
                    $"--published '{Published}' is not a date; write it as YYYY-MM-DD, e.g. 2022-04-20.");
            }
            published = date;
        }
        if (MaxArticleBytes <= 0)
        {
            throw new ParleyConfigurationException(DiagnosticCodes.InvalidOption, "--max-article-bytes must be a positive number of bytes.");
        }
        var inputs = Inputs;
        if (inputs.Length == 0)
        {
            if (!Console.IsInputRedirected)
            {
                throw new ParleyConfigurationException(DiagnosticCodes.InvalidOption,
                    $"No input given. Name files or directories, or pipe articles in: parley {command} article.txt | parley {command} - < articles.jsonl");
            }
            inputs = ["-"];
        }
        foreach (var input in inputs)
        {
            if (input.Length > 1 && input[0] == '-' && !File.Exists(input))
            {
                throw new ParleyConfigurationException(DiagnosticCodes.InvalidOption,
                    $"Unknown option '{input}'. Run 'parley {command} --help' for the options.");
            }
            if (input != "-" && !File.Exists(input) && !Directory.Exists(input))
            {
                throw new ParleyConfigurationException(DiagnosticCodes.InputNotFound,
                    $"Input '{input}' does not exist. Check the path (directories are read recursively).");
            }
        }
        var dataDirectory = DataPaths.ResolveData();
        var stages = StandardStages.Create(dataDirectory);
        var actors = ActorSetup.Create(Actors, stages, dataDirectory, Console.Error);
        return new CodingRun(inputs, stages, actors, new PipelineRunner(actors.Pipeline, Parallel),
            new ArticleReader(new IngestOptions { Published = published, MaxArticleBytes = MaxArticleBytes }));
    }
}

/// <summary>Inputs read, filtered and coded by the standard pipeline (its actor stage as the options ask), in input order.</summary>
internal sealed record CodingRun(string[] Inputs, StandardStages Stages, ActorSetup Actors, PipelineRunner Runner, ArticleReader Reader)
{
    /// <summary>Coded documents; those <paramref name="keep"/> turns down are never coded (nor returned).</summary>
    public IAsyncEnumerable<Document> CodeAsync(Stream stdin, Func<Document, CancellationToken, ValueTask<bool>>? keep, CancellationToken cancellationToken)
    {
        var read = Reader.ReadAsync(Inputs, stdin, cancellationToken);
        return Runner.RunAsync(keep is null ? read : FilterAsync(read, keep, cancellationToken), cancellationToken);
    }

    private static async IAsyncEnumerable<Document> FilterAsync(IAsyncEnumerable<Document> documents, Func<Document, CancellationToken, ValueTask<bool>> keep,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var document in documents.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (await keep(document, cancellationToken).ConfigureAwait(false))
            {
                yield return document;
            }
        }
    }

    /// <summary>Article count for the ETA when every input is a single-article file; null when unknown.</summary>
    public int? EstimateArticles()
    {
        var count = 0;
        foreach (var input in Inputs)
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

    /// <summary>Why a document failed: its last error diagnostic.</summary>
    public static string Describe(Document document)
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
}
