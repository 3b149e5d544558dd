using Parley.Entities;
using Parley.Model;
using Parley.Places;

namespace Parley.Tests.Entities;

public sealed class EntityGazetteerTests
{
    [Fact]
    public void Matches_the_longest_phrase_case_insensitively()
    {
        var gazetteer = EntityTestData.Gazetteer();
        const string text = "the united nations met in new york and Moscow";
        var (masks, positions) = Match(gazetteer, text);
        Assert.Equal([0, 1, 3, 0, 0, 1, 3, 0, 4], positions);
        var organization = 1 << IndexOf(gazetteer, "organization");
        var city = 1 << IndexOf(gazetteer, "city");
        Assert.Equal(organization, masks[1]);
        Assert.Equal(city, masks[5]);
        Assert.Equal(city, masks[8]);
    }

    // Splits the text into tokens at spaces and matches the gazetteer over them.
    private static (int[] Masks, int[] Positions) Match(EntityGazetteer gazetteer, string text)
    {
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
        return (masks, positions);
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

    [Fact]
    public void The_shipped_gazetteer_holds_each_phrase_once_per_category_and_within_the_phrase_length()
    {
        var gazetteer = EntityGazetteer.Load(Parley.Tests.Syntax.TestPaths.File("data/lexicons/ner-gazetteer.tsv"));
        var repeated = gazetteer.Entries
            .GroupBy(e => (e.Category, Phrase: e.Phrase.ToLowerInvariant()))
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.Category}: {g.Key.Phrase}");
        Assert.Empty(repeated);
        var tooLong = gazetteer.Entries.Where(e => e.Phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > EntityGazetteer.MaxPhraseTokens);
        Assert.Empty(tooLong);
        Assert.InRange(gazetteer.Categories.Count, 1, 30);   // one bit is left for the places gazetteer's names
    }

    [Fact]
    public void The_shipped_gazetteer_writes_each_word_as_one_token()
    {
        // Phrases are matched token by token, so a word the tokenizer splits ("Wal-Mart" is
        // Wal - Mart) could never match; clitics ("'s") stand as words of their own.
        var gazetteer = EntityGazetteer.Load(Parley.Tests.Syntax.TestPaths.File("data/lexicons/ner-gazetteer.tsv"));
        var split = new List<string>();
        foreach (var word in gazetteer.Entries.SelectMany(e => e.Phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct())
        {
            if (word is "'s" or "'")
            {
                continue;
            }
            var text = word + " said so";
            var tokens = Parley.Text.EwtTokenizer.Default.Tokenize(text);
            if (tokens.Length != 3 || tokens[0].Length != word.Length)
            {
                split.Add(word);
            }
        }
        Assert.True(split.Count == 0, "Words the tokenizer splits: " + string.Join(", ", split));
    }

    [Fact]
    public void Place_entries_keep_regions_and_large_cities_once_and_leave_out_countries()
    {
        const string places = "#parley-gazetteer\t1\n"
            + "E\tiso:XL\tcountry\tXL\t\t1.0000\t2.0000\t5000000\tPCLI\tLowmark\t\n"
            + "E\t10\tcity\tXL\tA1\t1.0000\t2.0000\t250000\tPPLC\tPort Varen\t\n"
            + "E\t11\tcity\tXL\tA1\t1.0000\t2.0000\t900\tPPL\tSmallbrook\t\n"
            + "E\t12\tadmin1\tXL\tA1\t1.0000\t2.0000\t0\tADM1\tNorth Reach\t\n"
            + "E\t13\tcity\tXL\tA2\t1.0000\t2.0000\t40000\tPPLA\tport varen\t\n";
        var entries = EntityGazetteer.PlaceEntries(Gazetteer.Load(new StringReader(places))).ToList();
        Assert.Equal([(EntityGazetteer.PlaceCategory, "Port Varen"), (EntityGazetteer.PlaceCategory, "North Reach")], entries);

        var gazetteer = new EntityGazetteer(entries);
        const string text = "they drove from port varen to North Reach";
        var (_, positions) = Match(gazetteer, text);
        Assert.Equal([0, 0, 0, 1, 3, 0, 1, 3], positions);
    }
}
