using System.ServiceModel.Syndication;
using System.Xml;
using Parley.Diagnostics;

namespace Parley.Ingest;

/// <summary>Reads an RSS or Atom feed: one article per item, from its full content, else its summary.</summary>
internal sealed class FeedArticleSource
{
    private const string ContentModule = "http://purl.org/rss/1.0/modules/content/";

    private readonly HtmlArticleExtractor _extractor;

    public FeedArticleSource(HtmlArticleExtractor extractor) => _extractor = extractor;

    public List<ArticleDraft> Read(Stream stream, string name, string origin)
    {
        SyndicationFeed feed;
        try
        {
            // DTDs are ignored, never fetched: old RSS 0.91 files declare one, and reading must stay offline.
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
            using var xml = XmlReader.Create(stream, settings);
            feed = SyndicationFeed.Load(xml);
        }
        catch (Exception ex) when (ex is XmlException or FormatException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            return [ArticleDraft.Failed(name, origin, DiagnosticCodes.MalformedFeed,
                $"{origin}: not a readable RSS or Atom feed ({ex.Message}). Check that the file is a complete feed; the other inputs were read.")];
        }
        var drafts = new List<ArticleDraft>();
        var number = 0;
        foreach (var item in feed.Items)
        {
            number++;
            var where = $"{origin}#{number}";
            var link = item.Links.Count > 0 ? item.Links[0].Uri?.ToString() : null;
            var id = !string.IsNullOrWhiteSpace(item.Id) ? item.Id.Trim() : link ?? $"{name}#{number}";
            var (content, isHtml) = ContentOf(item);
            string? text = null;
            if (!string.IsNullOrWhiteSpace(content))
            {
                text = isHtml ? _extractor.Extract(content).Text : TextDecoder.NormalizeLineEnds(content.Trim());
            }
            if (string.IsNullOrWhiteSpace(text))
            {
                drafts.Add(ArticleDraft.Failed(id, where, DiagnosticCodes.MissingText,
                    $"{where}: feed item {number} has no content or summary text. Read the article page itself (as HTML) to get its text."));
                continue;
            }
            var moment = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime;
            drafts.Add(new ArticleDraft
            {
                Id = id,
                Origin = where,
                Text = text,
                Title = item.Title?.Text?.Trim(),
                Url = link,
                Source = feed.Title?.Text?.Trim(),
                Published = moment != default ? DateOnly.FromDateTime(moment.DateTime) : null,
            });
        }
        return drafts;
    }

    private static (string? Content, bool IsHtml) ContentOf(SyndicationItem item)
    {
        // RSS puts the full article in content:encoded and a teaser in description; prefer the full one.
        foreach (var encoded in item.ElementExtensions.ReadElementExtensions<string>("encoded", ContentModule))
        {
            if (!string.IsNullOrWhiteSpace(encoded))
            {
                return (encoded, true);
            }
        }
        if (item.Content is TextSyndicationContent content && !string.IsNullOrWhiteSpace(content.Text))
        {
            return (content.Text, content.Type != "text" || LooksLikeMarkup(content.Text));
        }
        if (item.Summary is { } summary && !string.IsNullOrWhiteSpace(summary.Text))
        {
            // RSS descriptions are declared as text but usually carry escaped HTML.
            return (summary.Text, summary.Type != "text" || LooksLikeMarkup(summary.Text));
        }
        return (null, false);
    }

    private static bool LooksLikeMarkup(string text) => text.Contains('<', StringComparison.Ordinal) && text.Contains('>', StringComparison.Ordinal);
}
