using Parley.Model;

namespace Parley.Tests.Model;

public sealed class DocumentInvariantsTests
{
    // "Kyiv was calm. Talks went on." tokenized by hand.
    private static Document Valid()
    {
        var doc = new Document("d1", "Kyiv was calm. Talks went on.");
        doc.Tokens = [new(0, 4), new(5, 8), new(9, 13), new(13, 14), new(15, 20), new(21, 25), new(26, 28), new(28, 29)];
        doc.Sentences = [new(0, 14, 0, 4), new(15, 29, 4, 4)];
        return doc;
    }

    private static void AssertViolation(Document doc, string fragment)
    {
        var violations = DocumentInvariants.Violations(doc);
        Assert.Contains(violations, v => v.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public void A_consistent_document_has_no_violations()
    {
        Assert.Empty(DocumentInvariants.Violations(Valid()));
        Assert.Empty(DocumentInvariants.Violations(new Document("empty", "")));
    }

    [Fact]
    public void Reports_tokens_outside_the_text_or_empty()
    {
        var doc = Valid();
        doc.Tokens[7] = new Token(28, 40);
        AssertViolation(doc, "token 7 [28..40) is empty or outside the text");
        doc.Tokens[7] = new Token(28, 28);
        AssertViolation(doc, "token 7 [28..28) is empty");
    }

    [Fact]
    public void Reports_overlapping_or_unordered_tokens()
    {
        var doc = Valid();
        doc.Tokens[1] = new Token(3, 8);
        AssertViolation(doc, "token 1 [3..8) starts before token 0 ends");
    }

    [Fact]
    public void Reports_a_token_inside_a_removed_span()
    {
        var doc = Valid();
        doc.Removed.Add(new RemovedSpan(6, 7, "boilerplate"));
        AssertViolation(doc, "token 1 [5..8) overlaps a removed span");
    }

    [Fact]
    public void Reports_removed_spans_outside_the_text()
    {
        var doc = Valid();
        doc.Removed.Add(new RemovedSpan(20, 99, "boilerplate"));
        AssertViolation(doc, "removed[0] [20..99) is not a span of the text");
    }

    [Fact]
    public void Reports_sentences_that_do_not_cover_the_tokens()
    {
        var doc = Valid();
        doc.Sentences = [new(0, 14, 0, 4)];
        AssertViolation(doc, "sentences cover tokens [0..4) but there are 8 tokens");

        doc.Sentences = [new(0, 14, 0, 4), new(21, 29, 5, 3)];
        AssertViolation(doc, "sentence 1 starts at token 5, expected 4");

        doc.Sentences = [new(0, 13, 0, 4), new(15, 29, 4, 4)];
        AssertViolation(doc, "sentence 0 [0..13) does not run from its first token's start");
    }

    [Fact]
    public void Reports_tokens_without_sentences_once_the_layer_is_claimed()
    {
        var doc = Valid();
        doc.Sentences = [];
        Assert.Empty(DocumentInvariants.Violations(doc));
        doc.AddLayers(Layers.Sentences);
        AssertViolation(doc, "8 tokens but no sentences");
    }

    [Fact]
    public void Reports_entities_off_token_boundaries()
    {
        var doc = Valid();
        doc.Entities = [new EntityMention(0, 3, 0, 1, EntityType.Location)];
        AssertViolation(doc, "entity 0 [0..3) is not on the boundaries of its tokens");
        doc.Entities = [new EntityMention(0, 4, 7, 3, EntityType.Location)];
        AssertViolation(doc, "entity 0 tokens [7..10) are not a token range");
    }

    [Fact]
    public void Reports_analyses_that_do_not_run_parallel_to_tokens()
    {
        var doc = Valid();
        doc.Analyses = [new TokenAnalysis("PROPN", "NNP", "Kyiv", -1, "root")];
        AssertViolation(doc, "there are 1 analyses for 8 tokens");
    }

    [Fact]
    public void Reports_events_whose_actors_do_not_exist_and_spans_outside_the_text()
    {
        var doc = Valid();
        doc.Actors.Add(new Actor { Id = "a1", Name = "Kyiv", Mentions = [new Mention(0, 4, "Kyiv")] });
        doc.Events.Add(new CodedEvent
        {
            Id = "e1", Code = "036", Name = "Express intent to meet or negotiate", Root = "03", Rule = "test",
            Sentence = 1, Trigger = new Mention(15, 20, "Talks"),
            Source = new EventArgument("a1", null, 0, 4, "Kyiv"),
            Target = new EventArgument("a9", null, 0, 4, "Kyiv"),
        });
        AssertViolation(doc, "the target of event e1 is actor 'a9', which is not among the actors");
        Assert.DoesNotContain(DocumentInvariants.Violations(doc), v => v.Contains("source", StringComparison.Ordinal));

        doc.Quotes.Add(new Quote { Id = "q1", Start = 10, End = 90, Text = "…", Kind = "direct" });
        AssertViolation(doc, "quote q1 [10..90) is not a span of the text");
        doc.Times.Add(new TimeExpression(-1, 3, "Kyi", null, "day"));
        AssertViolation(doc, "time expression 'Kyi' [-1..3)");
        doc.Places.Add(new Place { Id = "p1", Name = "Kyiv", Kind = "city", Mentions = [new Mention(0, 31, "Kyiv")] });
        AssertViolation(doc, "a mention of place p1 [0..31)");
    }

    [Fact]
    public void Keeps_the_report_short_for_a_badly_broken_document()
    {
        var doc = new Document("d1", "abc");
        doc.Tokens = new Token[10_000];
        Assert.InRange(DocumentInvariants.Violations(doc).Count, 1, 60);
    }
}
