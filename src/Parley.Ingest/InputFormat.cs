namespace Parley.Ingest;

/// <summary>How an input is read. <see cref="Auto"/> picks the format from the file extension, or
/// from the first bytes when the extension says nothing (and always for standard input).</summary>
public enum InputFormat
{
    /// <summary>Decide from the extension, else from the content.</summary>
    Auto,
    /// <summary>One article of plain text per file.</summary>
    Text,
    /// <summary>One HTML page per file; the main text is extracted.</summary>
    Html,
    /// <summary>JSON lines: one article per line, fields <c>id, text | html, published, title, url, source</c>.</summary>
    JsonLines,
    /// <summary>CSV with a header holding a <c>text</c> column; one article per record.</summary>
    Csv,
    /// <summary>An RSS or Atom feed; one article per item.</summary>
    Feed,
    /// <summary>A WARC web archive (recognised, not read yet).</summary>
    Warc,
}
