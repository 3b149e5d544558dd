using System.Diagnostics;
using Parley.Diagnostics;

namespace Parley.Ingest.Tests;

public class CsvTests
{
    // The shared data lives beside the repository (../shared), or where PARLEY_SHARED points.
    private static string? WikinewsSample() => SharedData.Find("news/wikinews-2019-2020/wikinews_2019.csv");

    [Fact]
    public async Task Reads_quoted_multi_line_fields_with_doubled_quotes()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("news.csv",
            "url,date,title,text\r\n" +
            "https://example.com/1,2019-01-04,\"Talks, again\",\"First paragraph, with a comma.\r\n\r\nSecond paragraph said \"\"hello\"\".\"\r\n" +
            "https://example.com/2,not a date,Plain,The ministers met in Rome on Friday to discuss trade.\r\n");
        var documents = await Read.AllAsync(null, path);
        Assert.Equal(2, documents.Count);
        Assert.Equal("https://example.com/1", documents[0].Id);
        Assert.Equal("Talks, again", documents[0].Title);
        Assert.Equal(new DateOnly(2019, 1, 4), documents[0].Published);
        Assert.Equal("First paragraph, with a comma.\n\nSecond paragraph said \"hello\".", documents[0].Text);
        Assert.Equal(path + ":2", documents[0].Origin);
        // The first record spans lines 2–4, so the second starts on line 5.
        Assert.Equal(path + ":5", documents[1].Origin);
        Assert.Null(documents[1].Published);
        Assert.Contains(documents[1].Diagnostics, d => d.Code == DiagnosticCodes.InvalidPublishedDate);
    }

    [Fact]
    public async Task Id_column_wins_and_records_without_url_get_file_and_record_number()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("in.csv", "ID,Text,Source\nk1,The talks resumed in Geneva.,Wire\n,The ministers met in Rome.,Wire\n");
        var documents = await Read.AllAsync(null, path);
        Assert.Equal(["k1", "in.csv:2"], documents.Select(d => d.Id));
        Assert.Equal("Wire", documents[0].Source);
    }

    [Fact]
    public async Task Header_without_text_column_fails_with_E209()
    {
        var document = await Read.OneFileAsync("notext.csv", "url,title\nhttps://example.com,Hello\n");
        PlainTextTests.AssertFailed(document, DiagnosticCodes.MalformedCsv, "notext.csv:1");
    }

    [Fact]
    public async Task Malformed_records_fail_with_E209_and_their_line_and_the_rest_is_read()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("bad.csv",
            "title,text\n" +
            "One,The talks resumed in Geneva.\n" +
            "Two,too,many,fields\n" +
            "Three,\n" +
            "Four,The ministers met in Rome.\n" +
            "Five,\"never closed\n");
        var documents = await Read.AllAsync(null, path);
        Assert.Equal(5, documents.Count);
        Assert.False(documents[0].IsFailed);
        PlainTextTests.AssertFailed(documents[1], DiagnosticCodes.MalformedCsv, "bad.csv:3");
        PlainTextTests.AssertFailed(documents[2], DiagnosticCodes.MissingText, "bad.csv:4");
        Assert.False(documents[3].IsFailed);
        PlainTextTests.AssertFailed(documents[4], DiagnosticCodes.MalformedCsv, "bad.csv:6");
    }

    [Fact]
    public async Task Record_over_the_limit_fails_with_E205()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("big.csv", "text\n\"" + new string('a', 3000) + "\"\nThe talks resumed in Geneva.\n");
        var documents = await Read.AllAsync(new IngestOptions { MaxArticleBytes = 1000 }, path);
        Assert.Equal(2, documents.Count);
        PlainTextTests.AssertFailed(documents[0], DiagnosticCodes.InputTooLarge, "big.csv:2");
        Assert.Equal("The talks resumed in Geneva.", documents[1].Text);
    }

    [Fact]
    public async Task Csv_from_stdin_needs_the_format_option()
    {
        using var stdin = new MemoryStream("text\nThe talks resumed in Geneva.\n"u8.ToArray());
        var documents = await Read.AllAsync(new IngestOptions { Format = InputFormat.Csv }, stdin, "-");
        Assert.Equal("stdin:1", Assert.Single(documents).Id);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Wikinews_2019_sample_reads_as_171_articles()
    {
        var sample = WikinewsSample();
        if (sample is null)
        {
            // The shared corpus is not part of the repository; without it there is nothing to check.
            return;
        }
        var watch = Stopwatch.StartNew();
        var documents = await Read.AllAsync(null, sample);
        watch.Stop();
        Assert.Equal(171, documents.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"reading took {watch.Elapsed}");
        Assert.All(documents, d => Assert.False(d.IsFailed));
        Assert.All(documents, d => Assert.NotNull(d.Published));
        Assert.All(documents, d => Assert.Equal("en", d.Language));
        Assert.Equal(171, documents.Select(d => d.Id).Distinct().Count());
    }
}
