using Parley.Diagnostics;
using Parley.Model;
using Parley.Processing;
using Parley.Tests.Events;
using Parley.Quotes;
using Parley.Tests.Time;

namespace Parley.Tests.Quotes;

public sealed class QuoteAttributorTests
{
    private static Document Run(string text) => TestDocuments.Run(text, null, new QuoteAttributor());

    [Fact]
    public void Attributes_a_quote_to_the_subject_after_it()
    {
        var q = Assert.Single(Run("“The bridge is safe,” engineer Maria Lopes said on Monday.").Quotes);
        Assert.Equal("The bridge is safe", q.Text);
        Assert.Equal("direct", q.Kind);
        Assert.Equal("Maria Lopes", q.SpeakerText);
        Assert.Equal("said", q.Cue);
    }

    [Fact]
    public void Attributes_a_quote_to_the_subject_before_a_colon()
    {
        var q = Assert.Single(Run("The harbour master warned: \"Nobody should sail tonight.\"").Quotes);
        Assert.Equal("Nobody should sail tonight.", q.Text);
        Assert.Equal("The harbour master", q.SpeakerText);
        Assert.Equal("warned", q.Cue);
    }

    [Fact]
    public void A_quote_with_the_speaker_inside_gives_both_halves_to_that_speaker()
    {
        var quotes = Run("“We were lucky,” said Tomas Berg, a fisherman from the island, “because the wind dropped.”").Quotes;
        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("Tomas Berg", q.SpeakerText));
        Assert.Equal("because the wind dropped.", quotes[1].Text);
    }

    [Fact]
    public void A_continuation_paragraph_keeps_the_speaker()
    {
        var text = "“The levee held for six hours,” said Ana Ruiz, the county engineer.\n“After that, the water simply went around it.”";
        var quotes = Run(text).Quotes;
        Assert.Equal(2, quotes.Count);
        Assert.Equal("Ana Ruiz", quotes[1].SpeakerText);
        Assert.Equal("direct", quotes[1].Kind);
    }

    [Fact]
    public void A_paragraph_that_leaves_its_quote_open_continues_into_the_next()
    {
        var text = "Director Lena Holm said: “The museum will close for a year.\n“We will reopen with a new wing.”";
        var quotes = Run(text).Quotes;
        Assert.Equal(2, quotes.Count);
        Assert.Equal("The museum will close for a year.", quotes[0].Text);
        Assert.Equal("We will reopen with a new wing.", quotes[1].Text);
        Assert.All(quotes, q => Assert.Equal("Lena Holm", q.SpeakerText));
    }

    [Fact]
    public void A_fragment_inside_the_sentence_is_a_partial_quote()
    {
        var q = Assert.Single(Run("The governor said the budget was “dead on arrival” and left.").Quotes, q => q.Kind == "partial");
        Assert.Equal("dead on arrival", q.Text);
        Assert.Equal("The governor", q.SpeakerText);
    }

    [Fact]
    public void A_pronoun_speaker_resolves_to_the_recent_named_subject()
    {
        var text = "Finance Minister Olga Petrova met the lenders in Paris. She told reporters that the deal “is nearly done.”";
        var q = Assert.Single(Run(text).Quotes, q => q.Kind == "partial");
        Assert.Equal("Olga Petrova", q.SpeakerText);
        Assert.Equal("told", q.Cue);
    }

    [Fact]
    public void A_bracket_insertion_stays_inside_the_quote()
    {
        var q = Assert.Single(Run("“[The mayor] knew about the cracks,” the inspector said.").Quotes);
        Assert.Equal("[The mayor] knew about the cracks", q.Text);
        Assert.Equal("the inspector", q.SpeakerText);
    }

    [Fact]
    public void Finds_indirect_speech()
    {
        var quotes = Run("Officials said the road would stay closed until spring.").Quotes;
        var q = Assert.Single(quotes);
        Assert.Equal("indirect", q.Kind);
        Assert.Equal("the road would stay closed until spring", q.Text);
        Assert.Equal("Officials", q.SpeakerText);

        var according = Assert.Single(Run("According to the coast guard, four sailors are missing.").Quotes);
        Assert.Equal("four sailors are missing", according.Text);
        Assert.Equal("the coast guard", according.SpeakerText);
        Assert.Equal("according to", according.Cue);
    }

    [Fact]
    public void A_quote_without_a_speaker_is_kept_with_a_warning()
    {
        var document = Run("The sign at the gate showed \"Keep out\" in red paint.\n\"Nobody listens to signs.\"");
        var q = Assert.Single(document.Quotes);
        Assert.Null(q.Speaker);
        Assert.Null(q.SpeakerText);
        Assert.Equal(DiagnosticCodes.QuoteWithoutSpeaker, Assert.Single(document.Diagnostics).Code);
    }

    [Fact]
    public void Short_scare_quotes_are_not_quotations()
    {
        Assert.Empty(Run("The team named its robot \"Hope\" before the contest.").Quotes);
    }

    [Fact]
    public void Uses_an_actor_mention_for_the_speaker_id()
    {
        var document = new Document("t", "“We won,” Jan Novak said.");
        document.Actors.Add(new Actor { Id = "a7", Name = "Jan Novak", Mentions = [new Mention(10, 19, "Jan Novak")] });
        foreach (var s in new Parley.Processing.IStage[] { new Parley.Text.RuleTokenizer(), new Parley.Text.RuleSentenceSplitter(), new QuoteAttributor() })
        {
            s.Process(document, new Parley.Processing.StageContext(document, s.Name));
        }
        Assert.Equal("a7", Assert.Single(document.Quotes).Speaker);
    }

    [Fact]
    public void The_subject_before_an_apposition_is_the_speaker()
    {
        var q = Assert.Single(Run("Karin Olsen, head of the pilots' union, said: “We will not fly these planes.”").Quotes);
        Assert.Equal("Karin Olsen", q.SpeakerText);
    }

    [Fact]
    public void Coreference_on_the_pronoun_beats_the_salience_guess()
    {
        const string text = "Minister Rui Costa met Judge Ana Lima. She said the ruling “stands as written.”";
        var document = new Document("t", text);
        var she = text.IndexOf("She", StringComparison.Ordinal);
        document.Actors.Add(new Actor { Id = "a1", Name = "Rui Costa", Mentions = [new Mention(9, 18, "Rui Costa")] });
        document.Actors.Add(new Actor { Id = "a2", Name = "Ana Lima", Mentions = [new Mention(29, 37, "Ana Lima"), new Mention(she, she + 3, "She")] });
        foreach (var s in new Parley.Processing.IStage[] { new Parley.Text.RuleTokenizer(), new Parley.Text.RuleSentenceSplitter(), new QuoteAttributor() })
        {
            s.Process(document, new Parley.Processing.StageContext(document, s.Name));
        }
        var q = Assert.Single(document.Quotes, q => q.Kind == "partial");
        Assert.Equal("a2", q.Speaker);
        Assert.Equal("Ana Lima", q.SpeakerText);
    }

    [Fact]
    public void A_word_quoted_after_called_and_an_object_is_a_partial_quote()
    {
        var q = Assert.Single(Run("Mayor Ines Duarte called the new toll “unfair” in her speech.").Quotes);
        Assert.Equal("unfair", q.Text);
        Assert.Equal("partial", q.Kind);
        Assert.Equal("Ines Duarte", q.SpeakerText);
    }

    [Fact]
    public void A_name_right_after_called_is_not_a_quote()
    {
        Assert.Empty(Run("The gallery showed a print called “Harbour Lights” from 1979.").Quotes);
    }

    [Fact]
    public void A_pull_quote_ending_in_a_name_and_title_is_that_person_s_words()
    {
        var text = "The dam was finished on Friday.\n\nWe built it in two dry summers. The river will not flood the valley again. Marta Kowal, Chief Engineer";
        var q = Assert.Single(Run(text).Quotes);
        Assert.Equal("We built it in two dry summers. The river will not flood the valley again.", q.Text);
        Assert.Equal("direct", q.Kind);
        Assert.Equal("Marta Kowal", q.SpeakerText);
    }

    [Fact]
    public void A_pull_quote_may_name_its_speaker_after_a_dash()
    {
        var q = Assert.Single(Run("Every child in the district deserves a library card. — Omar Haddad").Quotes);
        Assert.Equal("Every child in the district deserves a library card.", q.Text);
        Assert.Equal("Omar Haddad", q.SpeakerText);
    }

    [Theory]
    [InlineData("Fishing boats wait out the storm in the harbour. Tromso, Norway")]
    [InlineData("Visitors crowd the new gallery on its first day. Image: Lucia Brandt")]
    [InlineData("The ferry was late again this morning. Reporting by Karl Dunn, Lisbon")]
    [InlineData("The council will vote on the budget next week.")]
    [InlineData("He left the union in the spring. Eventually, Novak joined the Farmers Party and rose to the rank of deputy chairman")]
    public void A_caption_without_an_attribution_line_is_no_quote(string text)
    {
        Assert.Empty(Run(text).Quotes);
    }

    [Fact]
    public void Declares_its_layers()
    {
        var stage = new QuoteAttributor();
        Assert.Equal("quotes.v1", stage.Name);
        Assert.Equal(Layers.Tokens | Layers.Sentences, stage.Requires);
        Assert.Equal(Layers.Quotes, stage.Provides);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Scores_GUM_Wikinews_when_the_gold_is_present()
    {
        var shared = TestDocuments.SharedFolder();
        var folder = shared is null ? null : Path.Combine(shared, "gold", "gum-wikinews", "xml");
        if (folder is null || !Directory.Exists(folder))
        {
            return; // The gold lives outside the repository; without it there is nothing to measure.
        }
        var annotated = QuoteEvaluator.Evaluate(folder, annotatedOnly: true);
        // Measured floors (exact F1 91.4 %, overlap F1 93.4 % when last measured; the goal is 90 % exact):
        // the evaluator's error list says what is left.
        Assert.True(annotated.F1 >= 0.90, annotated.Format());
        Assert.True(annotated.OverlapF1 >= 0.88, annotated.Format());
        var all = QuoteEvaluator.Evaluate(folder);
        Assert.True(all.Recall >= 0.85, all.Format());
    }

    [Fact]
    public void A_quote_that_ends_its_sentence_takes_no_cue_from_the_next_one()
    {
        var quotes = Run("The mayor called the plan a \"reckless gamble.\" A week later the council announced a vote.").Quotes;
        var q = Assert.Single(quotes);
        Assert.Equal("The mayor", q.SpeakerText);
        Assert.Equal("called", q.Cue);
    }

    [Fact]
    public void A_cue_after_an_exclamation_in_marks_still_attributes_it()
    {
        var q = Assert.Single(Run("\"Nothing will stop us!\" Berg told reporters.").Quotes);
        Assert.Equal("Berg", q.SpeakerText);
    }

    [Fact]
    public void A_possessive_is_not_a_quotation_mark()
    {
        var q = Assert.Single(Run("Dara Lind called her brother's plan a \"reckless gamble\".").Quotes);
        Assert.Equal("Dara Lind", q.SpeakerText);
    }

    [Theory]
    [InlineData("The mayor of Vell, Ona Berg, said, \"We will rebuild.\"", "Ona Berg")]
    [InlineData("Dara's father, Teo Lind, said on radio, \"She did nothing wrong.\"", "Teo Lind")]
    [InlineData("Lind's wife Mara Lind, also a doctor, said, \"He was calm.\"", "Mara Lind")]
    [InlineData("The Kallia Courier, founded in March, wrote, \"Costs must fall.\"", "Kallia Courier")]
    [InlineData("Senator Ivo Stan of Kallia said, \"The bill is dead.\"", "Ivo Stan")]
    [InlineData("The Bank of Kallia said, \"Rates will rise.\"", "Bank of Kallia")]
    [InlineData("Secretary of State Mara Ost said, \"The border is open.\"", "Mara Ost")]
    public void The_speaker_is_the_name_in_an_apposition_to_a_description_or_before_of(string text, string speaker)
    {
        var q = Assert.Single(Run(text).Quotes);
        Assert.Equal(speaker, q.SpeakerText);
    }

    [Fact]
    public void Words_in_marks_after_the_word_words_are_mentioned_not_said()
    {
        Assert.Empty(Run("The ministry renamed the office, adding the words \"and Ports\" to its name.").Quotes);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void A_participle_cue_quotes_the_subject_of_its_clause_through_the_standard_pipeline()
    {
        var stages = StandardStages.Create(CameoOntologyTests.DataDirectory);
        if (stages.Missing.Count > 0)
        {
            return; // The models ship in data/; without them there is no parse to follow.
        }
        var cases = new (string Text, string? Speaker)[]
        {
            ("The court rejected the appeal on Friday, saying its reasons were \"contrived.\"", "The court"),
            ("Governor Ana Ruiz praised the crews, adding, \"They saved the town.\"", "Ana Ruiz"),
            ("Ana Ruiz said the vote was unfair, adding that it was \"a stitch-up.\"", "Ana Ruiz"),
            ("Protesters carried a banner saying \"united we stand\" through the square.", null),
        };
        var failures = new List<string>();
        foreach (var (text, speaker) in cases)
        {
            var doc = new Document("own", text);
            stages.Pipeline.Process(doc);
            var got = doc.Quotes.Count == 0 ? null : doc.Quotes[0].SpeakerText;
            if (got != speaker)
            {
                failures.Add($"{text} -> {got ?? "(none)"}, expected {speaker ?? "(none)"}");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
