using Parley.Actors;
using Parley.Diagnostics;

namespace Parley.Tests.Actors;

public sealed class PersonKnowledgeBaseTests
{
    private static readonly PersonFact Ferrandis = new()
    {
        Name = "Zoë Ferrandis",
        Sector = "IGO",
        Role = "Secretary-General",
        Organization = "Organization for Security and Co-operation in Europe",
        Code = "IGOEURSCE",
        FirstSeen = new(2017, 1, 3),
        LastSeen = new(2022, 5, 17),
        Evidence = "wire-2017-0001",
    };

    private static readonly PersonFact FerrandisSpain = new()
    {
        Name = "Zoe Ferrandis",
        Country = "ESP",
        Sector = "GOV",
        Role = "Prime Minister",
        Code = "ESPGOV",
        FirstSeen = new(1995, 10, 28),
        LastSeen = new(2002, 4, 6),
        Evidence = "wire-1995-0042",
    };

    private static readonly PersonFact Scholz = new()
    {
        Name = "Olaf Scholz",
        Country = "DEU",
        Sector = "GOV",
        Role = "Chancellor",
        Code = "DEUGOV",
        FirstSeen = new(2021, 12, 8),
        LastSeen = new(2022, 6, 1),
        Evidence = "wire-2021-7731",
    };

    private static PersonKnowledgeBase Base() => new([Scholz, Ferrandis, FerrandisSpain]);

    [Fact]
    public void Finds_a_person_by_full_name_whatever_the_accents_and_case()
    {
        Assert.Equal([FerrandisSpain, Ferrandis], Base().ByName("ZOE FERRANDIS"));
        Assert.Equal(2, Base().PersonCount);
    }

    [Theory]
    [InlineData("2022-05-17", "IGOEURSCE")]
    [InlineData("2000-01-01", "ESPGOV")]
    [InlineData("2016-12-10", "IGOEURSCE")] // 24 days before the first evidence: inside the lead margin
    [InlineData("2002-12-31", "ESPGOV")] // within a year after the last evidence
    public void A_fact_applies_around_the_period_of_its_evidence(string date, string code)
    {
        var facts = Base().ByName("Zoë Ferrandis", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(code, Assert.Single(facts).Code);
    }

    [Fact]
    public void A_role_is_not_assumed_long_before_its_first_evidence()
    {
        Assert.Empty(Base().ByName("Olaf Scholz", new DateOnly(2010, 6, 1)));
        Assert.Empty(Base().ByName("Olaf Scholz", new DateOnly(2021, 11, 1)));
        Assert.Single(Base().ByName("Olaf Scholz", new DateOnly(2021, 11, 15)));
    }

    [Fact]
    public void A_role_is_not_assumed_forever_after_its_last_evidence() =>
        Assert.Empty(Base().ByName("Olaf Scholz", new DateOnly(2024, 1, 1)));

    [Fact]
    public void Finds_people_by_surname_as_of_a_date()
    {
        Assert.Equal("DEUGOV", Assert.Single(Base().BySurname("Scholz", new DateOnly(2022, 3, 1))).Code);
        Assert.Equal("IGOEURSCE", Assert.Single(Base().BySurname("FERRANDIS", new DateOnly(2022, 3, 1))).Code);
        Assert.Empty(Base().BySurname("Okafor", new DateOnly(2022, 3, 1)));
    }

    [Fact]
    public void Generational_suffixes_are_not_surnames()
    {
        var kb = new PersonKnowledgeBase([new PersonFact { Name = "Martin Luther King Jr.", Code = "USAOPP", FirstSeen = new(1960, 1, 1), LastSeen = new(1968, 4, 4) }]);
        Assert.Single(kb.BySurname("King", new DateOnly(1965, 1, 1)));
    }

    [Fact]
    public void Writes_and_reads_back_the_same_facts_in_one_order()
    {
        var odd = Scholz with { Organization = "Social\tDemocratic \\ Party\nof Germany" };
        var kb = new PersonKnowledgeBase([odd, Ferrandis, FerrandisSpain]);
        var text = Write(kb);
        Assert.StartsWith(PersonKnowledgeBase.FormatHeader + "\nname\tcountry\t", text, StringComparison.Ordinal);
        var back = PersonKnowledgeBase.Read(new StringReader(text));
        Assert.Equal(kb.Facts, back.Facts);
        Assert.Equal(text, Write(back));
        Assert.Equal(text, Write(new PersonKnowledgeBase([FerrandisSpain, odd, Ferrandis])));
    }

    [Fact]
    public void Reading_a_malformed_file_says_which_line()
    {
        var text = PersonKnowledgeBase.FormatHeader + "\nname\tcountry\tsector\trole\torganization\tcode\tfirst_seen\tlast_seen\tevidence\n"
            + "Olaf Scholz\tDEU\tGOV\tChancellor\t\tDEUGOV\t2021-13-08\t2022-06-01\tx\n";
        var error = Assert.Throws<ParleyConfigurationException>(() => PersonKnowledgeBase.Read(new StringReader(text), "people.tsv"));
        Assert.StartsWith("E103: people.tsv:3: '2021-13-08' is not a yyyy-MM-dd date", error.Message, StringComparison.Ordinal);
        Assert.Equal(DiagnosticCodes.DataMissing, error.Code);
    }

    [Theory]
    [InlineData("name\tcountry\n", 2, "expected the header row")]
    [InlineData(Header + "Olaf Scholz\tDEU\tGOV\n", 3, "expected 9 tab-separated fields, found 3")]
    [InlineData(Header + " \tDEU\tGOV\tChancellor\t\tDEUGOV\t2021-12-08\t2022-06-01\tx\n", 3, "the name is empty")]
    [InlineData(Header + "\nOlaf Scholz\tDEU\tGOV\tChancellor\t\tDEUGOV\t2022-12-08\t2022-06-01\tx\n", 4, "last seen 2022-06-01 is before first seen 2022-12-08")]
    public void Every_malformed_row_is_refused_with_its_line(string body, int line, string problem)
    {
        var text = PersonKnowledgeBase.FormatHeader + "\n" + body;
        var error = Assert.Throws<ParleyConfigurationException>(() => PersonKnowledgeBase.Read(new StringReader(text), "kb.tsv"));
        Assert.StartsWith($"E103: kb.tsv:{line}: {problem}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_an_empty_base() =>
        Assert.Empty(PersonKnowledgeBase.Read(new StringReader(""), "kb.tsv").Facts);

    private const string Header = "name\tcountry\tsector\trole\torganization\tcode\tfirst_seen\tlast_seen\tevidence\n";

    [Fact]
    public void A_fact_that_ends_before_it_starts_is_refused() =>
        Assert.Throws<ArgumentException>(() => new PersonKnowledgeBase([Scholz with { LastSeen = new(2020, 1, 1) }]));

    /// <summary>
    /// 100,000 synthetic people with two facts each: every one is found by full name, by date, and
    /// by surname. Speed is measured by the benchmark, not here.
    /// </summary>
    [Fact]
    public void Holds_a_hundred_thousand_people()
    {
        const int people = 100_000;
        var facts = new List<PersonFact>(2 * people);
        for (var i = 0; i < people; i++)
        {
            var name = $"Person{i} Surname{i}";
            facts.Add(new PersonFact { Name = name, Country = "ARN", Code = "ARNLEG", Role = "Senator", FirstSeen = new(2000 + i % 10, 1, 1), LastSeen = new(2003 + i % 10, 1, 1), Evidence = $"a{i}" });
            facts.Add(new PersonFact { Name = name, Country = "ARN", Code = "ARNGOV", Role = "Minister", FirstSeen = new(2010 + i % 10, 1, 1), LastSeen = new(2012 + i % 10, 1, 1), Evidence = $"b{i}" });
        }
        var kb = new PersonKnowledgeBase(facts);
        Assert.Equal(people, kb.PersonCount);
        Assert.Equal(2 * people, kb.Facts.Count);
        for (var i = 0; i < people; i++)
        {
            var name = $"Person{i} Surname{i}";
            Assert.Equal(2, kb.ByName(name).Count);
            Assert.Equal("ARNLEG", Assert.Single(kb.ByName(name, new DateOnly(2001 + i % 10, 6, 1))).Code);
            Assert.Equal("ARNGOV", Assert.Single(kb.BySurname($"Surname{i}", new DateOnly(2011 + i % 10, 6, 1))).Code);
            Assert.Empty(kb.ByName(name, new DateOnly(1990, 1, 1)));
        }
    }

    private static string Write(PersonKnowledgeBase kb)
    {
        var writer = new StringWriter();
        kb.Write(writer);
        return writer.ToString();
    }
}
