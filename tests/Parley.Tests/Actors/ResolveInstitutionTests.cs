using Parley.Actors;

namespace Parley.Tests.Actors;

/// <summary>A sector's body followed by the country it belongs to: "a court in Chile" is the Chilean court.</summary>
public sealed class ResolveInstitutionTests
{
    private static readonly ActorResolver Resolver = new(ProjectLexicon.Lexicon);

    [Theory]
    [InlineData("A court in Chile sentenced the banker to prison .", "CHLJUD", "court in Chile")]
    [InlineData("The parliament of Kenya passed the budget .", "KENLEG", "parliament of Kenya")]
    [InlineData("The police in Peru detained the smugglers .", "PERCOP", "police in Peru")]
    public void An_institution_in_or_of_a_country_is_that_countrys_sector(string sentence, string code, string mention)
    {
        var document = new ResolveDocs().Sentence(sentence).Build();
        var actors = Resolver.Resolve(document, PersonKnowledgeBase.Empty).Actors;
        Assert.Contains(actors, a => a.Code == code && a.Mentions.Any(m => m.Text == mention));
    }

    [Fact]
    public void Troops_in_a_country_are_not_its_military()
    {
        var document = new ResolveDocs().Sentence("Troops in Chile guarded the border crossing .").Build();
        var actors = Resolver.Resolve(document, PersonKnowledgeBase.Empty).Actors;
        Assert.DoesNotContain(actors, a => a.Code == "CHLMIL");
    }
}
