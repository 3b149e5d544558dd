using Parley.Actors;
using Parley.Diagnostics;
using Parley.Model;
using Parley.Processing;

namespace Parley.Tests.Actors;

/// <summary>
/// The person knowledge base learns roles that articles state and codes later articles that
/// name only the surname, as of their dates.
/// </summary>
public sealed class ResolveKnowledgeTests
{
    private static readonly ActorResolver Resolver = new(ProjectLexicon.Lexicon);

    private static Document Run(PersonKnowledgeLearner learner, Document document)
    {
        Pipeline.Build([new LexiconActorResolver(Resolver, learner)], Layers.Text | Layers.Tokens | Layers.Sentences).Process(document);
        learner.Learn(document);
        learner.Commit();
        return document;
    }

    private static Document Article(string id, string text, DateOnly date) =>
        new ResolveDocs().Sentence(text).Build(id, date);

    [Theory]
    [InlineData("German Chancellor Greta Lindemann toured the shipyard .", "Lindemann said the shipyard would stay open .", "DEUGOV", "Chancellor")]
    [InlineData("Norwegian Prime Minister Ingrid Solberg-Haug opened the summit .", "Solberg-Haug said the summit was a success .", "NORGOV", "Prime Minister")]
    [InlineData("Chilean Foreign Minister Rosa Valdivia signed the accord .", "Valdivia defended the accord .", "CHLGOV", "Foreign Minister")]
    public void A_later_article_naming_only_the_surname_resolves_through_the_knowledge_base(
        string first, string second, string code, string role)
    {
        var learner = new PersonKnowledgeLearner(PersonKnowledgeBase.Empty);
        var introduced = Run(learner, Article("one", first, new DateOnly(2022, 4, 9)));
        Assert.Contains(introduced.Diagnostics, d => d.Code == DiagnosticCodes.PersonRoleStated);
        Assert.Single(learner.Current.Facts);

        var later = Run(learner, Article("two", second, new DateOnly(2022, 5, 2)));
        var actor = Assert.Single(later.Actors);
        Assert.Equal(code, actor.Code);
        Assert.Equal(role, actor.Role);
        Assert.Contains(later.Diagnostics, d => d.Code == DiagnosticCodes.PersonRoleFromKnowledge);
        // A role read from the base is not learned again as if the article had stated it.
        Assert.Equal("one", Assert.Single(learner.Current.Facts).Evidence);

        var earlier = Run(learner, Article("three", second, new DateOnly(2010, 1, 5)));
        Assert.DoesNotContain(earlier.Actors, a => a.Code == code);
    }

    [Fact]
    public void Before_the_role_began_a_named_person_stays_uncoded_but_listed()
    {
        var learner = new PersonKnowledgeLearner(PersonKnowledgeBase.Empty);
        Run(learner, Article("one", "German Chancellor Greta Lindemann toured the shipyard .", new DateOnly(2022, 4, 9)));
        var document = new ResolveDocs().Sentence("Lindemann said the shipyard would stay open .")
            .Entity("Lindemann", EntityType.Person).Build("old", new DateOnly(2010, 1, 5));
        Run(learner, document);
        var actor = Assert.Single(document.Actors);
        Assert.Null(actor.Code);
        Assert.Contains(document.Diagnostics, d => d.Code == DiagnosticCodes.UnresolvedActor);
    }

    [Fact]
    public void A_title_without_a_country_takes_the_code_from_the_base_and_teaches_nothing()
    {
        var learner = new PersonKnowledgeLearner(PersonKnowledgeBase.Empty);
        Run(learner, Article("one", "Kenyan President Amani Odhiambo opened the port .", new DateOnly(2023, 5, 1)));
        var later = Run(learner, Article("two", "President Amani Odhiambo closed the port .", new DateOnly(2023, 6, 1)));
        var actor = Assert.Single(later.Actors);
        Assert.Equal("KENGOV", actor.Code);
        Assert.Equal("President", actor.Role);
        Assert.Equal(new DateOnly(2023, 5, 1), Assert.Single(learner.Current.Facts).LastSeen);
    }

    [Fact]
    public void Repeated_evidence_widens_the_dates_and_keeps_the_first_article()
    {
        var learner = new PersonKnowledgeLearner(PersonKnowledgeBase.Empty);
        Run(learner, Article("b", "Kenyan President Amani Odhiambo spoke .", new DateOnly(2023, 6, 1)));
        Run(learner, Article("a", "Kenyan President Amani Odhiambo spoke again .", new DateOnly(2023, 1, 1)));
        Run(learner, Article("c", "Kenyan President Amani Odhiambo left .", new DateOnly(2023, 9, 1)));
        var fact = Assert.Single(learner.Current.Facts);
        Assert.Equal(new DateOnly(2023, 1, 1), fact.FirstSeen);
        Assert.Equal(new DateOnly(2023, 9, 1), fact.LastSeen);
        Assert.Equal("a", fact.Evidence);
    }

    [Fact]
    public void Within_a_batch_documents_see_one_snapshot_and_learning_follows_input_order()
    {
        // Two runs over the same batch, processed in opposite orders, learn the same base.
        string Learned(bool reverse)
        {
            var learner = new PersonKnowledgeLearner(PersonKnowledgeBase.Empty);
            var batch = new[]
            {
                Article("x", "Peruvian Foreign Minister Rosa Valdivia spoke .", new DateOnly(2023, 2, 1)),
                Article("y", "Chilean Foreign Minister Rosa Valdivia spoke .", new DateOnly(2023, 2, 1)),
            };
            var stage = Pipeline.Build([new LexiconActorResolver(Resolver, learner)], Layers.Text | Layers.Tokens | Layers.Sentences);
            foreach (var document in reverse ? batch.Reverse() : batch)
            {
                stage.Process(document);
            }
            foreach (var document in batch)
            {
                learner.Learn(document);
            }
            var writer = new StringWriter();
            learner.Commit().Write(writer);
            return writer.ToString();
        }
        Assert.Equal(Learned(false), Learned(true));
    }

    [Fact]
    public void Two_people_sharing_a_surname_leave_a_lone_surname_uncoded()
    {
        var knowledge = new PersonKnowledgeBase(
        [
            new PersonFact { Name = "Rosa Valdivia", Code = "CHLGOV", Country = "CHL", Sector = "GOV", Role = "Foreign Minister", FirstSeen = new DateOnly(2023, 1, 1), LastSeen = new DateOnly(2023, 6, 1) },
            new PersonFact { Name = "Marco Valdivia", Code = "PERMIL", Country = "PER", Sector = "MIL", Role = "General", FirstSeen = new DateOnly(2023, 1, 1), LastSeen = new DateOnly(2023, 6, 1) },
        ]);
        var document = Article("z", "Valdivia arrived .", new DateOnly(2023, 3, 1));
        Assert.DoesNotContain(Resolver.Resolve(document, knowledge).Actors, a => a.Code is not null);
        var full = Article("w", "Rosa Valdivia arrived .", new DateOnly(2023, 3, 1));
        Assert.Equal("CHLGOV", Assert.Single(Resolver.Resolve(full, knowledge).Actors).Code);
    }
}
