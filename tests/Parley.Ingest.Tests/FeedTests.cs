using Parley.Diagnostics;

namespace Parley.Ingest.Tests;

public class FeedTests
{
    private const string Rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel>
            <title>Example Wire</title>
            <link>https://wire.example.com/</link>
            <description>World news</description>
            <item>
              <title>Talks resume in Geneva</title>
              <link>https://wire.example.com/talks</link>
              <guid>wire-1</guid>
              <pubDate>Tue, 19 Apr 2022 14:00:00 GMT</pubDate>
              <description>Short teaser.</description>
              <content:encoded><![CDATA[<p>Delegations from both countries returned to Geneva on Tuesday.</p><p>The talks are expected to last a week.</p>]]></content:encoded>
            </item>
            <item>
              <title>Port reopens</title>
              <link>https://wire.example.com/port</link>
              <description>&lt;p&gt;The port reopened on Sunday after a week of strikes.&lt;/p&gt;</description>
            </item>
            <item>
              <title>Empty item</title>
              <link>https://wire.example.com/empty</link>
            </item>
          </channel>
        </rss>
        """;

    private const string Atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Atom Wire</title>
          <id>urn:feed</id>
          <updated>2022-04-20T10:00:00Z</updated>
          <entry>
            <title>Ministers meet</title>
            <id>urn:entry:1</id>
            <link href="https://atom.example.com/ministers"/>
            <updated>2022-04-20T10:00:00Z</updated>
            <published>2022-04-20T08:00:00Z</published>
            <content type="text">The ministers met in Rome on Wednesday to discuss trade.</content>
          </entry>
        </feed>
        """;

    [Fact]
    public async Task Rss_items_become_documents_with_full_content_preferred()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("wire.rss", Rss);
        var documents = await Read.AllAsync(null, path);
        Assert.Equal(3, documents.Count);
        Assert.Equal("wire-1", documents[0].Id);
        Assert.Equal("Delegations from both countries returned to Geneva on Tuesday.\n\nThe talks are expected to last a week.", documents[0].Text);
        Assert.Equal("Talks resume in Geneva", documents[0].Title);
        Assert.Equal(new DateOnly(2022, 4, 19), documents[0].Published);
        Assert.Equal("Example Wire", documents[0].Source);
        Assert.Equal("https://wire.example.com/talks", documents[0].Url);
        Assert.Equal("The port reopened on Sunday after a week of strikes.", documents[1].Text);
        PlainTextTests.AssertFailed(documents[2], DiagnosticCodes.MissingText, "wire.rss#3");
    }

    [Fact]
    public async Task Atom_entries_become_documents()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("feed.xml", Atom);
        var document = Assert.Single(await Read.AllAsync(null, path));
        Assert.Equal("urn:entry:1", document.Id);
        Assert.Equal("The ministers met in Rome on Wednesday to discuss trade.", document.Text);
        Assert.Equal(new DateOnly(2022, 4, 20), document.Published);
    }

    [Fact]
    public async Task Broken_feed_fails_with_E212()
    {
        var document = await Read.OneFileAsync("broken.rss", "<rss><channel><title>x</title><item>");
        PlainTextTests.AssertFailed(document, DiagnosticCodes.MalformedFeed, "broken.rss");
    }
}
