using System.CommandLine;
using Parley.Diagnostics;
using Parley.Cli.Output;
using Parley.Store;
using Parley.Store.Export;

namespace Parley.Cli.Commands;

/// <summary><c>parley export</c>: the merged events (or their mentions) as JSON lines, CSV, Parquet or GDELT 2.0 tables.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var filters = new QueryOptions();
        var store = StoreOption.Create();
        var format = new Option<string>("--format")
        {
            Description = "jsonl, csv, parquet (needs --out) or gdelt (tab-separated, the GDELT 2.0 event table's 61 columns; with --mentions its 16 mention columns).",
            Required = true,
        };
        format.AcceptOnlyFromAmong("jsonl", "csv", "parquet", "gdelt");
        var mentions = new Option<bool>("--mentions") { Description = "Export the mentions table (one row per sentence reporting an event) instead of the events." };
        var output = new Option<string?>("--out", "-o") { Description = "Write to this file instead of standard output." };
        var command = new Command("export", "Export merged events or their mentions for other tools (pandas, R, DuckDB, GDELT scripts).");
        filters.AddTo(command);
        command.Options.Add(store);
        command.Options.Add(format);
        command.Options.Add(mentions);
        command.Options.Add(output);
        command.SetAction(async (result, cancellationToken) =>
        {
            var chosen = result.GetValue(format)!;
            var path = result.GetValue(output);
            if (chosen == "parquet" && path is null)
            {
                throw new ParleyConfigurationException(DiagnosticCodes.InvalidOption, "Parquet is written to a file: add --out events.parquet.");
            }
            var query = filters.Read(result, 0);
            var withMentions = result.GetValue(mentions);
            await using var opened = await EventStores.OpenAsync(result.GetValue(store), cancellationToken).ConfigureAwait(false);
            await using var stream = path is null ? Console.OpenStandardOutput()
                : new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            if (withMentions && query != new EventQuery())
            {
                throw new ParleyConfigurationException(DiagnosticCodes.InvalidOption, "--mentions exports every mention; filters apply to events only. Drop the filters.");
            }
            if (chosen == "parquet")
            {
                if (withMentions)
                {
                    await ParquetTables.WriteAsync(stream, EventTables.Mentions, opened.MentionsAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await ParquetTables.WriteAsync(stream, EventTables.Events, opened.QueryAsync(query, cancellationToken), cancellationToken).ConfigureAwait(false);
                }
                return ExitCodes.Success;
            }
            await using var writer = new StreamWriter(stream);
            if (chosen == "gdelt")
            {
                await EventOutput.WriteGdeltAsync(writer, opened, query, withMentions, cancellationToken).ConfigureAwait(false);
            }
            else if (withMentions)
            {
                await EventOutput.WriteAsync(writer, EventTables.Mentions, opened.MentionsAsync(cancellationToken), chosen, null, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await EventOutput.WriteAsync(writer, EventTables.Events, opened.QueryAsync(query, cancellationToken), chosen, null, cancellationToken).ConfigureAwait(false);
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
