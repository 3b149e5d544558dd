using Parley.Diagnostics;

namespace Parley.Ingest.Tests;

public class HtmlExtractionTests
{
    private static readonly string[] StoryParagraphs =
    [
        "SANTIAGO (Wire) — Chilean Foreign Minister Rosa Valdivia has asked to meet Argentine President Tomás Ibarra in Buenos Aires, her office said on Tuesday.",
        "The invitation was sent as a diplomatic note to Argentina's embassy, with a copy to the joint border commission.",
        "“The minister wants to settle the water dispute before the dry season,” her spokeswoman told reporters, adding that no reply had yet arrived.",
        "Farmers said the move followed months of falling river levels, a worry they share with towns downstream.",
        "Next steps",
        "Officials said they would follow the talks closely and share any news with the regional governors.",
    ];

    private static string Page() => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Chile seeks water talks with Argentina | The Daily Wire Service</title>
          <meta property="og:title" content="Chile seeks water talks with Argentina">
          <meta property="og:site_name" content="The Daily Wire Service">
          <meta name="author" content="Jane Doe">
          <meta property="article:published_time" content="2023-02-14T09:15:00-03:00">
          <link rel="canonical" href="https://news.example.com/world/chile-water-talks">
          <script>window.dataLayer = [{"page": "article"}]; console.log("Advertisement loaded");</script>
          <style>.share-bar { display: flex; }</style>
        </head>
        <body>
          <header class="site-header">
            <a class="logo" href="/">The Daily Wire Service</a>
            <nav class="main-nav"><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li><li><a href="/sports">Sports</a></li></ul></nav>
            <form class="search"><input type="text" placeholder="Search"><button>Go</button></form>
          </header>
          <div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
          <main>
            <article class="story">
              <header>
                <h1>Chile seeks water talks with Argentina</h1>
                <p class="byline">By <a rel="author" href="/staff/jane-doe">Jane Doe</a></p>
                <time datetime="2023-02-14T09:15:00-03:00">February 14, 2023</time>
              </header>
              <div class="share-bar">
                <a href="https://twitter.com/share">Share on Twitter</a>
                <a href="https://facebook.com/share">Share on Facebook</a>
                <span>Share this article</span>
              </div>
              <figure><img src="valdivia.jpg" alt="Valdivia"><figcaption>Rosa Valdivia in Santiago. (AP Photo/John Smith)</figcaption></figure>
              <div class="article-body">
                <p>{{StoryParagraphs[0]}}</p>
                <p>The invitation was sent as a diplomatic note to Argentina's embassy, with a copy to the joint <a href="/topics/border">border commission</a>.</p>
                <div class="ad-slot"><p>Advertisement</p><script>loadAd("mid");</script></div>
                <p>{{StoryParagraphs[2]}}</p>
                <aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Drought: latest</a></li><li><a href="/b">Ibarra's speech</a></li></ul></aside>
                <p>Farmers said the move followed months of falling river levels, a worry they <em>share</em> with towns downstream.</p>
                <h2>Next steps</h2>
                <p>{{StoryParagraphs[5]}}</p>
              </div>
              <div class="newsletter-signup"><p>Sign up for our newsletter to get the top stories every morning.</p><button>Subscribe</button></div>
            </article>
            <section id="comments" class="comments">
              <h2>Comments (12)</h2>
              <div class="comment"><p>Great article, thanks for sharing this important story with us all!</p></div>
              <div class="comment"><p>I disagree entirely with the premise of the talks and think they will fail.</p></div>
            </section>
          </main>
          <aside class="sidebar"><h3>Most read</h3><ol><li><a href="/x">Storm hits coast</a></li></ol></aside>
          <footer class="site-footer"><p>© 2022 The Daily Wire Service. All rights reserved.</p><p><a href="/privacy">Privacy</a> | <a href="/terms">Terms</a></p></footer>
          <script src="/analytics.js"></script>
        </body>
        </html>
        """;

    [Fact]
    public void Realistic_news_page_keeps_every_story_paragraph_and_drops_the_rest()
    {
        var article = new HtmlArticleExtractor().Extract(Page());
        Assert.Equal(string.Join("\n\n", StoryParagraphs), article.Text);
        Assert.Equal("Chile seeks water talks with Argentina", article.Title);
        Assert.Equal("Jane Doe", article.Byline);
        Assert.Equal("2023-02-14T09:15:00-03:00", article.Published);
        Assert.Equal("https://news.example.com/world/chile-water-talks", article.Url);
        Assert.Equal("The Daily Wire Service", article.SiteName);
    }

    [Theory]
    [InlineData("Politics")]
    [InlineData("cookies")]
    [InlineData("Share on Twitter")]
    [InlineData("Advertisement")]
    [InlineData("Related stories")]
    [InlineData("newsletter")]
    [InlineData("Great article")]
    [InlineData("Most read")]
    [InlineData("All rights reserved")]
    [InlineData("loadAd")]
    [InlineData("AP Photo")]
    [InlineData("By Jane Doe")]
    public void Page_furniture_is_not_in_the_text(string furniture)
    {
        var article = new HtmlArticleExtractor().Extract(Page());
        Assert.DoesNotContain(furniture, article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_file_becomes_a_document_with_metadata()
    {
        var document = await Read.OneFileAsync("world/water-talks.html", Page());
        Assert.False(document.IsFailed);
        Assert.Equal("water-talks", document.Id);
        Assert.Equal("Chile seeks water talks with Argentina", document.Title);
        Assert.Equal(new DateOnly(2023, 2, 14), document.Published);
        Assert.Equal("https://news.example.com/world/chile-water-talks", document.Url);
        Assert.Equal("The Daily Wire Service", document.Source);
        Assert.Equal("en", document.Language);
    }

    [Fact]
    public void Page_without_article_element_uses_the_densest_block()
    {
        const string html = """
            <html><body>
            <div id="menu"><p><a href="/">Home</a></p></div>
            <div class="content"><div class="text">
              <p>The port reopened on Sunday after a week of strikes by dock workers.</p>
              <p>Union leaders said the deal raised wages by five percent.</p>
            </div></div>
            <div class="footer"><p>Contact us</p></div>
            </body></html>
            """;
        var article = new HtmlArticleExtractor().Extract(html);
        Assert.Equal("The port reopened on Sunday after a week of strikes by dock workers.\n\nUnion leaders said the deal raised wages by five percent.", article.Text);
    }

    [Fact]
    public void Published_date_falls_back_to_time_element_and_json_ld()
    {
        var extractor = new HtmlArticleExtractor();
        Assert.Equal("2021-05-06", extractor.Extract("<html><body><article><time datetime=\"2021-05-06\">May 6</time><p>Text of the story here.</p></article></body></html>").Published);
        Assert.Equal("2020-01-02T10:00:00Z", extractor.Extract("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2020-01-02T10:00:00Z\"}</script></head><body><p>Text of the story here.</p></body></html>").Published);
    }

    [Fact]
    public async Task Page_without_text_fails_with_E210()
    {
        var document = await Read.OneFileAsync("empty.html", "<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>");
        PlainTextTests.AssertFailed(document, DiagnosticCodes.NoMainText, "empty.html");
    }

    [Fact]
    public void Long_comment_thread_does_not_win_over_a_short_story()
    {
        var comments = string.Concat(Enumerable.Range(0, 30).Select(i => $"<div class=\"comment-body\"><p>Reader comment number {i} goes on at some length about the talks and what they mean for everyone.</p></div>"));
        var html = $"<html><body><div class=\"story\"><p>The talks resumed in Geneva on Tuesday.</p><p>Both sides called them constructive.</p></div><div id=\"comments\">{comments}</div></body></html>";
        var article = new HtmlArticleExtractor().Extract(html);
        Assert.Equal("The talks resumed in Geneva on Tuesday.\n\nBoth sides called them constructive.", article.Text);
    }

    [Fact]
    public void Wrapper_whose_class_mentions_furniture_but_holds_the_story_is_kept()
    {
        const string html = "<html><body><div class=\"layout-with-sidebar\"><div class=\"text\"><p>The talks resumed in Geneva on Tuesday after a pause of three weeks.</p><p>Both sides called them constructive.</p></div></div></body></html>";
        var article = new HtmlArticleExtractor().Extract(html);
        Assert.Equal("The talks resumed in Geneva on Tuesday after a pause of three weeks.\n\nBoth sides called them constructive.", article.Text);
    }

    [Fact]
    public void Story_split_over_sibling_wrappers_is_read_whole()
    {
        const string html = """
            <html><body>
            <div class="top"><p><a href="/">Home</a> <a href="/world">World</a></p></div>
            <div class="page"><div class="story-body">
              <div class="story-part"><p>The port reopened on Sunday after a week of strikes by dock workers.</p><p>Ships queued outside the harbour overnight.</p></div>
              <div class="inline-ad"><p>Advertisement</p></div>
              <div class="story-part"><p>Union leaders said the deal raised wages by five percent.</p></div>
            </div></div>
            </body></html>
            """;
        var article = new HtmlArticleExtractor().Extract(html);
        Assert.Equal("The port reopened on Sunday after a week of strikes by dock workers.\n\nShips queued outside the harbour overnight.\n\nUnion leaders said the deal raised wages by five percent.", article.Text);
    }
}
