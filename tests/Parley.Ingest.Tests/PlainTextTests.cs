using System.Text;
using Parley.Diagnostics;

namespace Parley.Ingest.Tests;

public class PlainTextTests
{
    private const string Story = "The minister said on Tuesday that the talks would resume in Geneva after the holiday.";

    [Fact]
    public async Task Reads_a_utf8_text_file_with_its_id_origin_and_language()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("story.txt", Story + "\n");
        var document = Assert.Single(await Read.AllAsync(null, path));
        Assert.False(document.IsFailed);
        Assert.Equal("story", document.Id);
        Assert.Equal(path, document.Origin);
        Assert.Equal(Story + "\n", document.Text);
        Assert.Equal("en", document.Language);
        Assert.Empty(document.Diagnostics);
    }

    [Fact]
    public async Task Published_option_applies_to_documents_without_a_date()
    {
        var document = await Read.OneFileAsync("a.txt", Story, new IngestOptions { Published = new DateOnly(2022, 4, 20) });
        Assert.Equal(new DateOnly(2022, 4, 20), document.Published);
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF }, "utf-8 bom")]
    [InlineData(new byte[0], "utf-8")]
    public async Task Utf8_with_and_without_bom_decodes_the_same(byte[] preamble, string label)
    {
        var bytes = preamble.Concat(Encoding.UTF8.GetBytes("Caf\u00e9 talks \u201cresumed\u201d in S\u00e3o Paulo, the officials said.")).ToArray();
        var document = await Read.OneFileAsync("a.txt", bytes);
        Assert.True(document.Text.StartsWith("Caf\u00e9 talks \u201cresumed\u201d", StringComparison.Ordinal), label);
        Assert.DoesNotContain(document.Diagnostics, d => d.Code == DiagnosticCodes.DecodedAsWindows1252);
    }

    [Fact]
    public async Task Utf16_little_endian_with_bom_decodes()
    {
        var bytes = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes(Story)).ToArray();
        var document = await Read.OneFileAsync("a.txt", bytes);
        Assert.Equal(Story, document.Text);
    }

    [Fact]
    public async Task Utf16_big_endian_with_bom_decodes()
    {
        var bytes = new byte[] { 0xFE, 0xFF }.Concat(Encoding.BigEndianUnicode.GetBytes(Story)).ToArray();
        var document = await Read.OneFileAsync("a.txt", bytes);
        Assert.Equal(Story, document.Text);
    }

    [Fact]
    public async Task Windows1252_is_decoded_with_a_warning()
    {
        // "Café talks “resumed” – officials" in Windows-1252: é = E9, “ = 93, ” = 94, – = 96.
        var bytes = Encoding.ASCII.GetBytes("Caf_ talks _resumed_ _ the officials said it was over.").ToArray();
        bytes[3] = 0xE9;
        bytes[11] = 0x93;
        bytes[19] = 0x94;
        bytes[21] = 0x96;
        var document = await Read.OneFileAsync("a.txt", bytes);
        Assert.False(document.IsFailed);
        Assert.Equal("Caf\u00e9 talks \u201cresumed\u201d \u2013 the officials said it was over.", document.Text);
        Assert.Contains(document.Diagnostics, d => d.Code == DiagnosticCodes.DecodedAsWindows1252 && d.Message.Contains("a.txt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Crlf_line_ends_become_lf()
    {
        var document = await Read.OneFileAsync("a.txt", "First line of the story.\r\nSecond line of the story.\r\n");
        Assert.Equal("First line of the story.\nSecond line of the story.\n", document.Text);
    }

    [Fact]
    public async Task Empty_file_fails_with_E202()
    {
        var document = await Read.OneFileAsync("empty.txt", []);
        AssertFailed(document, DiagnosticCodes.EmptyInput, "empty.txt");
    }

    [Fact]
    public async Task White_space_only_file_fails_with_E202()
    {
        var document = await Read.OneFileAsync("blank.txt", "  \n\n\t \n");
        AssertFailed(document, DiagnosticCodes.EmptyInput, "blank.txt");
    }

    [Fact]
    public async Task Nul_bytes_fail_with_E203()
    {
        var document = await Read.OneFileAsync("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]);
        AssertFailed(document, DiagnosticCodes.BinaryInput, "image.txt");
    }

    [Fact]
    public async Task Many_control_characters_fail_with_E203()
    {
        var bytes = Enumerable.Range(0, 400).Select(i => (byte)(i % 3 == 0 ? 0x01 + (i % 7) : 'a')).ToArray();
        var document = await Read.OneFileAsync("noise.dat", bytes);
        AssertFailed(document, DiagnosticCodes.BinaryInput, "noise.dat");
    }

    [Fact]
    public async Task Bytes_that_are_neither_utf8_nor_1252_fail_with_E204()
    {
        // 0x81 and 0x8D are undefined in Windows-1252, and the sequence is not UTF-8.
        var bytes = Encoding.ASCII.GetBytes("The talks were held in ").Concat(new byte[] { 0x81, 0x8D, 0x20 }).Concat(Encoding.ASCII.GetBytes("Geneva.")).ToArray();
        var document = await Read.OneFileAsync("odd.txt", bytes);
        AssertFailed(document, DiagnosticCodes.InvalidEncoding, "odd.txt");
    }

    [Fact]
    public async Task Utf16_with_an_unpaired_surrogate_fails_with_E204()
    {
        var bytes = new byte[] { 0xFF, 0xFE, (byte)'a', 0, 0x00, 0xD8, (byte)'b', 0 };
        var document = await Read.OneFileAsync("broken16.txt", bytes);
        AssertFailed(document, DiagnosticCodes.InvalidEncoding, "broken16.txt");
    }

    [Fact]
    public async Task Article_over_the_limit_fails_with_E205_without_being_read()
    {
        var document = await Read.OneFileAsync("big.txt", new string('a', 2000) + " the end.", new IngestOptions { MaxArticleBytes = 1000 });
        AssertFailed(document, DiagnosticCodes.InputTooLarge, "big.txt");
    }

    [Fact]
    public async Task Missing_input_is_reported_and_the_next_input_is_read()
    {
        using var directory = new TempDirectory();
        var good = directory.Write("good.txt", Story);
        var missing = Path.Combine(directory.Path, "missing.txt");
        var documents = await Read.AllAsync(null, missing, good);
        Assert.Equal(2, documents.Count);
        AssertFailed(documents[0], DiagnosticCodes.InputNotFound, "missing.txt");
        Assert.False(documents[1].IsFailed);
    }

    [Fact]
    public async Task Unreadable_file_fails_with_E208_and_the_batch_goes_on()
    {
        using var directory = new TempDirectory();
        directory.Write("a.txt", Story);
        // A link to nothing is listed in the directory but cannot be opened, whoever runs the test.
        File.CreateSymbolicLink(Path.Combine(directory.Path, "b.txt"), Path.Combine(directory.Path, "nowhere.txt"));
        directory.Write("c.txt", Story);
        var documents = await Read.AllAsync(null, directory.Path);
        Assert.Equal(["a", "b", "c"], documents.Select(d => d.Id));
        AssertFailed(documents[1], DiagnosticCodes.UnreadableInput, "b.txt");
        Assert.False(documents[2].IsFailed);
    }

    [Fact]
    public async Task Warc_is_reported_as_not_supported_yet()
    {
        var document = await Read.OneFileAsync("crawl.warc", "WARC/1.0\r\nWARC-Type: warcinfo\r\n\r\n");
        AssertFailed(document, DiagnosticCodes.UnsupportedFormat, "crawl.warc");
        Assert.Contains("not supported yet", document.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stdin_text_is_read_as_one_article()
    {
        var document = Assert.Single(await Read.StdinAsync(Story));
        Assert.Equal("stdin", document.Id);
        Assert.Equal("-", document.Origin);
        Assert.Equal(Story, document.Text);
    }

    internal static void AssertFailed(Parley.Model.Document document, string code, string where)
    {
        Assert.True(document.IsFailed);
        Assert.Equal(string.Empty, document.Text);
        var diagnostic = Assert.Single(document.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(code, diagnostic.Code);
        Assert.Contains(where, diagnostic.Message, StringComparison.Ordinal);
    }
}
