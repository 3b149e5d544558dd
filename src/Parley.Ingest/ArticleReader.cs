using System.Runtime.CompilerServices;
using System.Text;
using Parley.Diagnostics;
using Parley.Model;

namespace Parley.Ingest;

/// <summary>
/// Reads the user's inputs into <see cref="Document"/>s: files, directories (recursively, in sorted
/// order, one file at a time) and standard input (<c>-</c>). Plain text, HTML, JSON lines, CSV and
/// RSS/Atom feeds are read; WARC is recognised and reported as not supported yet.
/// </summary>
/// <remarks>
/// Bad input never stops the batch: an input that cannot be read becomes a failed document
/// (<see cref="Document.FailedInput"/>) whose diagnostic names the file and line and says what to do, and
/// reading goes on. Every document gets a unique id (a duplicate gets <c>#2</c>, <c>#3</c>… and W306),
/// its language (W304 when not English) and, unless disabled, its repeated lines marked removed.
/// When every input is a file or directory they are read twice: a first pass counts lines per source
/// so that repeated lines are found in the first articles as well; standard input is read once, and there
/// repetition is only recognised once seen often enough (see <see cref="RepeatedLineDetector"/>).
/// </remarks>
public sealed class ArticleReader
{
    /// <summary>The input name that stands for standard input.</summary>
    public const string StandardInput = "-";

    private const int SniffBytes = 4096;

    private readonly IngestOptions _options;
    private readonly HtmlArticleExtractor _extractor = new();
    private readonly JsonLinesArticleSource _jsonLines;
    private readonly CsvArticleSource _csv;
    private readonly FeedArticleSource _feeds;

    /// <summary>Creates a reader.</summary>
    public ArticleReader(IngestOptions? options = null)
    {
        _options = options ?? new IngestOptions();
        if (_options.MaxArticleBytes <= 0)
        {
            throw new ParleyConfigurationException(DiagnosticCodes.InvalidOption, $"The article size limit must be positive, not {_options.MaxArticleBytes}.");
        }
        _jsonLines = new JsonLinesArticleSource(_options, _extractor);
        _csv = new CsvArticleSource(_options);
        _feeds = new FeedArticleSource(_extractor);
    }

    /// <summary>
    /// Reads <paramref name="inputs"/> in order and yields one document per article, failed ones included.
    /// </summary>
    /// <param name="inputs">Files, directories, or <c>-</c> for <paramref name="stdin"/>.</param>
    /// <param name="stdin">Standard input; read only when an input is <c>-</c>.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public async IAsyncEnumerable<Document> ReadAsync(IReadOnlyList<string> inputs, Stream stdin,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(stdin);
        var detector = _options.DetectRepeatedLines
            ? new RepeatedLineDetector(_options.RepeatedMinDocuments, _options.RepeatedMinFraction, _options.RepeatedMaxLineLength)
            : null;
        var rereadable = !inputs.Contains(StandardInput);
        if (detector is not null && rereadable)
        {
            await foreach (var draft in ReadDraftsAsync(inputs, stdin, cancellationToken).ConfigureAwait(false))
            {
                if (draft.Failure is null)
                {
                    detector.Observe(ToDocument(draft, draft.Id));
                }
            }
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var draft in ReadDraftsAsync(inputs, stdin, cancellationToken).ConfigureAwait(false))
        {
            var id = draft.Id;
            if (!ids.Add(id))
            {
                var suffix = 2;
                while (!ids.Add($"{draft.Id}#{suffix}"))
                {
                    suffix++;
                }
                id = $"{draft.Id}#{suffix}";
            }
            var document = ToDocument(draft, id);
            if (!ReferenceEquals(id, draft.Id))
            {
                document.Report(new Diagnostic(DiagnosticCodes.DuplicateId,
                    $"{draft.Origin}: the id \"{draft.Id}\" was already used in this run; this article is \"{id}\". Give each article its own id."));
            }
            if (!document.IsFailed)
            {
                if (_options.DetectLanguage)
                {
                    DetectLanguage(document);
                }
                if (detector is not null)
                {
                    if (!rereadable)
                    {
                        detector.Observe(document);
                    }
                    detector.Mark(document);
                }
            }
            yield return document;
        }
    }

    /// <summary>Parses a publication date; reports W303 into <paramref name="warnings"/> when it is not one.</summary>
    internal static DateOnly? ParsePublished(string? value, string where, List<Diagnostic> warnings)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (PublishedDate.TryParse(value, out var date))
        {
            return date;
        }
        warnings.Add(new Diagnostic(DiagnosticCodes.InvalidPublishedDate,
            $"{where}: the published value \"{value}\" is not a date; it was left empty. Write dates as YYYY-MM-DD."));
        return null;
    }

    private Document ToDocument(ArticleDraft draft, string id)
    {
        Document document;
        if (draft.Failure is not null)
        {
            document = Document.FailedInput(id, draft.Origin, draft.Failure);
        }
        else
        {
            document = new Document(id, draft.Text)
            {
                Origin = draft.Origin,
                Url = draft.Url,
                Source = draft.Source,
                Title = draft.Title,
                Published = draft.Published ?? _options.Published,
            };
        }
        foreach (var warning in draft.Warnings)
        {
            document.Report(warning);
        }
        return document;
    }

    private static void DetectLanguage(Document document)
    {
        var guess = StopwordLanguageDetector.Detect(document.Text);
        document.Language = guess.Language;
        if (guess.IsEnglish)
        {
            return;
        }
        var message = guess.Language == "und" && guess.Words < StopwordLanguageDetector.MinWords
            ? $"{document.Origin}: the text is too short ({guess.Words} words) to tell its language. Check that the whole article was given."
            : $"{document.Origin}: the text does not look like English (guess: {guess.Language}; {guess.EnglishScore:P0} English function words in {guess.Words} words). Parley's models are English; leave the article out or translate it first.";
        document.Report(new Diagnostic(DiagnosticCodes.NotEnglish, message));
    }

    private async IAsyncEnumerable<ArticleDraft> ReadDraftsAsync(IReadOnlyList<string> inputs, Stream stdin,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var input in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (input == StandardInput)
            {
                await foreach (var draft in ReadStdinAsync(stdin, cancellationToken).ConfigureAwait(false))
                {
                    yield return draft;
                }
            }
            else if (Directory.Exists(input))
            {
                foreach (var (path, error) in InputWalker.EnumerateFiles(input))
                {
                    if (error is not null)
                    {
                        yield return ArticleDraft.Failed(RelativeName(input, path), path, DiagnosticCodes.UnreadableInput,
                            $"{path}: the directory could not be listed ({error.Message}). Check its permissions; the other inputs were read.");
                        continue;
                    }
                    await foreach (var draft in ReadFileAsync(path, input, cancellationToken).ConfigureAwait(false))
                    {
                        yield return draft;
                    }
                }
            }
            else if (File.Exists(input))
            {
                var root = Path.GetDirectoryName(Path.GetFullPath(input)) ?? ".";
                await foreach (var draft in ReadFileAsync(input, root, cancellationToken).ConfigureAwait(false))
                {
                    yield return draft;
                }
            }
            else
            {
                yield return ArticleDraft.Failed(input, input, DiagnosticCodes.InputNotFound,
                    $"{input}: no such file or directory. Check the path; the other inputs were read.");
            }
        }
    }

    private async IAsyncEnumerable<ArticleDraft> ReadFileAsync(string path, string root,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var name = RelativeName(root, path);
        var format = _options.Format;
        if (format == InputFormat.Auto)
        {
            format = FormatFromExtension(path);
        }
        if (format == InputFormat.Auto)
        {
            format = await SniffFileAsync(path, cancellationToken).ConfigureAwait(false);
        }
        switch (format)
        {
            case InputFormat.JsonLines:
            case InputFormat.Csv:
                await foreach (var draft in ReadRecordFileAsync(path, name, format, cancellationToken).ConfigureAwait(false))
                {
                    yield return draft;
                }
                break;
            case InputFormat.Feed:
                foreach (var draft in await ReadFeedFileAsync(path, name, cancellationToken).ConfigureAwait(false))
                {
                    yield return draft;
                }
                break;
            case InputFormat.Warc:
                yield return WarcNotSupported(WithoutExtension(name), path);
                break;
            default:
                yield return await ReadArticleFileAsync(path, WithoutExtension(name), format, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task<ArticleDraft> ReadArticleFileAsync(string path, string id, InputFormat format, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > _options.MaxArticleBytes)
            {
                return TooLarge(id, path, length);
            }
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Unreadable(id, path, ex);
        }
        return FromBytes(bytes, id, path, format);
    }

    private async IAsyncEnumerable<ArticleDraft> ReadRecordFileAsync(string path, string name, InputFormat format,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        FileStream? stream = null;
        ArticleDraft? failure = null;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            failure = Unreadable(name, path, ex);
        }
        if (stream is null)
        {
            yield return failure!;
            yield break;
        }
        await using (stream.ConfigureAwait(false))
        {
            var records = format == InputFormat.Csv
                ? _csv.ReadAsync(stream, name, path, cancellationToken)
                : _jsonLines.ReadAsync(stream, name, path, cancellationToken);
            await foreach (var draft in GuardAsync(records, name, path, cancellationToken).ConfigureAwait(false))
            {
                yield return draft;
            }
        }
    }

    private async Task<List<ArticleDraft>> ReadFeedFileAsync(string path, string name, CancellationToken cancellationToken)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length > _options.MaxFeedBytes)
            {
                return [ArticleDraft.Failed(name, path, DiagnosticCodes.InputTooLarge,
                    $"{path}: the feed is {length:N0} bytes, over the limit of {_options.MaxFeedBytes:N0} bytes per feed. Split it or raise the limit.")];
            }
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            if (bytes.Length == 0)
            {
                return [ArticleDraft.Failed(name, path, DiagnosticCodes.EmptyInput, $"{path}: the feed file is empty. Remove it or download the feed again.")];
            }
            using var stream = new MemoryStream(bytes, writable: false);
            return _feeds.Read(stream, name, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [Unreadable(name, path, ex)];
        }
    }

    private async IAsyncEnumerable<ArticleDraft> ReadStdinAsync(Stream stdin,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const string name = "stdin";
        var prefix = new byte[SniffBytes];
        var filled = 0;
        while (filled < prefix.Length)
        {
            var read = await stdin.ReadAsync(prefix.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }
            filled += read;
        }
        var stream = new PrefixedStream(prefix[..filled], stdin);
        var format = _options.Format == InputFormat.Auto ? Sniff(prefix.AsSpan(0, filled)) : _options.Format;
        switch (format)
        {
            case InputFormat.JsonLines:
            case InputFormat.Csv:
                var records = format == InputFormat.Csv
                    ? _csv.ReadAsync(stream, name, StandardInput, cancellationToken)
                    : _jsonLines.ReadAsync(stream, name, StandardInput, cancellationToken);
                await foreach (var draft in GuardAsync(records, name, StandardInput, cancellationToken).ConfigureAwait(false))
                {
                    yield return draft;
                }
                break;
            case InputFormat.Warc:
                yield return WarcNotSupported(name, StandardInput);
                break;
            default:
                var limit = format == InputFormat.Feed ? _options.MaxFeedBytes : _options.MaxArticleBytes;
                var (bytes, length) = await ReadUpToAsync(stream, limit, cancellationToken).ConfigureAwait(false);
                if (bytes is null)
                {
                    yield return TooLarge(name, StandardInput, length);
                }
                else if (format == InputFormat.Feed)
                {
                    using var feed = new MemoryStream(bytes, writable: false);
                    foreach (var draft in _feeds.Read(feed, name, StandardInput))
                    {
                        yield return draft;
                    }
                }
                else
                {
                    yield return FromBytes(bytes, name, StandardInput, format);
                }
                break;
        }
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; null bytes (and the count read) when the stream is longer.</summary>
    private static async Task<(byte[]? Bytes, long Length)> ReadUpToAsync(Stream stream, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        long total = 0;
        while (true)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return (buffer.ToArray(), total);
            }
            total += read;
            if (total > limit)
            {
                return (null, total);
            }
            buffer.Write(chunk, 0, read);
        }
    }

    /// <summary>Turns a mid-stream read failure into one failed document instead of an exception.</summary>
    private static async IAsyncEnumerable<ArticleDraft> GuardAsync(IAsyncEnumerable<ArticleDraft> source, string name, string origin,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var enumerator = source.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                ArticleDraft? next = null;
                ArticleDraft? failure = null;
                try
                {
                    if (await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        next = enumerator.Current;
                    }
                }
                catch (DecoderFallbackException)
                {
                    failure = ArticleDraft.Failed($"{name}:encoding", origin, DiagnosticCodes.InvalidEncoding,
                        $"{origin}: holds bytes that are not valid UTF-8; the records before them were read, the rest of the file was not. Re-save the file as UTF-8.");
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    failure = Unreadable($"{name}:unreadable", origin, ex);
                }
                if (failure is not null)
                {
                    yield return failure;
                    yield break;
                }
                if (next is null)
                {
                    yield break;
                }
                yield return next;
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private ArticleDraft FromBytes(byte[] bytes, string id, string origin, InputFormat format)
    {
        var decoded = TextDecoder.Decode(bytes);
        if (!decoded.Ok)
        {
            var advice = decoded.ErrorCode switch
            {
                DiagnosticCodes.EmptyInput => "Remove it from the input or give it the article text.",
                DiagnosticCodes.BinaryInput => "Leave it out: only text, HTML, JSON lines, CSV and feeds are read.",
                _ => "Re-save it as UTF-8.",
            };
            return ArticleDraft.Failed(id, origin, decoded.ErrorCode!, $"{origin}: the file {decoded.Problem}. {advice}");
        }
        var warnings = new List<Diagnostic>();
        if (decoded.Windows1252)
        {
            warnings.Add(new Diagnostic(DiagnosticCodes.DecodedAsWindows1252,
                $"{origin}: the file is not valid UTF-8 and was decoded as Windows-1252. Check its accented letters and quotes; re-save it as UTF-8 to be sure."));
        }
        if (format != InputFormat.Html)
        {
            return new ArticleDraft { Id = id, Origin = origin, Text = decoded.Text!, Warnings = warnings };
        }
        var extracted = _extractor.Extract(decoded.Text!);
        if (extracted.Text.Length == 0)
        {
            return ArticleDraft.Failed(id, origin, DiagnosticCodes.NoMainText,
                $"{origin}: no main text was found in the HTML page. Check that it is an article page, or give its text as a plain-text file.");
        }
        return new ArticleDraft
        {
            Id = id,
            Origin = origin,
            Text = extracted.Text,
            Title = extracted.Title,
            Url = extracted.Url,
            Source = extracted.SiteName,
            Published = ParsePublished(extracted.Published, origin, warnings),
            Warnings = warnings,
        };
    }

    private ArticleDraft TooLarge(string id, string origin, long length) =>
        ArticleDraft.Failed(id, origin, DiagnosticCodes.InputTooLarge,
            $"{origin}: {length:N0} bytes or more, over the limit of {_options.MaxArticleBytes:N0} bytes per article; it was not read. Split it or raise the limit.");

    private static ArticleDraft Unreadable(string id, string origin, Exception error) =>
        ArticleDraft.Failed(id, origin, DiagnosticCodes.UnreadableInput,
            $"{origin}: could not be read ({error.Message}). Check that it exists and is readable; the other inputs were read.");

    private static ArticleDraft WarcNotSupported(string id, string origin) =>
        ArticleDraft.Failed(id, origin, DiagnosticCodes.UnsupportedFormat,
            $"{origin}: WARC web archives are not supported yet. Extract the pages (for example as HTML files or JSON lines with an \"html\" field) and read those.");

    internal static InputFormat FormatFromExtension(string path)
    {
        var fileName = Path.GetFileName(path).ToLowerInvariant();
        if (fileName.EndsWith(".warc.gz", StringComparison.Ordinal))
        {
            return InputFormat.Warc;
        }
        return Path.GetExtension(fileName) switch
        {
            ".txt" or ".text" => InputFormat.Text,
            ".html" or ".htm" or ".xhtml" => InputFormat.Html,
            ".jsonl" or ".ndjson" or ".json" => InputFormat.JsonLines,
            ".csv" => InputFormat.Csv,
            ".rss" or ".atom" => InputFormat.Feed,
            ".warc" => InputFormat.Warc,
            _ => InputFormat.Auto,
        };
    }

    private static async Task<InputFormat> SniffFileAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                var prefix = new byte[SniffBytes];
                var filled = 0;
                int read;
                while (filled < prefix.Length && (read = await stream.ReadAsync(prefix.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    filled += read;
                }
                return Sniff(prefix.AsSpan(0, filled));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Read as text: the article reader then reports the file as unreadable.
            return InputFormat.Text;
        }
    }

    /// <summary>Guesses the format from the first bytes: WARC header, JSON object, feed or HTML markup, else text.</summary>
    internal static InputFormat Sniff(ReadOnlySpan<byte> prefix)
    {
        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            prefix = prefix[3..];
        }
        prefix = prefix.TrimStart((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n']);
        if (prefix.StartsWith("WARC/"u8))
        {
            return InputFormat.Warc;
        }
        if (prefix.StartsWith("{"u8))
        {
            return InputFormat.JsonLines;
        }
        if (!prefix.StartsWith("<"u8))
        {
            return InputFormat.Text;
        }
        var head = Encoding.ASCII.GetString(prefix).ToLowerInvariant();
        if (head.Contains("<rss", StringComparison.Ordinal) || head.Contains("<feed", StringComparison.Ordinal) || head.Contains("<rdf:rdf", StringComparison.Ordinal))
        {
            return InputFormat.Feed;
        }
        return head.Contains("<html", StringComparison.Ordinal) || head.Contains("<!doctype html", StringComparison.Ordinal)
            || head.Contains("<body", StringComparison.Ordinal) || head.Contains("<p", StringComparison.Ordinal) || head.Contains("<div", StringComparison.Ordinal)
            ? InputFormat.Html
            : InputFormat.Text;
    }

    private static string RelativeName(string root, string path) =>
        Path.GetRelativePath(root, path).Replace('\\', '/');

    private static string WithoutExtension(string name)
    {
        var extension = Path.GetExtension(name);
        return extension.Length > 0 && extension.Length < name.Length ? name[..^extension.Length] : name;
    }
}
