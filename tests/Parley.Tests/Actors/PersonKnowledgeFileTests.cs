using Parley.Actors;
using Parley.Diagnostics;

namespace Parley.Tests.Actors;

/// <summary>The knowledge base as a file: saved and read back, identified by content, merged with counts.</summary>
public sealed class PersonKnowledgeFileTests : IDisposable
{
    private static readonly PersonFact Minister = new()
    {
        Name = "Rosa Valdivia", Country = "CHL", Sector = "GOV", Role = "Foreign Minister", Code = "CHLGOV",
        FirstSeen = new(2023, 2, 1), LastSeen = new(2023, 3, 1), Evidence = "x1",
    };

    private static readonly PersonFact President = new()
    {
        Name = "Amani Odhiambo", Country = "KEN", Sector = "GOV", Role = "President", Code = "KENGOV",
        FirstSeen = new(2023, 5, 1), LastSeen = new(2023, 5, 1), Evidence = "k1",
    };

    private readonly string _dir = Directory.CreateTempSubdirectory("parley-kb-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_saved_base_reads_back_the_same_and_leaves_no_temporary_file()
    {
        var path = Path.Combine(_dir, "people.kb");
        var knowledge = new PersonKnowledgeBase([President, Minister with { Role = "Foreign\tMinister" }]);
        PersonKnowledgeFile.Save(knowledge, path);
        PersonKnowledgeFile.Save(knowledge, path);
        Assert.Equal(knowledge.Facts, PersonKnowledgeFile.Load(path).Facts);
        Assert.Equal(["people.kb"], Directory.GetFiles(_dir).Select(Path.GetFileName));
        Assert.StartsWith(PersonKnowledgeBase.FormatHeader + "\n", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_a_missing_file_says_how_to_make_one()
    {
        var error = Assert.Throws<ParleyConfigurationException>(() => PersonKnowledgeFile.Load(Path.Combine(_dir, "none.kb")));
        Assert.Equal(DiagnosticCodes.DataMissing, error.Code);
        Assert.Contains("--kb", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_content_id_follows_the_facts_not_their_order()
    {
        var id = PersonKnowledgeFile.ContentId(new PersonKnowledgeBase([Minister, President]));
        Assert.Matches("^[0-9a-f]{12}$", id);
        Assert.Equal(id, PersonKnowledgeFile.ContentId(new PersonKnowledgeBase([President, Minister])));
        Assert.NotEqual(id, PersonKnowledgeFile.ContentId(new PersonKnowledgeBase([President, Minister with { LastSeen = new(2023, 3, 2) }])));
        Assert.NotEqual(id, PersonKnowledgeFile.ContentId(PersonKnowledgeBase.Empty));
    }

    [Fact]
    public void Merging_counts_new_widened_and_known_facts()
    {
        var learner = new PersonKnowledgeLearner(new PersonKnowledgeBase([Minister]));
        var counts = learner.Learn(
        [
            President,
            Minister with { FirstSeen = new(2023, 1, 10), Evidence = "x0" },
            Minister with { FirstSeen = new(2023, 2, 10), LastSeen = new(2023, 2, 20), Evidence = "x5" },
            Minister with { Code = "CHLMIL", Role = "Defence Minister" },
        ]);
        Assert.Equal(new KnowledgeMergeCounts(2, 1, 1), counts);
        Assert.Equal(4, counts.Total);
        Assert.Equal(counts, learner.Merged);
        var merged = learner.Commit();
        Assert.Equal(3, merged.Facts.Count);
        var widened = Assert.Single(merged.Facts, f => f.Code == "CHLGOV");
        Assert.Equal((new DateOnly(2023, 1, 10), new DateOnly(2023, 3, 1), "x0"), (widened.FirstSeen, widened.LastSeen, widened.Evidence));
    }
}
