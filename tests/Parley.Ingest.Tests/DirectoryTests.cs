using Parley.Diagnostics;

namespace Parley.Ingest.Tests;

public class DirectoryTests
{
    private const string Story = "The delegates met in Vienna on Thursday and agreed to continue the talks.";

    [Fact]
    public async Task Directory_is_read_recursively_in_ordinal_name_order()
    {
        using var directory = new TempDirectory();
        directory.Write("b.txt", Story);
        directory.Write("A.txt", Story);
        directory.Write("a/z.txt", Story);
        directory.Write("a/b/c.txt", Story);
        directory.Write("c.html", "<html><body><article><p>" + Story + "</p></article></body></html>");
        directory.Write(".hidden/x.txt", Story);
        directory.Write(".DS_Store", "junk");
        var documents = await Read.AllAsync(null, directory.Path);
        Assert.Equal(["A", "a/b/c", "a/z", "b", "c"], documents.Select(d => d.Id));
        Assert.All(documents, d => Assert.False(d.IsFailed));
    }

    [Fact]
    public async Task Same_name_with_two_extensions_gets_a_unique_id()
    {
        using var directory = new TempDirectory();
        directory.Write("story.html", "<html><body><p>" + Story + "</p></body></html>");
        directory.Write("story.txt", Story);
        var documents = await Read.AllAsync(null, directory.Path);
        Assert.Equal(["story", "story#2"], documents.Select(d => d.Id));
        Assert.Contains(documents[1].Diagnostics, d => d.Code == DiagnosticCodes.DuplicateId);
    }

    [Fact]
    public async Task Inputs_are_read_in_the_order_given()
    {
        using var directory = new TempDirectory();
        var b = directory.Write("b.txt", Story);
        var a = directory.Write("a.txt", Story);
        var documents = await Read.AllAsync(null, b, a);
        Assert.Equal(["b", "a"], documents.Select(d => d.Id));
    }

    [Fact]
    public async Task Unknown_extension_is_sniffed()
    {
        using var directory = new TempDirectory();
        directory.Write("1.dat", "{\"id\": \"j\", \"text\": \"" + Story + "\"}\n");
        directory.Write("2.page", "<!DOCTYPE html><html><body><p>" + Story + "</p></body></html>");
        directory.Write("3", Story);
        var documents = await Read.AllAsync(null, directory.Path);
        Assert.Equal(["j", "2", "3"], documents.Select(d => d.Id));
        Assert.All(documents, d => Assert.Equal(Story, d.Text));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Ten_thousand_small_files_stream_with_flat_memory()
    {
        using var directory = new TempDirectory();
        for (var i = 0; i < 10_000; i++)
        {
            directory.Write($"d{i % 10}/f{i:D5}.txt", Story + " Number " + i + ".");
        }
        var reader = new ArticleReader(new IngestOptions { DetectRepeatedLines = false });
        var count = 0;
        long peak = 0;
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        string? previous = null;
        await foreach (var document in reader.ReadAsync([directory.Path], Stream.Null, CancellationToken.None))
        {
            Assert.False(document.IsFailed);
            Assert.True(previous is null || string.CompareOrdinal(previous, document.Id) < 0);
            previous = document.Id;
            if (++count % 1000 == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - before);
            }
        }
        Assert.Equal(10_000, count);
        // Ids are remembered to keep them unique (about 100 bytes each); documents themselves are not.
        Assert.True(peak < 16 * 1024 * 1024, $"memory grew by {peak:N0} bytes");
    }
}
