namespace Parley.Ingest;

/// <summary>What <see cref="HtmlArticleExtractor"/> finds in a page.</summary>
/// <param name="Text">The main text, paragraphs separated by a blank line; empty when none was found.</param>
/// <param name="Title">The headline, or null.</param>
/// <param name="Byline">The author line without a leading "By", or null.</param>
/// <param name="Published">The publication date as written in the page's metadata, or null.</param>
/// <param name="Url">The canonical URL, or null.</param>
/// <param name="SiteName">The outlet's name, or null.</param>
public sealed record ExtractedArticle(string Text, string? Title, string? Byline, string? Published, string? Url, string? SiteName);
