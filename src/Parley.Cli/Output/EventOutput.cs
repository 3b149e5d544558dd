using System.Globalization;
using System.Text;
using System.Text.Json;
using Parley.Store;
using Parley.Store.Export;

namespace Parley.Cli.Output;

/// <summary>Writes store rows as a terminal table, JSON lines, CSV or GDELT tab-separated lines.</summary>
internal static class EventOutput
{
    /// <summary>The columns a terminal table shows for an event.</summary>
    public static readonly string[] EventSummary = ["id", "date", "sourceCode", "code", "targetCode", "quad", "goldstein", "place", "articles", "sources", "independent"];

    public static async Task<int> WriteAsync<TRow>(TextWriter writer, IReadOnlyList<TableColumn<TRow>> columns, IAsyncEnumerable<TRow> rows, string format,
        string[]? tableColumns, CancellationToken cancellationToken)
    {
        var count = 0;
        if (format == "table")
        {
            var shown = tableColumns is null ? columns : [.. columns.Where(c => tableColumns.Contains(c.Name))];
            var cells = new List<string[]> { shown.Select(c => c.Name).ToArray() };
            await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                cells.Add(shown.Select(c => Shorten(DelimitedText.Format(c.Value(row)))).ToArray());
                count++;
            }
            await WriteTableAsync(writer, cells).ConfigureAwait(false);
            return count;
        }
        if (format == "csv")
        {
            await writer.WriteLineAsync(DelimitedText.CsvLine(columns.Select(c => (object?)c.Name))).ConfigureAwait(false);
        }
        var buffer = new MemoryStream();
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (format == "csv")
            {
                await writer.WriteLineAsync(DelimitedText.CsvLine(columns.Select(c => c.Value(row)))).ConfigureAwait(false);
            }
            else
            {
                buffer.SetLength(0);
                using (var json = new Utf8JsonWriter(buffer))
                {
                    json.WriteStartObject();
                    foreach (var column in columns)
                    {
                        switch (column.Value(row))
                        {
                            case null: json.WriteNull(column.Name); break;
                            case int i: json.WriteNumber(column.Name, i); break;
                            case double d: json.WriteNumber(column.Name, d); break;
                            case var v: json.WriteString(column.Name, v.ToString()); break;
                        }
                    }
                    json.WriteEndObject();
                }
                await writer.WriteLineAsync(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)).ConfigureAwait(false);
            }
            count++;
        }
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    public static async Task WriteCountsAsync(TextWriter writer, IReadOnlyList<CountRow> rows, string format, string by)
    {
        if (format == "table")
        {
            await WriteTableAsync(writer, [[by, "events"], .. rows.Select(r => new[] { r.Key, r.Events.ToString(CultureInfo.InvariantCulture) })]).ConfigureAwait(false);
            return;
        }
        if (format == "csv")
        {
            await writer.WriteLineAsync(DelimitedText.CsvLine([by, "events"])).ConfigureAwait(false);
        }
        foreach (var row in rows)
        {
            await writer.WriteLineAsync(format == "csv" ? DelimitedText.CsvLine([row.Key, row.Events])
                : $"{{\"{by}\":\"{JsonEncodedText.Encode(row.Key)}\",\"events\":{row.Events.ToString(CultureInfo.InvariantCulture)}}}")
                .ConfigureAwait(false);
        }
        await writer.FlushAsync().ConfigureAwait(false);
    }

    public static async Task WriteGdeltAsync(TextWriter writer, IEventStore store, EventQuery query, bool mentions, CancellationToken cancellationToken)
    {
        if (!mentions)
        {
            await foreach (var stored in store.QueryAsync(query, cancellationToken).ConfigureAwait(false))
            {
                await writer.WriteLineAsync(DelimitedText.TabLine(GdeltTables.EventRow(stored))).ConfigureAwait(false);
            }
            return;
        }
        var days = new Dictionary<string, string?>(StringComparer.Ordinal);
        await foreach (var stored in store.QueryAsync(query, cancellationToken).ConfigureAwait(false))
        {
            days[stored.Id] = stored.Date;
        }
        await foreach (var mention in store.MentionsAsync(cancellationToken).ConfigureAwait(false))
        {
            await writer.WriteLineAsync(DelimitedText.TabLine(GdeltTables.MentionRow(mention, days.GetValueOrDefault(mention.EventId)))).ConfigureAwait(false);
        }
    }

    private static string Shorten(string value) => value.Length > 40 ? value[..39] + "…" : value;

    private static async Task WriteTableAsync(TextWriter writer, List<string[]> cells)
    {
        var widths = new int[cells[0].Length];
        foreach (var row in cells)
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }
        foreach (var row in cells)
        {
            var line = new StringBuilder();
            for (var i = 0; i < row.Length; i++)
            {
                line.Append(row[i].PadRight(widths[i])).Append(i < row.Length - 1 ? "  " : "");
            }
            await writer.WriteLineAsync(line.ToString().TrimEnd()).ConfigureAwait(false);
        }
        await writer.FlushAsync().ConfigureAwait(false);
    }
}
