using System.CommandLine;
using Parley.Diagnostics;
using Parley.Ingest;
using Parley.Model;
using Parley.Processing;
using Parley.Syntax;

namespace Parley.Cli.Commands;

/// <summary><c>parley parse</c>: tokens, tags, lemmas, dependencies and entities as CoNLL-U.</summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input")
        {
            Arity = ArgumentArity.ZeroOrOne,
            Description = "An article (any format parley code reads) or a CoNLL-U file; - or nothing for standard input.",
            DefaultValueFactory = _ => "-",
        };
        var format = new Option<string>("--input")
        {
            Description = "text: segment and analyse raw text (default); conllu: keep the file's tokens and sentences and predict the rest.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "conllu");
        var command = new Command("parse", "Write CoNLL-U: ID FORM LEMMA UPOS XPOS _ HEAD DEPREL _ MISC (SpaceAfter=No, NER=B-PER …).")
        {
            input, format,
        };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(input) ?? "-", result.GetValue(format) ?? "text", cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string input, string format, CancellationToken cancellationToken)
    {
        if (input != "-" && !File.Exists(input) && !Directory.Exists(input))
        {
            throw new ParleyConfigurationException(DiagnosticCodes.InputNotFound, $"Input '{input}' does not exist.");
        }
        var stages = StandardStages.Create(DataPaths.ResolveData());
        await using var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
        var failed = 0;
        if (format == "conllu")
        {
            // Gold tokens and sentences: run only the stages that come after segmentation.
            var analysis = new List<IStage>();
            foreach (var stage in stages.Pipeline.Stages)
            {
                if ((stage.Provides & (Layers.Cleaned | Layers.Tokens | Layers.Sentences)) == 0)
                {
                    analysis.Add(stage);
                }
            }
            var pipeline = Pipeline.Build(analysis, Layers.Text | Layers.Tokens | Layers.Sentences);
            using var reader = input == "-" ? new StreamReader(Console.OpenStandardInput()) : new StreamReader(input);
            var batch = new List<ConlluSentence>();
            foreach (var sentence in ConlluReader.Read(reader))
            {
                cancellationToken.ThrowIfCancellationRequested();
                batch.Add(sentence);
                if (batch.Count == 100)
                {
                    failed += Flush(pipeline, batch, stdout);
                }
            }
            failed += Flush(pipeline, batch, stdout);
        }
        else
        {
            var runner = new PipelineRunner(stages.Pipeline);
            var reader = new ArticleReader(new IngestOptions());
            await using var stdin = Console.OpenStandardInput();
            await foreach (var document in runner.RunAsync(reader.ReadAsync([input], stdin, cancellationToken), cancellationToken).ConfigureAwait(false))
            {
                if (document.IsFailed)
                {
                    failed++;
                    await Console.Error.WriteLineAsync($"parley: {document.Diagnostics[^1].Code} {document.Diagnostics[^1].Message}").ConfigureAwait(false);
                    continue;
                }
                ConlluWriter.Write(document, stdout);
            }
        }
        await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        return failed > 0 ? ExitCodes.PartialFailure : ExitCodes.Success;
    }

    private static int Flush(Pipeline pipeline, List<ConlluSentence> batch, TextWriter output)
    {
        if (batch.Count == 0)
        {
            return 0;
        }
        var document = ConlluDocuments.ToDocument("s", batch);
        batch.Clear();
        pipeline.Process(document);
        if (document.IsFailed)
        {
            Console.Error.WriteLine($"parley: {document.Diagnostics[^1].Code} {document.Diagnostics[^1].Message}");
            return 1;
        }
        ConlluWriter.Write(document, output);
        return 0;
    }
}
