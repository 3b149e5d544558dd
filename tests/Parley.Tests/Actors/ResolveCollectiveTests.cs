using Parley.Actors;
using Parley.Model;

namespace Parley.Tests.Actors;

/// <summary>Countries, collectives, coordination, possessives, metonymy, media and removed text.</summary>
public sealed class ResolveCollectiveTests
{
    private static readonly ActorResolver Resolver = new(ProjectLexicon.Lexicon);

    private static IReadOnlyList<Actor> Resolve(string sentence) =>
        Resolver.Resolve(new ResolveDocs().Sentence(sentence).Build(), PersonKnowledgeBase.Empty).Actors;

    [Fact]
    public void Coordinated_modifiers_share_the_head_and_make_one_actor_each()
    {
        var actors = Resolve("French and German officials condemned the vote .");
        Assert.Equal(["FRAGOV", "DEUGOV"], actors.Select(a => a.Code));
        Assert.Equal("French", actors[0].Mentions[0].Text);
        Assert.Equal("German officials", actors[1].Mentions[0].Text);
    }

    [Fact]
    public void A_regional_adjective_is_a_regional_code()
    {
        var actors = Resolve("U.S. and European diplomats left the talks .");
        Assert.Equal(["USAGOV", "EURGOV"], actors.Select(a => a.Code));
    }

    [Fact]
    public void A_possessor_is_an_actor_mention()
    {
        var actor = Assert.Single(Resolve("Troops crossed into Kenya 's northern territory ."));
        Assert.Equal("KEN", actor.Code);
        Assert.Equal("Kenya", actor.Mentions[0].Text);
    }

    [Theory]
    [InlineData("The Kremlin rejected the offer .", "RUSGOV")]
    [InlineData("Beijing warned against the sale .", "CHNGOV")]
    [InlineData("Nigerian troops crossed the river .", "NGAMIL")]
    public void A_seat_of_government_or_a_collective_is_coded(string sentence, string code)
    {
        var actor = Assert.Single(Resolve(sentence));
        Assert.Equal(code, actor.Code);
    }

    [Fact]
    public void A_capital_used_as_a_place_is_no_actor()
    {
        Assert.Empty(Resolve("Talks were held in Oslo on Friday ."));
    }

    [Fact]
    public void Media_are_media_not_political_actors()
    {
        var actors = Resolve("The minister told CNN and Al Jazeera that talks had failed .");
        Assert.Equal(["USAMED", "QATMED"], actors.Select(a => a.Code));
        Assert.All(actors, a => Assert.Equal("MED", a.Sector));
    }

    [Fact]
    public void Nothing_comes_from_removed_text()
    {
        var document = new ResolveDocs()
            .Sentence("Kenyan police closed the road .")
            .Sentence("Read more about Russia at Politico .").RemoveLastSentence()
            .Build();
        var actor = Assert.Single(Resolver.Resolve(document, PersonKnowledgeBase.Empty).Actors);
        Assert.Equal("KENCOP", actor.Code);
    }

    [Fact]
    public void Mentions_of_one_country_form_one_actor_in_text_order()
    {
        var document = new ResolveDocs()
            .Sentence("Peru recalled its ambassador .")
            .Sentence("Peruvians protested and the Peruvian flag was lowered .")
            .Build();
        var actor = Assert.Single(Resolver.Resolve(document, PersonKnowledgeBase.Empty).Actors);
        Assert.Equal("PER", actor.Code);
        Assert.Equal(["Peru", "Peruvians", "Peruvian"], actor.Mentions.Select(m => m.Text));
    }
}
