using Parquet;
using Parquet.Schema;

namespace Parley.Store.Export;

/// <summary>Writes a table as Parquet: strings as UTF-8, counts as int32, scores and coordinates as double.</summary>
public static class ParquetTables
{
    /// <summary>Rows written per row group.</summary>
    public const int RowGroupRows = 100_000;

    /// <summary>Writes <paramref name="rows"/> with <paramref name="columns"/> to <paramref name="stream"/>.</summary>
    public static async Task WriteAsync<TRow>(Stream stream, IReadOnlyList<TableColumn<TRow>> columns, IAsyncEnumerable<TRow> rows,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var fields = new DataField[columns.Count];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = columns[i].Type == typeof(int) ? new DataField<int>(columns[i].Name)
                : columns[i].Type == typeof(double) ? new DataField<double>(columns[i].Name)
                : columns[i].Type == typeof(double?) ? new DataField<double?>(columns[i].Name)
                : new DataField<string>(columns[i].Name);
        }
        var schema = new ParquetSchema(fields);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        var buffer = new List<TRow>(RowGroupRows);
        var groups = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            buffer.Add(row);
            if (buffer.Count == RowGroupRows)
            {
                await WriteGroupAsync(writer, fields, columns, buffer, cancellationToken).ConfigureAwait(false);
                buffer.Clear();
                groups++;
            }
        }
        if (buffer.Count > 0 || groups == 0)
        {
            await WriteGroupAsync(writer, fields, columns, buffer, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WriteGroupAsync<TRow>(ParquetWriter writer, DataField[] fields, IReadOnlyList<TableColumn<TRow>> columns, List<TRow> rows,
        CancellationToken cancellationToken)
    {
        using var group = writer.CreateRowGroup();
        for (var c = 0; c < fields.Length; c++)
        {
            var read = columns[c].Value;
            if (columns[c].Type == typeof(int))
            {
                await group.WriteAsync<int>(fields[c], rows.Select(r => (int)read(r)!).ToArray(), null, null, cancellationToken).ConfigureAwait(false);
            }
            else if (columns[c].Type == typeof(double))
            {
                await group.WriteAsync<double>(fields[c], rows.Select(r => (double)read(r)!).ToArray(), null, null, cancellationToken).ConfigureAwait(false);
            }
            else if (columns[c].Type == typeof(double?))
            {
                await group.WriteAsync<double>(fields[c], rows.Select(r => (double?)read(r)).ToArray(), null, null, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await group.WriteAsync(fields[c], rows.Select(r => (string?)read(r)).ToArray()!, null).ConfigureAwait(false);
            }
        }
    }
}
