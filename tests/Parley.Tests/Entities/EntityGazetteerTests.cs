using Parley.Entities;
using Parley.Model;

namespace Parley.Tests.Entities;

public sealed class EntityGazetteerTests
{
    [Fact]
    public void Matches_the_longest_phrase_case_insensitively()
    {
        var gazetteer = EntityTestData.Gazetteer();
        const string text = "the united nations met in new york and Moscow";
        var tokens = new List<Token>();
        var start = 0;
        foreach (var word in text.Split(' '))
        {
            tokens.Add(new Token(start, start + word.Length));
            start += word.Length + 1;
        }
        var masks = new int[tokens.Count];
        var positions = new int[tokens.Count];
        gazetteer.Match(text, [.. tokens], 0, tokens.Count, masks, positions);
        Assert.Equal([0, 1, 3, 0, 0, 1, 3, 0, 4], positions);
        var organization = 1 << IndexOf(gazetteer, "organization");
        var city = 1 << IndexOf(gazetteer, "city");
        Assert.Equal(organization, masks[1]);
        Assert.Equal(city, masks[5]);
        Assert.Equal(city, masks[8]);
    }

    private static int IndexOf(EntityGazetteer gazetteer, string category)
    {
        for (var i = 0; i < gazetteer.Categories.Count; i++)
        {
            if (gazetteer.Categories[i] == category)
            {
                return i;
            }
        }
        return -1;
    }

    [Fact]
    public void Rejects_malformed_lines() =>
        Assert.Throws<FormatException>(() => EntityGazetteer.Parse(new StringReader("country Russia\n")));

    [Fact]
    public void The_shipped_gazetteer_parses()
    {
        var path = Parley.Tests.Syntax.TestPaths.File("data/lexicons/ner-gazetteer.tsv");
        var gazetteer = EntityGazetteer.Load(path);
        Assert.True(gazetteer.Entries.Count > 500);
        Assert.Contains(("country", "Russia"), gazetteer.Entries);
        Assert.Contains(("org-word", "Ministry"), gazetteer.Entries);
    }
}
