using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Unicode;
using Parley.Diagnostics;

namespace Parley.Ingest;

/// <summary>Reads JSON lines: one object per line with <c>id, text | html, published, title, url, source</c>.</summary>
internal sealed class JsonLinesArticleSource
{
    private readonly IngestOptions _options;
    private readonly HtmlArticleExtractor _extractor;

    public JsonLinesArticleSource(IngestOptions options, HtmlArticleExtractor extractor)
    {
        _options = options;
        _extractor = extractor;
    }

    /// <param name="stream">The JSON lines.</param>
    /// <param name="name">The file's name relative to its input root, for ids.</param>
    /// <param name="origin">The file's path as given, for origins and messages.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public async IAsyncEnumerable<ArticleDraft> ReadAsync(Stream stream, string name, string origin,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = new ByteLineReader(stream, _options.MaxArticleBytes);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            var where = $"{origin}:{line.Number}";
            var fallbackId = $"{name}:{line.Number}";
            if (line.TooLong)
            {
                yield return ArticleDraft.Failed(fallbackId, where, DiagnosticCodes.InputTooLarge,
                    $"{where}: the line is {line.Length:N0} bytes, over the limit of {_options.MaxArticleBytes:N0} bytes per article; it was skipped. Shorten the record or raise the limit.");
                continue;
            }
            ReadOnlySpan<byte> bytes = line.Bytes;
            if (line.Number == 1 && bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                bytes = bytes[3..];
            }
            if (bytes.Trim((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t']).IsEmpty)
            {
                continue;
            }
            if (!Utf8.IsValid(bytes))
            {
                yield return ArticleDraft.Failed(fallbackId, where, DiagnosticCodes.InvalidEncoding,
                    $"{where}: the line is not valid UTF-8, and JSON lines must be UTF-8. Re-save the file as UTF-8; the other lines were read.");
                continue;
            }
            yield return Parse(bytes.ToArray(), fallbackId, where);
        }
    }

    private ArticleDraft Parse(byte[] bytes, string fallbackId, string where)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            return ArticleDraft.Failed(fallbackId, where, DiagnosticCodes.MalformedJson,
                $"{where}: the line is not valid JSON ({ex.Message}). Fix or remove the line; the other lines were read.");
        }
        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ArticleDraft.Failed(fallbackId, where, DiagnosticCodes.MalformedJson,
                    $"{where}: the line is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object. Each line must be one object with a \"text\" or \"html\" field.");
            }
            var warnings = new List<Diagnostic>();
            string? Field(string field)
            {
                if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    return null;
                }
                if (value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString();
                }
                if (field == "id" && value.ValueKind == JsonValueKind.Number)
                {
                    return value.GetRawText();
                }
                warnings.Add(new Diagnostic(DiagnosticCodes.IgnoredField,
                    $"{where}: the field \"{field}\" is a {value.ValueKind.ToString().ToLowerInvariant()}, not a string; it was ignored."));
                return null;
            }
            var recordId = Field("id");
            var id = string.IsNullOrWhiteSpace(recordId) ? fallbackId : recordId.Trim();
            var text = Field("text");
            var html = Field("html");
            ExtractedArticle? extracted = null;
            string body;
            if (!string.IsNullOrWhiteSpace(text))
            {
                body = TextDecoder.NormalizeLineEnds(text);
            }
            else if (!string.IsNullOrWhiteSpace(html))
            {
                extracted = _extractor.Extract(html);
                if (extracted.Text.Length == 0)
                {
                    return ArticleDraft.Failed(id, where, DiagnosticCodes.NoMainText,
                        $"{where}: no main text was found in the \"html\" field. Check that it holds an article page, or give the text in a \"text\" field.");
                }
                body = extracted.Text;
            }
            else
            {
                return ArticleDraft.Failed(id, where, DiagnosticCodes.MissingText,
                    $"{where}: the record has no \"text\" or \"html\" field with content. Add one, or remove the line; the other lines were read.");
            }
            var published = ArticleReader.ParsePublished(Field("published") ?? extracted?.Published, where, warnings);
            return new ArticleDraft
            {
                Id = id,
                Origin = where,
                Text = body,
                Title = Field("title") ?? extracted?.Title,
                Url = Field("url") ?? extracted?.Url,
                Source = Field("source") ?? extracted?.SiteName,
                Published = published,
                Warnings = warnings,
            };
        }
    }
}
