using Parley.Syntax;

namespace Parley.Tests.Syntax;

public sealed class WordClustersTests
{
    // Days and cities each keep their own company, so k-means should put them apart.
    private static List<string[]> Text()
    {
        var sentences = new List<string[]>();
        string[] days = ["Monday", "Tuesday", "Friday", "Sunday"];
        string[] cities = ["Moscow", "Paris", "Kyiv", "Berlin"];
        for (var r = 0; r < 6; r++)
        {
            foreach (var day in days)
            {
                sentences.Add(["They", "met", "on", day, "morning", "."]);
                sentences.Add(["The", "vote", "is", "on", day, "."]);
            }
            foreach (var city in cities)
            {
                sentences.Add(["She", "flew", "to", city, "yesterday", "."]);
                sentences.Add(["The", "talks", "in", city, "ended", "."]);
            }
        }
        return sentences;
    }

    private static byte[] Bytes(WordClusters clusters)
    {
        using var stream = new MemoryStream();
        clusters.Save(stream);
        return stream.ToArray();
    }

    [Fact]
    public void Building_is_deterministic()
    {
        Assert.Equal(Bytes(WordClusters.Build(Text(), 4, 2, 1)), Bytes(WordClusters.Build(Text(), 4, 2, 1)));
    }

    [Fact]
    public void Words_used_alike_share_a_class()
    {
        var clusters = WordClusters.Build(Text(), 4, 2, 1);
        Assert.Equal(clusters.Lookup("Monday") & 0xFFFF, clusters.Lookup("Friday") & 0xFFFF);
        Assert.Equal(clusters.Lookup("Moscow") & 0xFFFF, clusters.Lookup("Berlin") & 0xFFFF);
        Assert.NotEqual(clusters.Lookup("Monday") & 0xFFFF, clusters.Lookup("Moscow") & 0xFFFF);
    }

    [Fact]
    public void Lookup_ignores_case_and_gives_zero_for_unseen_words()
    {
        var clusters = WordClusters.Build(Text(), 4, 2, 1);
        Assert.NotEqual(0, clusters.Lookup("PARIS"));
        Assert.Equal(clusters.Lookup("paris"), clusters.Lookup("Paris"));
        Assert.Equal(0, clusters.Lookup("Gondor"));
        Assert.Equal(0, WordClusters.Empty.Lookup("Paris"));
    }

    [Fact]
    public void Saved_classes_load_back_the_same()
    {
        var clusters = WordClusters.Build(Text(), 4, 2, 1);
        var bytes = Bytes(clusters);
        var loaded = WordClusters.Load(new MemoryStream(bytes));
        Assert.Equal(clusters.Count, loaded.Count);
        Assert.Equal(clusters.Lookup("Kyiv"), loaded.Lookup("Kyiv"));
        Assert.Equal(bytes, Bytes(loaded));
    }
}
