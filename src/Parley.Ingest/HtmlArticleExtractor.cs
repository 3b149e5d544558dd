using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Parley.Ingest;

/// <summary>
/// Extracts the main text of a news page and its metadata (headline, byline, publication date, canonical
/// URL, site name). Navigation, headers, footers, menus, comments, share bars, scripts, forms, figures and
/// anything hidden are dropped; the block holding the most paragraph text is taken as the article, and its
/// paragraphs, subheadings, list items and quotations are joined with a blank line between them.
/// Works offline and is deterministic. One instance per thread: it keeps its HTML parser.
/// </summary>
public sealed partial class HtmlArticleExtractor
{
    // Elements that never hold story text.
    private static readonly HashSet<string> DroppedTags = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "iframe", "svg", "canvas", "form", "button", "input",
        "select", "textarea", "nav", "header", "footer", "aside", "figure", "figcaption", "menu", "dialog",
        "object", "embed", "video", "audio", "h1", "link", "meta", "head",
    };

    private static readonly HashSet<string> DroppedRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search", "dialog", "alert",
    };

    // Words in class or id attributes that mark page furniture. Matched as whole words of the attribute
    // ("share-bar" → "share", "bar"), so "head" never matches "ad".
    private static readonly HashSet<string> FurnitureWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "comment", "comments", "share", "sharing", "social", "nav", "navbar", "navigation", "menu", "footer",
        "sidebar", "related", "recommended", "newsletter", "subscribe", "subscription", "promo", "advert",
        "advertisement", "ad", "ads", "sponsor", "sponsored", "cookie", "cookies", "consent", "breadcrumb",
        "breadcrumbs", "banner", "popup", "modal", "byline", "author", "tags", "widget", "toolbar", "masthead",
        "login", "signup", "paywall", "outbrain", "taboola", "disqus", "caption", "credit", "timestamp",
        "skip", "hidden",
    };

    // Reader comments can outweigh the story itself, so these are dropped even when they hold most of the
    // page's paragraphs (the size guard below would otherwise keep them).
    private static readonly HashSet<string> CommentWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "comment", "comments", "disqus", "replies",
    };

    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "main", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dd",
        "dt", "blockquote", "pre", "table", "tr", "td", "th", "tbody", "thead", "center", "address", "hr",
    };

    private static readonly string[] PublishedMeta =
    [
        "meta[property='article:published_time']", "meta[name='article:published_time']",
        "meta[itemprop='datePublished']", "meta[name='pubdate']", "meta[name='publishdate']",
        "meta[name='publish-date']", "meta[name='date']", "meta[name='dc.date.issued']", "meta[name='DC.date.issued']",
        "meta[name='dc.date']", "meta[name='DC.date']", "meta[name='parsely-pub-date']", "meta[property='og:published_time']",
    ];

    private readonly HtmlParser _parser = new();

    /// <summary>Extracts the main text and metadata of <paramref name="html"/>. Never throws on bad markup.</summary>
    public ExtractedArticle Extract(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var document = _parser.ParseDocument(html);
        var title = MetaContent(document, "meta[property='og:title']") ?? MetaContent(document, "meta[name='twitter:title']")
            ?? Clean(document.QuerySelector("article h1, main h1, h1")?.TextContent) ?? Clean(document.Title);
        var byline = MetaContent(document, "meta[name='author']") ?? Clean(document.QuerySelector("[rel='author'], [itemprop='author'], .byline, .author")?.TextContent);
        if (byline is not null)
        {
            byline = LeadingBy().Replace(byline, string.Empty);
        }
        var published = FindPublished(document);
        var url = document.QuerySelector("link[rel='canonical']")?.GetAttribute("href")?.Trim() ?? MetaContent(document, "meta[property='og:url']");
        var siteName = MetaContent(document, "meta[property='og:site_name']");

        Prune(document);
        var container = ChooseContainer(document);
        var blocks = new List<string>();
        if (container is not null)
        {
            var inline = new InlineText();
            Walk(container, inline, blocks, insideLink: false);
            inline.FlushTo(blocks);
        }
        return new ExtractedArticle(string.Join("\n\n", blocks), title, byline, published, string.IsNullOrEmpty(url) ? null : url, siteName);
    }

    private static string? FindPublished(IHtmlDocument document)
    {
        foreach (var selector in PublishedMeta)
        {
            var value = MetaContent(document, selector);
            if (value is not null)
            {
                return value;
            }
        }
        var time = document.QuerySelector("time[itemprop='datePublished'], article time[datetime], time[pubdate], time[datetime]");
        var datetime = time?.GetAttribute("datetime");
        if (!string.IsNullOrWhiteSpace(datetime))
        {
            return datetime.Trim();
        }
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            var match = JsonLdDatePublished().Match(script.TextContent);
            if (match.Success)
            {
                return match.Groups[1].Value;
            }
        }
        return Clean(time?.TextContent);
    }

    private static string? MetaContent(IHtmlDocument document, string selector) =>
        Clean(document.QuerySelector(selector)?.GetAttribute("content"));

    private static void Prune(IHtmlDocument document)
    {
        var body = document.Body;
        if (body is null)
        {
            return;
        }
        var totalParagraphText = ParagraphTextLength(body);
        // Materialised first: removing while iterating a live tree would skip elements.
        var doomed = new List<IElement>();
        foreach (var element in body.QuerySelectorAll("*"))
        {
            if (IsFurniture(element, totalParagraphText))
            {
                doomed.Add(element);
            }
        }
        foreach (var element in doomed)
        {
            element.Remove();
        }
    }

    private static bool IsFurniture(IElement element, int totalParagraphText)
    {
        var tag = element.LocalName;
        if (DroppedTags.Contains(tag))
        {
            return true;
        }
        if (element.HasAttribute("hidden") || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var style = element.GetAttribute("style");
        if (style is not null && DisplayNone().IsMatch(style))
        {
            return true;
        }
        var role = element.GetAttribute("role");
        if (role is not null && DroppedRoles.Contains(role.Trim()))
        {
            return true;
        }
        if (tag is "article" or "main" or "body" || element.GetAttribute("itemprop") == "articleBody")
        {
            return false;
        }
        if (HasWord(element.ClassName, CommentWords) || HasWord(element.Id, CommentWords))
        {
            return true;
        }
        if (!HasWord(element.ClassName, FurnitureWords) && !HasWord(element.Id, FurnitureWords))
        {
            return false;
        }
        // A wrapper whose class merely mentions "ad" or "share" but holds most of the story stays.
        return totalParagraphText == 0 || ParagraphTextLength(element) * 2 < totalParagraphText;
    }

    private static bool HasWord(string? attribute, HashSet<string> words)
    {
        if (string.IsNullOrEmpty(attribute))
        {
            return false;
        }
        foreach (var word in AttributeWords().EnumerateMatches(attribute))
        {
            if (words.Contains(attribute.Substring(word.Index, word.Length)))
            {
                return true;
            }
        }
        return false;
    }

    private static int ParagraphTextLength(IElement element)
    {
        var total = 0;
        foreach (var paragraph in element.QuerySelectorAll("p"))
        {
            total += paragraph.TextContent.Trim().Length;
        }
        return total;
    }

    /// <summary>The element holding the story: an explicit article body, else the element whose direct
    /// paragraphs hold the most text, else the body.</summary>
    private static IElement? ChooseContainer(IHtmlDocument document)
    {
        var explicitBody = document.QuerySelector("[itemprop='articleBody']");
        if (explicitBody is not null && ParagraphTextLength(explicitBody) > 0)
        {
            return explicitBody;
        }
        IElement? best = null;
        var bestScore = 0;
        var scores = new Dictionary<IElement, int>();
        foreach (var paragraph in document.QuerySelectorAll("p"))
        {
            var parent = paragraph.ParentElement;
            if (parent is null)
            {
                continue;
            }
            var length = paragraph.TextContent.Trim().Length;
            scores[parent] = scores.GetValueOrDefault(parent) + length;
        }
        foreach (var (element, score) in scores)
        {
            // Strictly greater: on a tie the earlier element (inserted first) wins, deterministically.
            if (score > bestScore)
            {
                best = element;
                bestScore = score;
            }
        }
        if (best is null)
        {
            return document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.Body;
        }
        // Paragraphs split over sibling wrappers belong to the same story: widen to an enclosing
        // article or main element when there is one.
        var enclosing = best.Closest("article, main, [role='main']");
        if (enclosing is not null)
        {
            return enclosing;
        }
        // Sites without an article element often split the story over sibling wrappers of one kind
        // (<div class="story-part">…</div><div class="story-part">…</div>); take their common parent.
        var wrapper = best.ParentElement;
        if (wrapper is not null && wrapper.LocalName is not ("body" or "html"))
        {
            foreach (var sibling in wrapper.Children)
            {
                if (sibling != best && sibling.LocalName == best.LocalName && sibling.ClassName == best.ClassName && sibling.QuerySelector("p") is not null)
                {
                    return wrapper;
                }
            }
        }
        return best;
    }

    private static void Walk(INode node, InlineText inline, List<string> blocks, bool insideLink)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child.NodeType == NodeType.Text)
            {
                inline.Append(child.TextContent, insideLink);
                continue;
            }
            if (child is not IElement element)
            {
                continue;
            }
            var tag = element.LocalName;
            if (tag == "br")
            {
                inline.Append(" ", insideLink);
                continue;
            }
            if (BlockTags.Contains(tag))
            {
                inline.FlushTo(blocks);
                Walk(element, inline, blocks, insideLink);
                inline.FlushTo(blocks);
                continue;
            }
            Walk(element, inline, blocks, insideLink || tag == "a");
        }
    }

    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        return Whitespace().Replace(value, " ").Trim();
    }

    /// <summary>Collects the text of one block and decides whether it is story text.</summary>
    private sealed class InlineText
    {
        private readonly StringBuilder _text = new();
        private int _linkChars;

        public void Append(string text, bool insideLink)
        {
            _text.Append(text);
            if (insideLink)
            {
                _linkChars += text.Trim().Length;
            }
        }

        public void FlushTo(List<string> blocks)
        {
            var text = Clean(_text.ToString());
            var linkChars = _linkChars;
            _text.Clear();
            _linkChars = 0;
            if (text is null)
            {
                return;
            }
            // Short blocks made mostly of links are menus or "related" lists that escaped pruning.
            if (linkChars * 10 > text.Length * 6 && text.Length < 300)
            {
                return;
            }
            blocks.Add(text);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[A-Za-z]+")]
    private static partial Regex AttributeWords();

    [GeneratedRegex(@"display\s*:\s*none", RegexOptions.IgnoreCase)]
    private static partial Regex DisplayNone();

    [GeneratedRegex(@"^\s*by\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingBy();

    [GeneratedRegex("\"datePublished\"\\s*:\\s*\"([^\"]+)\"")]
    private static partial Regex JsonLdDatePublished();
}
