using System.Runtime.CompilerServices;
using System.Text;
using Parley.Diagnostics;

namespace Parley.Ingest;

/// <summary>
/// Reads CSV whose header names a <c>text</c> column and optionally <c>url</c>, <c>date</c> or
/// <c>published</c>, <c>title</c>, <c>id</c> and <c>source</c> (any case, any order). One article per record.
/// </summary>
internal sealed class CsvArticleSource
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly IngestOptions _options;

    public CsvArticleSource(IngestOptions options) => _options = options;

    /// <summary>Reads the records; an invalid UTF-8 byte stops the file with a <see cref="DecoderFallbackException"/>.</summary>
    public async IAsyncEnumerable<ArticleDraft> ReadAsync(Stream stream, string name, string origin,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var text = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 65536, leaveOpen: true);
        var csv = new CsvRecordReader(text, _options.MaxArticleBytes);
        var header = await csv.ReadRecordAsync(cancellationToken).ConfigureAwait(false);
        if (header is null)
        {
            yield return ArticleDraft.Failed(name, origin, DiagnosticCodes.EmptyInput,
                $"{origin}: the CSV file is empty. Give it a header with a \"text\" column and one record per article.");
            yield break;
        }
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            columns.TryAdd(header.Fields[i].Trim(), i);
        }
        if (!columns.TryGetValue("text", out var textColumn))
        {
            yield return ArticleDraft.Failed(name, $"{origin}:{header.Line}", DiagnosticCodes.MalformedCsv,
                $"{origin}:{header.Line}: the CSV header has no \"text\" column (it has: {string.Join(", ", header.Fields)}). Name the column holding the article text \"text\".");
            yield break;
        }
        var recordNumber = 0;
        while (await csv.ReadRecordAsync(cancellationToken).ConfigureAwait(false) is { } record)
        {
            recordNumber++;
            var where = $"{origin}:{record.Line}";
            var fallbackId = $"{name}:{recordNumber}";
            if (record.TooLarge)
            {
                yield return ArticleDraft.Failed(fallbackId, where, DiagnosticCodes.InputTooLarge,
                    $"{where}: record {recordNumber} is over the limit of {_options.MaxArticleBytes:N0} characters per article; it was skipped. Shorten it or raise the limit.");
                continue;
            }
            if (record.Error is not null)
            {
                yield return ArticleDraft.Failed(fallbackId, where, DiagnosticCodes.MalformedCsv,
                    $"{where}: record {recordNumber} is malformed: {record.Error}. Inside a quoted field a quote is written twice (\"\").");
                continue;
            }
            if (record.Fields.Count != header.Fields.Count)
            {
                yield return ArticleDraft.Failed(fallbackId, where, DiagnosticCodes.MalformedCsv,
                    $"{where}: record {recordNumber} has {record.Fields.Count} fields but the header has {header.Fields.Count}. Quote fields that hold commas or line breaks.");
                continue;
            }
            string? Column(string column) =>
                columns.TryGetValue(column, out var index) && !string.IsNullOrWhiteSpace(record.Fields[index]) ? record.Fields[index].Trim() : null;
            var url = Column("url");
            var id = Column("id") ?? url ?? fallbackId;
            var body = record.Fields[textColumn];
            if (string.IsNullOrWhiteSpace(body))
            {
                yield return ArticleDraft.Failed(id, where, DiagnosticCodes.MissingText,
                    $"{where}: record {recordNumber} has an empty \"text\" column. Fill it or remove the record; the other records were read.");
                continue;
            }
            var warnings = new List<Diagnostic>();
            yield return new ArticleDraft
            {
                Id = id,
                Origin = where,
                Text = TextDecoder.NormalizeLineEnds(body),
                Url = url,
                Title = Column("title"),
                Source = Column("source"),
                Published = ArticleReader.ParsePublished(Column("published") ?? Column("date"), where, warnings),
                Warnings = warnings,
            };
        }
    }
}
