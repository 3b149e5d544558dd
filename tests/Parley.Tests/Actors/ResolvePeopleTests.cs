using Parley.Actors;
using Parley.Diagnostics;
using Parley.Model;
using Parley.Processing;

namespace Parley.Tests.Actors;

/// <summary>
/// People named without a role take the code of the office the people table says they held on
/// the article's date; roles the article states win; lone surnames are read carefully.
/// </summary>
public sealed class ResolvePeopleTests
{
    private static readonly ActorResolver Resolver = new(ProjectLexicon.Lexicon);

    private static IReadOnlyList<Actor> Resolve(Document document) =>
        Resolver.Resolve(document, PersonKnowledgeBase.Empty).Actors;

    private static Actor? Person(IReadOnlyList<Actor> actors, string name) =>
        actors.FirstOrDefault(a => a.Name == name);

    [Theory]
    [InlineData(2012, 3, 1, "DEUGOV", "Chancellor")]
    [InlineData(2005, 11, 22, "DEUGOV", "Chancellor")]
    [InlineData(2021, 12, 8, "DEUGOV", "Chancellor")]
    public void A_full_name_takes_the_office_held_on_the_date(int year, int month, int day, string code, string role)
    {
        var document = new ResolveDocs()
            .Sentence("Angela Merkel toured the shipyard in Kiel .", "PROPN PROPN VERB DET NOUN ADP PROPN PUNCT")
            .Build("merkel", new DateOnly(year, month, day));
        var actor = Person(Resolve(document), "Angela Merkel");
        Assert.NotNull(actor);
        Assert.Equal(code, actor.Code);
        Assert.Equal(role, actor.Role);
        Assert.Equal("DEU", actor.Country);
    }

    [Theory]
    [InlineData(2005, 11, 21)]
    [InlineData(2023, 6, 1)]
    public void Outside_the_term_a_full_name_is_not_coded_from_the_table(int year, int month, int day)
    {
        var document = new ResolveDocs()
            .Sentence("Angela Merkel toured the shipyard in Kiel .", "PROPN PROPN VERB DET NOUN ADP PROPN PUNCT")
            .Build("merkel", new DateOnly(year, month, day));
        var actor = Person(Resolve(document), "Angela Merkel");
        Assert.True(actor is null || actor.Code is null, $"coded {actor?.Code}");
    }

    [Fact]
    public void A_surname_alone_in_a_person_span_takes_the_office_and_the_full_name()
    {
        var document = new ResolveDocs()
            .Sentence("Obama said the talks would resume in the spring .", "PROPN VERB DET NOUN AUX VERB ADP DET NOUN PUNCT")
            .Entity("Obama", EntityType.Person)
            .Build("obama", new DateOnly(2014, 2, 3));
        var actor = Person(Resolve(document), "Barack Obama");
        Assert.NotNull(actor);
        Assert.Equal("USAGOV", actor.Code);
        Assert.Equal("President", actor.Role);
        Assert.Equal("Obama", Assert.Single(actor.Mentions).Text);
    }

    [Fact]
    public void A_family_name_written_first_joins_the_full_name()
    {
        var document = new ResolveDocs()
            .Sentence("Xi Jinping arrived in Hanoi on Sunday .", "PROPN PROPN VERB ADP PROPN ADP PROPN PUNCT")
            .Sentence("Xi will meet the prime minister on Monday .", "PROPN AUX VERB DET NOUN NOUN ADP PROPN PUNCT")
            .Entity("Xi Jinping", EntityType.Person)
            .Entity("Xi", EntityType.Person, from: 8)
            .Build("xi", new DateOnly(2023, 12, 10));
        var actor = Assert.Single(Resolve(document), a => a.Code == "CHNGOV");
        Assert.Equal("Xi Jinping", actor.Name);
        Assert.Equal(["Xi Jinping", "Xi"], actor.Mentions.Select(m => m.Text));
    }

    [Fact]
    public void A_surname_after_the_term_is_not_coded()
    {
        var document = new ResolveDocs()
            .Sentence("Obama said the talks would resume in the spring .", "PROPN VERB DET NOUN AUX VERB ADP DET NOUN PUNCT")
            .Entity("Obama", EntityType.Person)
            .Build("obama", new DateOnly(2019, 2, 3));
        Assert.DoesNotContain(Resolve(document), a => a.Code == "USAGOV");
    }

    [Fact]
    public void A_surname_that_is_also_a_word_matches_only_as_a_proper_noun()
    {
        var asName = new ResolveDocs()
            .Sentence("Brown flew to the summit on Tuesday .", "PROPN VERB ADP DET NOUN ADP PROPN PUNCT")
            .Build("name", new DateOnly(2008, 4, 2));
        Assert.Equal("GBRGOV", Person(Resolve(asName), "Gordon Brown")?.Code);

        var asWord = new ResolveDocs()
            .Sentence("Brown water flooded the summit hall on Tuesday .", "ADJ NOUN VERB DET NOUN NOUN ADP PROPN PUNCT")
            .Build("word", new DateOnly(2008, 4, 2));
        Assert.DoesNotContain(Resolve(asWord), a => a.Code == "GBRGOV");

        var untagged = new ResolveDocs()
            .Sentence("Brown flew to the summit on Tuesday .")
            .Build("untagged", new DateOnly(2008, 4, 2));
        Assert.DoesNotContain(Resolve(untagged), a => a.Code == "GBRGOV");
    }

    [Fact]
    public void Another_person_with_the_surname_in_the_article_keeps_the_surname_from_the_table()
    {
        var document = new ResolveDocs()
            .Sentence("Michelle Obama opened a school in Chicago .", "PROPN PROPN VERB DET NOUN ADP PROPN PUNCT")
            .Sentence("Obama said the school would teach music .", "PROPN VERB DET NOUN AUX VERB NOUN PUNCT")
            .Entity("Michelle Obama", EntityType.Person)
            .Entity("Obama", EntityType.Person, from: 8)
            .Build("two", new DateOnly(2012, 5, 1));
        Assert.DoesNotContain(Resolve(document), a => a.Code == "USAGOV");
    }

    [Fact]
    public void A_surname_two_listed_people_share_on_the_date_is_not_coded()
    {
        // Both Danish Rasmussens held listed offices in 2010 (one NATO, one Denmark); in 2005 only one did.
        static Document Article(DateOnly date) => new ResolveDocs()
            .Sentence("Rasmussen spoke to reporters in Copenhagen .", "PROPN VERB ADP NOUN ADP PROPN PUNCT")
            .Entity("Rasmussen", EntityType.Person)
            .Build("rasmussen", date);
        Assert.DoesNotContain(Resolve(Article(new DateOnly(2010, 6, 1))), a => a.Name.Contains("Rasmussen", StringComparison.Ordinal) && a.Code is not null);
        Assert.Equal("DNKGOV", Person(Resolve(Article(new DateOnly(2005, 6, 1))), "Anders Fogh Rasmussen")?.Code);
    }

    [Theory]
    [InlineData("Former President Barack Obama spoke at the college .", "ADJ PROPN PROPN PROPN VERB ADP DET NOUN PUNCT")]
    [InlineData("The former president Barack Obama spoke at the college .", "DET ADJ NOUN PROPN PROPN VERB ADP DET NOUN PUNCT")]
    [InlineData("Former U.S. President Barack Obama spoke at the college .", "ADJ PROPN PROPN PROPN PROPN VERB ADP DET NOUN PUNCT")]
    public void A_person_called_former_takes_no_current_office(string sentence, string tags)
    {
        var after = Person(Resolve(new ResolveDocs().Sentence(sentence, tags).Build("after", new DateOnly(2018, 5, 1))), "Barack Obama");
        Assert.NotNull(after);
        Assert.Equal("USAELI", after.Code);
        Assert.StartsWith("former", after.Role, StringComparison.OrdinalIgnoreCase);

        // Called former during the term, the table's current office is not taken either.
        var during = Person(Resolve(new ResolveDocs().Sentence(sentence, tags).Build("during", new DateOnly(2013, 5, 1))), "Barack Obama");
        Assert.NotEqual("USAGOV", during?.Code);
    }

    [Fact]
    public void A_surname_called_former_takes_the_last_office_left()
    {
        var document = new ResolveDocs()
            .Sentence("Former chancellor Schroeder defended the pipeline .", "ADJ NOUN PROPN VERB DET NOUN PUNCT")
            .Entity("Schroeder", EntityType.Person)
            .Build("schroeder", new DateOnly(2022, 3, 1));
        var actor = Person(Resolve(document), "Gerhard Schröder");
        Assert.NotNull(actor);
        Assert.Equal("DEUELI", actor.Code);
    }

    [Fact]
    public void A_title_without_a_country_takes_the_code_from_the_table()
    {
        var document = new ResolveDocs()
            .Sentence("President Obama signed the bill on Friday .", "PROPN PROPN VERB DET NOUN ADP PROPN PUNCT")
            .Build("titled", new DateOnly(2010, 3, 26));
        var actor = Person(Resolve(document), "Obama") ?? Person(Resolve(document), "Barack Obama");
        Assert.NotNull(actor);
        Assert.Equal("USAGOV", actor.Code);
    }

    [Fact]
    public void A_role_the_text_states_wins_over_the_table()
    {
        // In 2016 the table has Mark Rutte as Dutch prime minister; the article says otherwise.
        var document = new ResolveDocs()
            .Sentence("NATO Secretary-General Mark Rutte visited the base .", "PROPN PROPN PROPN PROPN VERB DET NOUN PUNCT")
            .Build("stated", new DateOnly(2016, 3, 1));
        Assert.Equal("IGOWSTNAT", Person(Resolve(document), "Mark Rutte")?.Code);
    }

    [Fact]
    public void With_no_date_the_most_recent_office_is_taken()
    {
        var undated = Undated(new ResolveDocs()
            .Sentence("Dmitry Medvedev chaired the meeting .", "PROPN PROPN VERB DET NOUN PUNCT")
            .Build("undated"));
        Assert.Equal("Prime Minister", Person(Resolve(undated), "Dmitry Medvedev")?.Role);

        var dated = new ResolveDocs()
            .Sentence("Dmitry Medvedev chaired the meeting .", "PROPN PROPN VERB DET NOUN PUNCT")
            .Build("dated", new DateOnly(2009, 9, 1));
        Assert.Equal("President", Person(Resolve(dated), "Dmitry Medvedev")?.Role);
    }

    [Fact]
    public void Without_a_publication_date_the_dateline_dates_the_office()
    {
        var document = Undated(new ResolveDocs()
            .Sentence("Tuesday , September 1 , 2009")
            .Sentence("Dmitry Medvedev chaired the meeting .")
            .Entity("Dmitry Medvedev", EntityType.Person)
            .Build("dateline"));
        Assert.Equal("President", Person(Resolve(document), "Dmitry Medvedev")?.Role);
    }

    [Fact]
    public void The_stage_says_which_row_a_code_came_from()
    {
        var document = new ResolveDocs()
            .Sentence("Angela Merkel toured the shipyard in Kiel .", "PROPN PROPN VERB DET NOUN ADP PROPN PUNCT")
            .Build("explained", new DateOnly(2012, 3, 1));
        Pipeline.Build([new LexiconActorResolver(Resolver)], Layers.Text | Layers.Tokens | Layers.Sentences | Layers.Tags).Process(document);
        var diagnostic = Assert.Single(document.Diagnostics, d => d.Code == DiagnosticCodes.PersonRoleFromPeopleTable);
        Assert.Contains("people.tsv:", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("DEUGOV", diagnostic.Message, StringComparison.Ordinal);
    }

    // The same document with no publication date.
    private static Document Undated(Document dated)
    {
        var document = new Document(dated.Id, dated.Text)
        {
            Tokens = dated.Tokens,
            Sentences = dated.Sentences,
            Analyses = dated.Analyses,
            Entities = dated.Entities,
        };
        document.AddLayers(dated.Layers);
        return document;
    }

    [Fact]
    public void A_lexicon_built_from_other_dictionaries_alone_has_no_people() =>
        Assert.True(new ActorLexiconBuilder().Build().People.IsEmpty);
}
