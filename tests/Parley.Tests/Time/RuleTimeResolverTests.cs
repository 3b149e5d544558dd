using Parley.Diagnostics;
using Parley.Model;
using Parley.Time;

namespace Parley.Tests.Time;

public sealed class RuleTimeResolverTests
{
    // Wednesday.
    private static readonly DateOnly Published = new(2023, 3, 15);

    private static TimeExpression Single(string text, DateOnly? published, string expression)
    {
        var document = TestDocuments.Run(text, published, new RuleTimeResolver());
        return Assert.Single(document.Times, t => t.Text == expression);
    }

    [Theory]
    [InlineData("The ferry sank on 3 February 2021.", "3 February 2021", "2021-02-03", "day")]
    [InlineData("The ferry sank on Feb. 3, 2021.", "Feb. 3, 2021", "2021-02-03", "day")]
    [InlineData("The ferry sank on Sep 9 2021.", "Sep 9 2021", "2021-09-09", "day")]
    [InlineData("The ferry was registered on 2019-07-30.", "2019-07-30", "2019-07-30", "day")]
    [InlineData("The port closed in October 2020.", "October 2020", "2020-10", "month")]
    [InlineData("The port closed in 2017 after a storm.", "2017", "2017", "year")]
    [InlineData("The harbour master resigned on March 2nd.", "March 2nd", "2023-03-02", "day")]
    [InlineData("The harbour master resigned in January.", "January", "2023-01", "month")]
    public void Resolves_absolute_and_yearless_dates(string text, string expression, string value, string precision)
    {
        var time = Single(text, Published, expression);
        Assert.Equal(value, time.Value);
        Assert.Equal(precision, time.Precision);
    }

    [Theory]
    [InlineData("The mayor spoke yesterday.", "yesterday", "2023-03-14")]
    [InlineData("The mayor speaks today.", "today", "2023-03-15")]
    [InlineData("The mayor will speak tomorrow.", "tomorrow", "2023-03-16")]
    [InlineData("The mayor resigned two days ago.", "two days ago", "2023-03-13")]
    [InlineData("The mayor resigned three weeks ago.", "three weeks ago", "2023-02-22")]
    [InlineData("The mayor resigned last month.", "last month", "2023-02")]
    [InlineData("The mayor resigned earlier this month.", "earlier this month", "2023-03")]
    [InlineData("The mayor will resign next year.", "next year", "2024")]
    [InlineData("The mayor resigned this morning.", "this morning", "2023-03-15")]
    public void Resolves_expressions_relative_to_publication(string text, string expression, string value)
    {
        Assert.Equal(value, Single(text, Published, expression).Value);
    }

    [Fact]
    public void A_weekday_in_past_reporting_is_the_most_recent_one()
    {
        // Published on a Wednesday: "Sunday" three days earlier.
        Assert.Equal("2023-03-12", Single("The council voted on Sunday.", Published, "Sunday").Value);
    }

    [Fact]
    public void A_weekday_in_future_reporting_is_the_next_one()
    {
        Assert.Equal("2023-03-17", Single("The council will vote on Friday.", Published, "Friday").Value);
        Assert.Equal("2023-03-17", Single("The council is to vote on Friday night.", Published, "Friday night").Value);
    }

    [Fact]
    public void The_weekday_of_publication_is_that_same_day()
    {
        Assert.Equal("2023-03-15", Single("The council met on Wednesday.", Published, "Wednesday").Value);
        Assert.Equal("2023-03-08", Single("The council met last Wednesday.", Published, "last Wednesday").Value);
    }

    [Fact]
    public void A_parse_gives_the_tense_of_the_governing_verb_when_cues_are_out_of_reach()
    {
        // The comma ends the clause the cue search looks at, so without a parse "Friday" reads as past;
        // the parse attaches it to "return", whose auxiliary is "will".
        const string text = "Friday, the ferry that sailed will return.";
        var withoutParse = Single(text, Published, "Friday");
        Assert.Equal("2023-03-10", withoutParse.Value);

        var document = new Document("t", text) { Published = Published };
        foreach (var s in new Parley.Processing.IStage[] { new Parley.Text.RuleTokenizer(), new Parley.Text.RuleSentenceSplitter() })
        {
            s.Process(document, new Parley.Processing.StageContext(document, s.Name));
        }
        Assert.Equal(9, document.Tokens.Length);
        document.Analyses =
        [
            new("PROPN", "NNP", "Friday", 7, "obl"),
            new("PUNCT", ",", ",", 7, "punct"),
            new("DET", "DT", "the", 3, "det"),
            new("NOUN", "NN", "ferry", 7, "nsubj"),
            new("PRON", "WDT", "that", 5, "nsubj"),
            new("VERB", "VBD", "sail", 3, "acl:relcl"),
            new("AUX", "MD", "will", 7, "aux"),
            new("VERB", "VB", "return", -1, "root"),
            new("PUNCT", ".", ".", 7, "punct"),
        ];
        new RuleTimeResolver().Process(document, new Parley.Processing.StageContext(document, RuleTimeResolver.StageName));
        Assert.Equal("2023-03-17", Assert.Single(document.Times).Value);
        Assert.Empty(DocumentInvariants.Violations(document));
    }

    [Fact]
    public void A_late_December_date_read_in_early_January_is_last_year()
    {
        var time = Single("The dam burst on December 30, flooding two villages.", new DateOnly(2024, 1, 3), "December 30");
        Assert.Equal("2023-12-30", time.Value);
    }

    [Fact]
    public void An_early_January_date_announced_in_December_is_next_year()
    {
        var time = Single("The bridge will reopen on January 4.", new DateOnly(2023, 12, 20), "January 4");
        Assert.Equal("2024-01-04", time.Value);
    }

    [Theory]
    [InlineData("Theresa May met the envoy in the capital.")]
    [InlineData("May I ask what the envoy wanted?")]
    [InlineData("Thousands joined a march on the capital.")]
    [InlineData("The Sunday Times published the envoy's letter.")]
    [InlineData("Shops opened early for Black Friday.")]
    [InlineData("Some 2000 people joined the protest.")]
    [InlineData("Prices fell sharply in the 1990s.")]
    public void Leaves_words_that_only_look_like_dates(string text)
    {
        var document = TestDocuments.Run(text, Published, new RuleTimeResolver());
        Assert.Empty(document.Times);
    }

    [Fact]
    public void May_and_March_with_a_date_context_are_months()
    {
        var document = TestDocuments.Run("Talks stalled in May and resumed on March 3.", Published, new RuleTimeResolver());
        Assert.Equal(["May", "March 3"], document.Times.Select(t => t.Text));
    }

    [Fact]
    public void Without_a_publication_date_relative_expressions_stay_unresolved_with_a_warning()
    {
        var document = TestDocuments.Run("The governor resigned on Tuesday, and elections follow in 2025.", null, new RuleTimeResolver());
        var tuesday = Assert.Single(document.Times, t => t.Text == "Tuesday");
        Assert.Null(tuesday.Value);
        Assert.Equal("2025", Assert.Single(document.Times, t => t.Text == "2025").Value);
        var warning = Assert.Single(document.Diagnostics);
        Assert.Equal(DiagnosticCodes.UnresolvedRelativeTime, warning.Code);
        Assert.Equal(tuesday.Start, warning.Start);
    }

    [Fact]
    public void A_dateline_stands_in_for_a_missing_publication_date()
    {
        var text = "Harbour reopens after storm\n\nMonday, October 7, 2019\n\nThe harbour reopened on Saturday after repairs.";
        var document = TestDocuments.Run(text, null, new RuleTimeResolver());
        Assert.Equal("2019-10-07", Assert.Single(document.Times, t => t.Text == "Monday, October 7, 2019").Value);
        Assert.Equal("2019-10-05", Assert.Single(document.Times, t => t.Text == "Saturday").Value);
        Assert.Empty(document.Diagnostics);
    }

    [Fact]
    public void Declares_its_layers()
    {
        var stage = new RuleTimeResolver();
        Assert.Equal("times.v1", stage.Name);
        Assert.Equal(Layers.Tokens | Layers.Sentences, stage.Requires);
        Assert.Equal(Layers.Times, stage.Provides);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Meets_the_value_target_on_GUM_Wikinews_when_the_gold_is_present()
    {
        var shared = TestDocuments.SharedFolder();
        var folder = shared is null ? null : Path.Combine(shared, "gold", "gum-wikinews", "xml");
        if (folder is null || !Directory.Exists(folder))
        {
            return; // The gold lives outside the repository; without it there is nothing to measure.
        }
        var scores = TimeEvaluator.Evaluate(folder);
        Assert.True(scores.ValueAccuracy >= 0.90, scores.Format());
        Assert.True(scores.ValueSpanRecall >= 0.85, scores.Format());
    }
}
