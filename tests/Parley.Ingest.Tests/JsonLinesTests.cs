using System.Text;
using Parley.Diagnostics;

namespace Parley.Ingest.Tests;

public class JsonLinesTests
{
    [Fact]
    public async Task Reads_one_document_per_line_with_its_fields()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("news.jsonl",
            """
            {"id": "a1", "text": "Russia and Ukraine held talks in Istanbul on Tuesday.", "published": "2022-03-29", "title": "Talks", "url": "https://example.com/a1", "source": "Example"}

            {"text": "The United Nations called for a ceasefire in the region."}
            """);
        var documents = await Read.AllAsync(null, path);
        Assert.Equal(2, documents.Count);
        var first = documents[0];
        Assert.Equal("a1", first.Id);
        Assert.Equal("Russia and Ukraine held talks in Istanbul on Tuesday.", first.Text);
        Assert.Equal(new DateOnly(2022, 3, 29), first.Published);
        Assert.Equal("Talks", first.Title);
        Assert.Equal("https://example.com/a1", first.Url);
        Assert.Equal("Example", first.Source);
        Assert.Equal(path + ":1", first.Origin);
        // The blank line is skipped but still counted, so the id names the real line.
        Assert.Equal("news.jsonl:3", documents[1].Id);
        Assert.Equal(path + ":3", documents[1].Origin);
    }

    [Fact]
    public async Task Bad_lines_fail_with_their_code_and_line_and_the_rest_is_read()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("mixed.jsonl",
            "{\"id\": \"ok1\", \"text\": \"The president met the prime minister in Paris on Monday.\"}\n" +
            "{\"id\": \"bad\", \"text\": \"unterminated\n" +
            "{\"id\": \"notext\", \"title\": \"Only a title\"}\n" +
            "[1, 2, 3]\n" +
            "{\"id\": \"ok2\", \"text\": \"The ministers agreed to meet again next week in Rome.\"}\n");
        var documents = await Read.AllAsync(null, path);
        Assert.Equal(["ok1", "mixed.jsonl:2", "notext", "mixed.jsonl:4", "ok2"], documents.Select(d => d.Id));
        PlainTextTests.AssertFailed(documents[1], DiagnosticCodes.MalformedJson, "mixed.jsonl:2");
        PlainTextTests.AssertFailed(documents[2], DiagnosticCodes.MissingText, "mixed.jsonl:3");
        PlainTextTests.AssertFailed(documents[3], DiagnosticCodes.MalformedJson, "mixed.jsonl:4");
        Assert.False(documents[4].IsFailed);
    }

    [Fact]
    public async Task Invalid_published_date_is_left_empty_with_W303_and_the_option_fills_it()
    {
        var documents = await Read.StdinAsync("{\"text\": \"The talks resumed in Geneva after a long pause.\", \"published\": \"next Tuesday\"}\n",
            new IngestOptions { Published = new DateOnly(2020, 1, 2) });
        var document = Assert.Single(documents);
        Assert.Contains(document.Diagnostics, d => d.Code == DiagnosticCodes.InvalidPublishedDate && d.Message.Contains("-:1", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2020, 1, 2), document.Published);
    }

    [Theory]
    [InlineData("2022-04-20", 2022, 4, 20)]
    [InlineData("2022-04-20T23:30:00-05:00", 2022, 4, 20)]
    [InlineData("Wed, 20 Apr 2022 08:00:00 GMT", 2022, 4, 20)]
    public async Task Published_dates_in_common_forms_are_read(string value, int year, int month, int day)
    {
        var documents = await Read.StdinAsync($"{{\"text\": \"The talks resumed in Geneva after a long pause.\", \"published\": \"{value}\"}}\n");
        Assert.Equal(new DateOnly(year, month, day), Assert.Single(documents).Published);
    }

    [Fact]
    public async Task Field_of_the_wrong_type_is_ignored_with_W305()
    {
        var document = Assert.Single(await Read.StdinAsync("{\"id\": 7, \"text\": \"The talks resumed in Geneva after a long pause.\", \"title\": [\"x\"]}\n"));
        Assert.Equal("7", document.Id);
        Assert.Null(document.Title);
        Assert.Contains(document.Diagnostics, d => d.Code == DiagnosticCodes.IgnoredField);
    }

    [Fact]
    public async Task Duplicate_ids_get_a_suffix_and_W306()
    {
        var documents = await Read.StdinAsync(
            "{\"id\": \"x\", \"text\": \"The first story about the talks in Geneva.\"}\n" +
            "{\"id\": \"x\", \"text\": \"The second story about the talks in Geneva.\"}\n" +
            "{\"id\": \"x\", \"text\": \"The third story about the talks in Geneva.\"}\n");
        Assert.Equal(["x", "x#2", "x#3"], documents.Select(d => d.Id));
        Assert.Contains(documents[1].Diagnostics, d => d.Code == DiagnosticCodes.DuplicateId);
        Assert.DoesNotContain(documents[0].Diagnostics, d => d.Code == DiagnosticCodes.DuplicateId);
    }

    [Fact]
    public async Task Html_field_is_extracted()
    {
        var documents = await Read.StdinAsync(
            "{\"id\": \"h\", \"html\": \"<html><head><title>T</title></head><body><nav><a href='/'>Home</a></nav><article><p>The council voted on Friday to approve the budget for next year.</p><p>The mayor welcomed the decision.</p></article></body></html>\"}\n");
        var document = Assert.Single(documents);
        Assert.Equal("The council voted on Friday to approve the budget for next year.\n\nThe mayor welcomed the decision.", document.Text);
        Assert.Equal("T", document.Title);
    }

    [Fact]
    public async Task Line_over_the_limit_fails_with_E205_and_the_next_line_is_read()
    {
        var longLine = "{\"text\": \"" + new string('a', 5000) + "\"}";
        var documents = await Read.StdinAsync(longLine + "\n{\"text\": \"The talks resumed in Geneva after a long pause.\"}\n",
            new IngestOptions { MaxArticleBytes = 1000 });
        Assert.Equal(2, documents.Count);
        PlainTextTests.AssertFailed(documents[0], DiagnosticCodes.InputTooLarge, "-:1");
        Assert.False(documents[1].IsFailed);
    }

    [Fact]
    public async Task Line_that_is_not_utf8_fails_with_E204()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"text\": \"Caf").Concat(new byte[] { 0xE9 }).Concat(Encoding.UTF8.GetBytes(" talks resumed.\"}\n{\"text\": \"The talks resumed in Geneva after a long pause.\"}\n")).ToArray();
        using var stdin = new MemoryStream(bytes);
        var documents = await Read.AllAsync(null, stdin, "-");
        PlainTextTests.AssertFailed(documents[0], DiagnosticCodes.InvalidEncoding, "-:1");
        Assert.False(documents[1].IsFailed);
    }
}
