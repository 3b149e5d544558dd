using Parley.Actors;
using Parley.Diagnostics;
using Parley.Model;
using Parley.Processing;

namespace Parley.Tests.Actors;

/// <summary>Coreference inside one article: surnames, bracketed names, role descriptions, pronouns.</summary>
public sealed class ResolveCorefTests
{
    private static readonly ActorResolver Resolver = new(ProjectLexicon.Lexicon);

    private static Document Visit() => new ResolveDocs()
        .Sentence("Kenyan President Amani Odhiambo arrived in Lima on Monday .")
        .Sentence("Peruvian Foreign Minister Rosa Valdivia welcomed the guests at the airport .")
        .Sentence("Odhiambo said the visit was overdue .", newParagraph: true)
        .Sentence("He told reporters that the Kenyan leader would stay two days .")
        .Sentence("\u201C [ Odhiambo ] wants a deal , \u201D Valdivia said .", newParagraph: true)
        .Sentence("\u201C He will not leave without it , \u201D she said .", newParagraph: true)
        .Sentence("She added that the Peruvian minister would travel to Nairobi in May .")
        .Build();

    [Fact]
    public void Surnames_brackets_descriptions_and_pronouns_join_the_named_person()
    {
        var actors = Resolver.Resolve(Visit(), PersonKnowledgeBase.Empty).Actors;
        var president = Assert.Single(actors, a => a.Name == "Amani Odhiambo");
        var minister = Assert.Single(actors, a => a.Name == "Rosa Valdivia");
        Assert.Equal(["Amani Odhiambo", "Odhiambo", "He", "the Kenyan leader", "[ Odhiambo ]", "He"], president.Mentions.Select(m => m.Text));
        Assert.Equal(["Rosa Valdivia", "Valdivia", "she", "She", "the Peruvian minister"], minister.Mentions.Select(m => m.Text));
        Assert.Equal("KENGOV", president.Code);
        Assert.Equal("PERGOV", minister.Code);
    }

    [Fact]
    public void Possessive_and_object_pronouns_follow_salience_and_the_articles_own_pronouns()
    {
        var document = new ResolveDocs()
            .Sentence("Kenyan President Amani Odhiambo met Peruvian Foreign Minister Rosa Valdivia in Lima .")
            .Sentence("She thanked him for his patience .")
            .Sentence("He praised her courage .")
            .Build();
        var actors = Resolver.Resolve(document, PersonKnowledgeBase.Empty).Actors;
        // No parse: "She" takes the latest person; then "him", "his" and "He" cannot be her.
        Assert.Equal(["Amani Odhiambo", "him", "his", "He"], actors.Single(a => a.Name == "Amani Odhiambo").Mentions.Select(m => m.Text));
        Assert.Equal(["Rosa Valdivia", "She", "her"], actors.Single(a => a.Name == "Rosa Valdivia").Mentions.Select(m => m.Text));
    }

    [Fact]
    public void A_surname_before_the_full_name_joins_it()
    {
        var document = new ResolveDocs()
            .Sentence("Mansour denied the report .")
            .Sentence("Egyptian Prime Minister Karim Mansour called it false .")
            .Build();
        var actor = Assert.Single(Resolver.Resolve(document, PersonKnowledgeBase.Empty).Actors);
        Assert.Equal(["Mansour", "Karim Mansour"], actor.Mentions.Select(m => m.Text));
        Assert.Equal("EGYGOV", actor.Code);
    }

    [Fact]
    public void With_a_parse_the_pronoun_takes_the_subject_not_the_latest_name()
    {
        // Amani Odhiambo met Rosa Valdivia . He smiled .
        var document = new ResolveDocs()
            .Sentence("Amani Odhiambo met Rosa Valdivia .", "PROPN PROPN VERB PROPN PROPN PUNCT", "2 3 0 5 3 3", "flat nsubj root flat obj punct")
            .Sentence("He smiled .", "PRON VERB PUNCT", "2 0 2", "nsubj root punct")
            .Entity("Amani Odhiambo", EntityType.Person)
            .Entity("Rosa Valdivia", EntityType.Person)
            .Build();
        var actors = Resolver.Resolve(document, PersonKnowledgeBase.Empty).Actors;
        Assert.Equal(["Amani Odhiambo", "He"], actors.Single(a => a.Name == "Amani Odhiambo").Mentions.Select(m => m.Text));
        Assert.Single(actors.Single(a => a.Name == "Rosa Valdivia").Mentions);
    }

    [Fact]
    public void Unresolved_people_and_organisations_are_listed_with_no_code_and_W301()
    {
        var document = new ResolveDocs()
            .Sentence("Lucia Ferrante joined Northwind Logistics in 2019 .")
            .Sentence("Ferrante said the firm would grow .")
            .Entity("Lucia Ferrante", EntityType.Person)
            .Entity("Northwind Logistics", EntityType.Organization)
            .Entity("Ferrante", EntityType.Person, from: 7)
            .Build();
        Pipeline.Build([new LexiconActorResolver(Resolver)], Layers.Text | Layers.Tokens | Layers.Sentences).Process(document);
        Assert.Equal(2, document.Actors.Count);
        Assert.All(document.Actors, a => Assert.Null(a.Code));
        Assert.Equal(["Lucia Ferrante", "Ferrante"], document.Actors[0].Mentions.Select(m => m.Text));
        Assert.Equal(2, document.Diagnostics.Count(d => d.Code == DiagnosticCodes.UnresolvedActor));
    }

    [Fact]
    public void Every_actor_lists_its_mentions_in_text_order_and_keeps_the_invariants()
    {
        var document = Visit();
        Pipeline.Build([new LexiconActorResolver(Resolver)], Layers.Text | Layers.Tokens | Layers.Sentences).Process(document);
        Assert.Empty(DocumentInvariants.Violations(document));
        foreach (var actor in document.Actors)
        {
            Assert.Equal(actor.Mentions.OrderBy(m => m.Start).Select(m => m.Start), actor.Mentions.Select(m => m.Start));
            Assert.All(actor.Mentions, m => Assert.Equal(m.Text, document.Text[m.Start..m.End]));
        }
    }
}
