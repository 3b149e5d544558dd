using Parley.Actors;
using Parley.Model;

namespace Parley.Tests.Actors;

/// <summary>Roles and codes from the words around a name: titles, appositions, offices, former holders.</summary>
public sealed class ResolveRoleTests
{
    private static readonly ActorResolver Resolver = new(ProjectLexicon.Lexicon);

    [Theory]
    [InlineData("Kenyan President Amani Odhiambo met the delegation .", "Amani Odhiambo", "KENGOV", "President", null)]
    [InlineData("Chilean Foreign Minister Rosa Valdivia flew home .", "Rosa Valdivia", "CHLGOV", "Foreign Minister", null)]
    [InlineData("Brazil 's President Lucas Ferreira spoke first .", "Lucas Ferreira", "BRAGOV", "President", null)]
    [InlineData("NATO Secretary-General Mira Castellano inspected the base .", "Mira Castellano", "IGOWSTNAT", "Secretary-General", "NATO")]
    [InlineData("Nadia Keller , the German defence minister , arrived late .", "Nadia Keller", "DEUGOV", "defence minister", null)]
    [InlineData("The Norwegian prime minister , Ingrid Solberg-Haug , resigned .", "Ingrid Solberg-Haug", "NORGOV", "prime minister", null)]
    [InlineData("He had support from US President Gerald Hoffmann and others .", "Gerald Hoffmann", "USAGOV", "President", null)]
    [InlineData("Former Egyptian Prime Minister Karim Mansour spoke .", "Karim Mansour", "EGYELI", "former Prime Minister", null)]
    public void A_title_or_apposition_gives_the_role_and_code(string sentence, string name, string code, string role, string? organization)
    {
        var document = new ResolveDocs().Sentence(sentence).Build();
        var actor = Assert.Single(Resolver.Resolve(document, PersonKnowledgeBase.Empty).Actors, a => a.Name == name);
        Assert.Equal(code, actor.Code);
        Assert.Equal(role, actor.Role);
        Assert.Equal(organization, actor.Organization);
        Assert.Equal(name, actor.Mentions[0].Text);
    }

    [Fact]
    public void A_spokesman_for_a_role_holder_takes_the_holders_affiliation()
    {
        var document = new ResolveDocs()
            .Sentence("Arab League Secretary-General Mira Castellano inspected the clinic .")
            .Sentence("Helga Brenner , spokeswoman for the secretary-general , told reporters the clinic would reopen .")
            .Build();
        var actors = Resolver.Resolve(document, PersonKnowledgeBase.Empty).Actors;
        var spokeswoman = Assert.Single(actors, a => a.Name == "Helga Brenner");
        Assert.Equal("IGOMEAARL", spokeswoman.Code);
        Assert.Equal("spokeswoman", spokeswoman.Role);
        Assert.Equal("Arab League", spokeswoman.Organization);
        var chief = Assert.Single(actors, a => a.Name == "Mira Castellano");
        Assert.Contains(chief.Mentions, m => m.Text == "the secretary-general");
    }

    [Fact]
    public void A_countrys_mission_is_its_government()
    {
        var document = new ResolveDocs()
            .Sentence("The letter went to the Permanent Mission of Brazil to the United Nations .")
            .Sentence("A copy went to the Kenya mission in Geneva .")
            .Build();
        var actors = Resolver.Resolve(document, PersonKnowledgeBase.Empty).Actors;
        Assert.Contains(actors, a => a.Code == "BRAGOV" && a.Mentions.Any(m => m.Text == "Permanent Mission of Brazil"));
        Assert.Contains(actors, a => a.Code == "KENGOV" && a.Mentions.Any(m => m.Text == "Kenya mission"));
        Assert.DoesNotContain(actors, a => a.Code == "BRA");
    }

    [Fact]
    public void A_role_phrase_before_the_next_name_is_not_an_apposition_and_a_plural_title_is_no_role()
    {
        var document = new ResolveDocs()
            .Sentence("Guests included Speaker Lina Morrow , Kenyan President Amani Odhiambo and Kenyan presidents Joseph Kariuki and Paul Mbeki .")
            .Build();
        var actors = Resolver.Resolve(document, PersonKnowledgeBase.Empty).Actors;
        Assert.Null(actors.Single(a => a.Name == "Lina Morrow").Code);
        Assert.Equal("KENGOV", actors.Single(a => a.Name == "Amani Odhiambo").Code);
        Assert.DoesNotContain(actors, a => a.Name == "Joseph Kariuki" && a.Role is not null);
    }

    [Fact]
    public void A_seat_of_government_with_another_sector_stands_for_its_country()
    {
        var document = new ResolveDocs().Sentence("Nairobi police arrested the suspects .").Build();
        Assert.Equal("KENCOP", Assert.Single(Resolver.Resolve(document, PersonKnowledgeBase.Empty).Actors).Code);
    }

    [Fact]
    public void A_name_with_a_title_but_no_country_is_kept_with_its_role_and_no_code()
    {
        var document = new ResolveDocs().Sentence("President Amani Odhiambo arrived on Monday .").Build();
        var actor = Assert.Single(Resolver.Resolve(document, PersonKnowledgeBase.Empty).Actors);
        Assert.Equal("Amani Odhiambo", actor.Name);
        Assert.Null(actor.Code);
        Assert.Equal("President", actor.Role);
    }
}
