using Parley.Model;

namespace Parley.Ingest.Tests;

public class RepeatedLineTests
{
    private const string Furniture = "Listen to this story";
    private const string LongQuote = "“We will not accept any agreement that leaves our people under occupation,” the president said in his nightly address.";

    private static string Story(int i, bool furniture, bool quote) =>
        (furniture ? Furniture + "\n" : "") +
        $"Story number {i} reports that the council met on day {i} and voted on a new budget.\n" +
        (quote ? LongQuote + "\n" : "") +
        $"A second line unique to story {i}.";

    [Fact]
    public void Line_in_enough_articles_of_a_source_is_marked_in_all_of_them()
    {
        var detector = new RepeatedLineDetector(minDocuments: 3, minFraction: 0.2);
        var documents = Enumerable.Range(0, 10).Select(i => new Document($"d{i}", Story(i, furniture: i < 4, quote: i < 4)) { Source = "Wire" }).ToList();
        documents.ForEach(detector.Observe);
        documents.ForEach(d => detector.Mark(d));
        for (var i = 0; i < 10; i++)
        {
            var removed = documents[i].Removed;
            if (i < 4)
            {
                var span = Assert.Single(removed);
                Assert.Equal(Furniture, documents[i].Text[span.Start..span.End]);
                Assert.Equal(RepeatedLineDetector.Reason, span.Reason);
            }
            else
            {
                Assert.Empty(removed);
            }
        }
    }

    [Fact]
    public void Rare_lines_and_other_sources_are_not_marked()
    {
        var detector = new RepeatedLineDetector(minDocuments: 3, minFraction: 0.2);
        // Three of twenty articles is 15 %: under the share needed.
        var documents = Enumerable.Range(0, 20).Select(i => new Document($"d{i}", Story(i, furniture: i < 3, quote: false)) { Source = "Wire" }).ToList();
        // The same line in another outlet counts for that outlet only.
        documents.Add(new Document("other", Story(99, furniture: true, quote: false)) { Url = "https://other.example.com/x" });
        documents.ForEach(detector.Observe);
        Assert.All(documents, d => Assert.Equal(0, detector.Mark(d)));
    }

    [Fact]
    public async Task Reader_marks_repeated_lines_in_files_including_the_first_ones()
    {
        using var directory = new TempDirectory();
        for (var i = 0; i < 5; i++)
        {
            directory.Write($"s{i}.txt", Story(i, furniture: true, quote: true));
        }
        var documents = await Read.AllAsync(null, directory.Path);
        Assert.Equal(5, documents.Count);
        foreach (var document in documents)
        {
            // The long quotation is in every article too, but it is story text.
            var span = Assert.Single(document.Removed);
            Assert.Equal(Furniture, document.Text[span.Start..span.End]);
        }
    }

    [Fact]
    public async Task On_stdin_repetition_is_recognised_once_seen_often_enough()
    {
        var lines = string.Join("\n", Enumerable.Range(0, 5).Select(i =>
            $"{{\"source\": \"Wire\", \"text\": \"{Furniture}\\nStory {i}: the council met and voted on the budget.\"}}"));
        var documents = await Read.StdinAsync(lines + "\n");
        Assert.Equal([0, 0, 1, 1, 1], documents.Select(d => d.Removed.Count));
    }

    [Fact]
    public async Task Detection_can_be_switched_off()
    {
        using var directory = new TempDirectory();
        for (var i = 0; i < 5; i++)
        {
            directory.Write($"s{i}.txt", Story(i, furniture: true, quote: false));
        }
        var documents = await Read.AllAsync(new IngestOptions { DetectRepeatedLines = false }, directory.Path);
        Assert.All(documents, d => Assert.Empty(d.Removed));
    }
}
