using System.Text;
using FsCheck;
using FsCheck.Xunit;
using Parley.Model;
using Parley.Processing;
using Parley.Text;

namespace Parley.Ingest.Tests;

public class PropertyTests
{
    [Property(MaxTest = 300)]
    public bool Csv_fields_survive_quoting_and_reading(string[][] records)
    {
        var rows = records.Where(r => r is not null).Select(r => new[] { "x" }.Concat(r.Select(f => f ?? "")).ToArray()).ToList();
        var csv = new StringBuilder();
        foreach (var row in rows)
        {
            csv.Append(string.Join(",", row.Select(f => "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""))).Append("\r\n");
        }
        var reader = new CsvRecordReader(new StringReader(csv.ToString()), long.MaxValue);
        foreach (var row in rows)
        {
            var record = reader.ReadRecordAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
            if (record is null || record.Error is not null || !record.Fields.SequenceEqual(row))
            {
                return false;
            }
        }
        return reader.ReadRecordAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult() is null;
    }

    [Property(MaxTest = 300)]
    public bool Removed_spans_are_ordered_whole_lines_inside_the_text(string[] lines)
    {
        var pool = BoilerplateCleaner.Examples.Concat(["The talks resumed.", "", "  Advertisement ", "Share prices fell."]).ToArray();
        var parts = (lines ?? []).Select((l, i) => i % 2 == 0 ? pool[(l?.Length ?? 0) % pool.Length] : (l ?? "")).ToArray();
        var text = string.Join("\n", parts);
        var document = new Document("p", text);
        var cleaner = new BoilerplateCleaner();
        cleaner.Process(document, new StageContext(document, cleaner.Name));
        var previousEnd = 0;
        foreach (var span in document.Removed)
        {
            if (span.Start < previousEnd || span.End <= span.Start || span.End > text.Length)
            {
                return false;
            }
            var lineStart = text.LastIndexOf('\n', Math.Max(0, span.Start - 1)) + 1;
            var lineEnd = text.IndexOf('\n', span.Start);
            lineEnd = lineEnd < 0 ? text.Length : lineEnd;
            if (span.Start > 0 && text[span.Start - 1] == '\n')
            {
                lineStart = span.Start;
            }
            if (text[lineStart..span.Start].Trim().Length != 0 || text[span.End..lineEnd].Trim().Length != 0)
            {
                return false;
            }
            previousEnd = span.End;
        }
        return true;
    }

    [Property(MaxTest = 200)]
    public bool Decoding_any_bytes_never_throws(byte[] bytes)
    {
        var decoded = TextDecoder.Decode(bytes ?? []);
        return decoded.Ok ? decoded.Text!.Length > 0 : decoded.ErrorCode is not null;
    }
}
