using Parley.Actors;
using Parley.Model;

namespace Parley.Tests.Actors;

public sealed class ActorLexiconTests
{
    private static ActorEntry Entry(string name, string code, ActorKind kind = ActorKind.Country, string source = "test") =>
        new() { Name = name, Kind = kind, Codes = [new DatedCode(code, null, null)], Source = source };

    private static ActorLexicon Gondor()
    {
        var gondor = Entry("Gondor", "GON");
        return new ActorLexiconBuilder()
            .Add("Gondor", gondor, matchCase: true)
            .Add("Gondorian", gondor, matchCase: true)
            .Add("Minas Tirith", Entry("Gondor (government)", "GONGOV"), matchCase: true)
            .Add("Gondor Foreign Ministry", Entry("Gondor foreign ministry", "GONGOV"), matchCase: true)
            .Add("al-Mordor", Entry("al-Mordor", "MORREB", ActorKind.Group), matchCase: true)
            .Add("U.G.", Entry("United Gondor", "UGO"), matchCase: true)
            .Add("WHO", Entry("World Health Organization", "IGOUNOHLHWHO", ActorKind.Organization), matchCase: true)
            .Add("Élysée", Entry("Elysee", "FRAGOV"), matchCase: true)
            .Add("troops", Entry("troops", "MIL", ActorKind.Agent))
            .Build();
    }

    [Theory]
    [InlineData("Gondor", "GON")]
    [InlineData("GONDOR", "GON")]
    [InlineData("Gondorian", "GON")]
    [InlineData("Minas Tirith", "GONGOV")]
    [InlineData("al-Mordor", "MORREB")]
    [InlineData("al - Mordor", "MORREB")]
    [InlineData("U.G.", "UGO")]
    [InlineData("U.G", "UGO")]
    [InlineData("WHO", "IGOUNOHLHWHO")]
    [InlineData("Élysée", "FRAGOV")]
    [InlineData("Elysee", "FRAGOV")]
    [InlineData("ELYSÉE", "FRAGOV")]
    [InlineData("troops", "MIL")]
    [InlineData("Troops", "MIL")]
    public void Looks_up_phrases_and_their_spelling_variants(string phrase, string code)
    {
        var entries = Gondor().Lookup(phrase);
        Assert.Contains(code, entries.Select(e => e.CodeOn(null)));
    }

    [Theory]
    [InlineData("gondor")]
    [InlineData("who")]
    [InlineData("Who")]
    [InlineData("minas tirith")]
    [InlineData("Mordor")]
    public void Capitalised_names_do_not_match_lower_case_words(string phrase) =>
        Assert.Empty(Gondor().Lookup(phrase));

    [Fact]
    public void Takes_the_longest_phrase()
    {
        var tokens = ProjectLexicon.Tokens("The Gondor Foreign Ministry protested .");
        Assert.True(Gondor().TryMatchLongest(tokens, 1, out var match));
        Assert.Equal((1, 3), (match.Start, match.Length));
        Assert.Equal("GONGOV", match.Entries[0].CodeOn(null));
        Assert.False(Gondor().TryMatchLongest(tokens, 0, out _));
    }

    [Fact]
    public void Falls_back_to_a_shorter_phrase_when_the_longer_one_breaks_off()
    {
        string[] tokens = ["Gondor", "Foreign", "troops"];
        Assert.True(Gondor().TryMatchLongest(tokens, 0, out var match));
        Assert.Equal(1, match.Length);
    }

    [Fact]
    public void Finds_every_phrase_left_to_right_without_overlap()
    {
        var matches = Gondor().FindAll(ProjectLexicon.Tokens("Gondorian troops left Minas Tirith for al-Mordor."));
        Assert.Equal(["GON", "MIL", "GONGOV", "MORREB"], matches.Select(m => m.Entries[0].CodeOn(null)!));
    }

    [Fact]
    public void Matches_tokens_given_as_spans_of_a_document_text()
    {
        const string text = "Troops from Minas Tirith arrived.";
        Token[] tokens = [new(0, 6), new(7, 11), new(12, 17), new(18, 24), new(25, 32), new(32, 33)];
        Assert.True(Gondor().TryMatchLongest(text, tokens, 2, out var match));
        Assert.Equal((2, 2), (match.Start, match.Length));
        Assert.Equal("GONGOV", match.Entries[0].CodeOn(null));
    }

    [Fact]
    public void Matching_document_tokens_allocates_nothing()
    {
        var lexicon = Gondor();
        const string text = "Gondorian troops left Minas Tirith for al - Mordor .";
        var tokens = new List<Token>();
        var start = 0;
        foreach (var word in text.Split(' '))
        {
            tokens.Add(new Token(start, start + word.Length));
            start += word.Length + 1;
        }
        var span = tokens.ToArray();
        var found = 0;
        for (var i = 0; i < span.Length; i++)
        {
            found += lexicon.TryMatchLongest(text, span, i, out _) ? 1 : 0;
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 100; round++)
        {
            for (var i = 0; i < span.Length; i++)
            {
                lexicon.TryMatchLongest(text, span, i, out _);
            }
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(4, found); // Gondorian, troops, Minas Tirith, al - Mordor
    }

    [Fact]
    public void Holds_a_hundred_thousand_phrases()
    {
        var builder = new ActorLexiconBuilder();
        for (var i = 0; i < 100_000; i++)
        {
            builder.Add($"Minister{i} of Gondor", Entry($"m{i}", $"G{i:D5}", ActorKind.Person));
        }
        var lexicon = builder.Build();
        Assert.Equal(100_000, lexicon.PhraseCount);
        for (var i = 0; i < 100_000; i += 997)
        {
            Assert.Equal($"G{i:D5}", Assert.Single(lexicon.Lookup($"minister{i} of gondor")).CodeOn(null));
        }
        Assert.Empty(lexicon.Lookup("minister100000 of gondor"));
    }

    [Fact]
    public void A_phrase_of_several_entries_keeps_them_all_unless_replaced_from_the_same_source()
    {
        var a = Entry("Georgia", "GEO", source: "one");
        var b = Entry("Georgia (US state)", "USA", source: "two");
        var c = Entry("Georgia again", "GEO2", source: "one");
        var lexicon = new ActorLexiconBuilder().Add("Georgia", a).Add("Georgia", b).Add("Georgia", c, replace: true).Build();
        Assert.Equal(["USA", "GEO2"], lexicon.Lookup("Georgia").Select(e => e.CodeOn(null)!));
    }

    [Fact]
    public void Lookup_is_safe_from_many_threads()
    {
        var lexicon = Gondor();
        Parallel.For(0, 10_000, i =>
        {
            var phrase = (i % 3) switch { 0 => "Minas Tirith", 1 => "Gondorian", _ => "al - Mordor" };
            Assert.NotEmpty(lexicon.Lookup(phrase));
        });
    }

    [Fact]
    public void An_empty_phrase_is_refused() =>
        Assert.Throws<ArgumentException>(() => new ActorLexiconBuilder().Add("  _ ", Entry("x", "X")));

    [Theory]
    [InlineData("Côte d’Ivoire", "cote d'ivoire")]
    [InlineData("  São   Tomé_and Príncipe ", "sao tome and principe")]
    [InlineData("Łódź", "lodz")]
    public void Normalises_case_diacritics_apostrophes_and_spacing(string phrase, string expected) =>
        Assert.Equal(expected, LexiconText.NormalizePhrase(phrase));

    [Fact]
    public void Dated_codes_apply_within_their_period_and_fall_back_outside()
    {
        var entry = new ActorEntry
        {
            Name = "Carl Gustaf",
            Kind = ActorKind.Person,
            Codes = [new DatedCode("SWEELI", new DateOnly(1964, 1, 1), new DateOnly(1973, 9, 14)),
                     new DatedCode("SWEGOV", new DateOnly(1973, 9, 15), null), new DatedCode("SWEELI", null, null)],
        };
        Assert.Equal("SWEELI", entry.CodeOn(new DateOnly(1972, 8, 13)));
        Assert.Equal("SWEGOV", entry.CodeOn(new DateOnly(1973, 9, 15)));
        Assert.Equal("SWEGOV", entry.CodeOn(new DateOnly(2015, 8, 13)));
        Assert.Equal("SWEELI", entry.CodeOn(new DateOnly(1901, 8, 13)));
        Assert.Equal("SWEELI", entry.CodeOn(null));
    }

    [Fact]
    public void Without_a_fallback_a_dated_entry_has_no_code_outside_its_periods()
    {
        var entry = new ActorEntry
        {
            Name = "Obama",
            Kind = ActorKind.Person,
            Codes = [new DatedCode("USAELI", new DateOnly(1978, 1, 1), new DateOnly(2000, 1, 1)), new DatedCode("USAGOV", new DateOnly(2009, 1, 20), null)],
        };
        Assert.Null(entry.CodeOn(new DateOnly(1960, 1, 1)));
        Assert.Equal("USAGOV", entry.CodeOn(null));
    }

    [Theory]
    [InlineData("RUS", "GOV", AgentPosition.Suffix, "RUSGOV")]
    [InlineData("HRV", "NGO", AgentPosition.Prefix, "NGOHRV")]
    [InlineData("USAGOV", "GOV", AgentPosition.Suffix, "USAGOV")]
    [InlineData("IGOUNO", "MIL", AgentPosition.Suffix, "IGOUNOMIL")]
    [InlineData("", "REB", AgentPosition.Suffix, "REB")]
    public void Combines_actor_and_agent_codes(string actor, string agent, AgentPosition position, string expected) =>
        Assert.Equal(expected, CameoCodes.Combine(actor, agent, position));

    [Theory]
    [InlineData("RUSGOV", "RUS", "GOV")]
    [InlineData("IGOUNO", null, "IGO")]
    [InlineData("UKR", "UKR", null)]
    [InlineData("IMGMUSISI", null, "IMG")]
    public void Splits_codes_into_country_and_sector(string code, string? country, string? sector)
    {
        Assert.Equal(country, CameoCodes.CountryOf(code));
        Assert.Equal(sector, CameoCodes.SectorOf(code));
    }
}
