using System.CommandLine;
using Parley.Cli.Output;
using Parley.Store;
using Parley.Store.Export;

namespace Parley.Cli.Commands;

/// <summary><c>parley query</c>: merged events from the store, filtered, as a table, JSON lines or CSV, or counted by group.</summary>
internal static class QueryCommand
{
    public static Command Create()
    {
        var filters = new QueryOptions();
        var store = StoreOption.Create();
        var format = new Option<string?>("--format") { Description = "table (default on a terminal), jsonl (default when piped) or csv." };
        format.AcceptOnlyFromAmong("table", "jsonl", "csv");
        var countBy = new Option<string?>("--count-by") { Description = "Count events instead of listing them: day, week, month, dyad or root." };
        countBy.AcceptOnlyFromAmong("day", "week", "month", "dyad", "root");
        var limit = new Option<int>("--limit")
        {
            Description = "At most this many events (default 1000 on a terminal, all when piped; 0: all).",
            DefaultValueFactory = _ => -1,
        };
        var command = new Command("query", "List or count the merged events in the store that match every filter given.");
        filters.AddTo(command);
        command.Options.Add(store);
        command.Options.Add(format);
        command.Options.Add(countBy);
        command.Options.Add(limit);
        command.SetAction(async (result, cancellationToken) =>
        {
            var chosen = result.GetValue(format) ?? (Console.IsOutputRedirected ? "jsonl" : "table");
            var max = result.GetValue(limit);
            var query = filters.Read(result, max >= 0 ? max : chosen == "table" ? 1000 : 0);
            await using var opened = await EventStores.OpenAsync(result.GetValue(store), cancellationToken).ConfigureAwait(false);
            await using var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
            if (result.GetValue(countBy) is { } by)
            {
                var rows = await opened.CountAsync(query, Enum.Parse<CountBy>(by, ignoreCase: true), cancellationToken).ConfigureAwait(false);
                await EventOutput.WriteCountsAsync(output, rows, chosen, by).ConfigureAwait(false);
            }
            else
            {
                var written = await EventOutput.WriteAsync(output, EventTables.Events, opened.QueryAsync(query, cancellationToken), chosen,
                    EventOutput.EventSummary, cancellationToken).ConfigureAwait(false);
                if (chosen == "table")
                {
                    await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                    await Console.Error.WriteLineAsync($"parley: {written} event{(written == 1 ? "" : "s")}" +
                        $"{(query.Limit > 0 && written == query.Limit ? $" (the first {query.Limit}; --limit 0 lists all)" : "")}.").ConfigureAwait(false);
                }
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
