using System.CommandLine;
using Parley.Cli.Commands;
using Parley.Diagnostics;

namespace Parley.Cli;

internal static class Program
{
    private const string Overview = """
        Parley turns news into event data: who did what to whom, where, when, and in whose words.

        Examples:
          parley code ../shared/examples/un-guterres-putin.txt --published 2022-04-20
          parley code articles/ --out coded.jsonl          (a directory, recursively)
          cat feed.jsonl | parley code - > coded.jsonl     (JSON lines on stdin)
          parley parse article.txt                         (CoNLL-U: tags, lemmas, dependencies, entities)
          parley code articles/ --kb people.kb             (learn people's roles; later runs use them)
          parley actors Virtanen --kb people.kb            (what the base knows about a name, and why)
          parley explain article.txt --published 2022-04-20 (why each event was or was not coded)
          parley eval segment ../shared/corpora/ud-english-ewt/en_ewt-ud-test.conllu
          parley eval nlp ../shared/corpora/ud-english-ewt/en_ewt-ud-test.conllu \
                --ner ../shared/corpora/uner-english-ewt/en_ewt-ud-test.iob2
          parley eval petrarch --records ../shared/petrarch/validation/PETR.UnitTest.records.xml \
                --dictionaries ../shared/petrarch/dictionaries
          parley eval places ../shared/gold/geovirus/GeoVirus.xml
          parley train tagger --data ../shared/corpora --out models
          parley ingest articles/                          (code into the event store, parley.db)
          parley query --actor RUS --from 2019-01-01 --to 2019-12-31
          parley query --root 19 --count-by month
          parley show event 3f2a9c0d41b7e655
          parley export --format gdelt > events.tsv

        Exit codes: 0 done; 1 some articles failed (each reported, the rest written);
        2 usage error (also a malformed query); 3 configuration error (missing or corrupt
        data file, unreachable store);
        4 input/output error (cannot write the output); 130 cancelled.
        """;

    private static async Task<int> Main(string[] args)
    {
        var root = new RootCommand(Overview);
        root.Subcommands.Add(CodeCommand.Create());
        root.Subcommands.Add(ParseCommand.Create());
        root.Subcommands.Add(ActorsCommand.Create());
        root.Subcommands.Add(ExplainCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(QueryCommand.Create());
        root.Subcommands.Add(ShowCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"parley: {DiagnosticCodes.InvalidOption}: {error.Message}").ConfigureAwait(false);
            }
            await Console.Error.WriteLineAsync("Run 'parley --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        try
        {
            // Configuration errors are reported here, with their code, instead of as a stack trace.
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (ParleyConfigurationException ex)
        {
            await Console.Error.WriteLineAsync($"parley: {ex.Message}").ConfigureAwait(false);
            return ex.Code == DiagnosticCodes.InvalidOption || ex.Code == DiagnosticCodes.InputNotFound || ex.Code == DiagnosticCodes.InvalidQuery
                ? ExitCodes.Usage
                : ExitCodes.Configuration;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("parley: cancelled; the records written so far are complete.").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (IOException ex)
        {
            await Console.Error.WriteLineAsync($"parley: input/output error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.InputOutput;
        }
    }
}
