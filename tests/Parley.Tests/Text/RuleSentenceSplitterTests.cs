using Parley.Model;
using Parley.Processing;
using Parley.Text;

namespace Parley.Tests.Text;

public sealed class RuleSentenceSplitterTests
{
    private static Document Segment(string text, params RemovedSpan[] removed)
    {
        var doc = new Document("d1", text);
        doc.Removed.AddRange(removed);
        var pipeline = Pipeline.Build([new RuleTokenizer(), new RuleSentenceSplitter()]);
        pipeline.Process(doc);
        Assert.False(doc.IsFailed);
        Assert.Empty(DocumentInvariants.Violations(doc));
        return doc;
    }

    private static string Sentences(string text, params RemovedSpan[] removed)
    {
        var doc = Segment(text, removed);
        var parts = new List<string>();
        foreach (var s in doc.Sentences)
        {
            parts.Add(text[s.Start..s.End]);
        }
        return string.Join(" || ", parts);
    }

    [Theory]
    [InlineData("Gen. Milley arrived in the U.S. on Monday. He left on Tuesday.",
        "Gen. Milley arrived in the U.S. on Monday. || He left on Tuesday.")]
    [InlineData("Sanctions hurt the U.S. The Kremlin responded.", "Sanctions hurt the U.S. || The Kremlin responded.")]
    [InlineData("The U.N. Security Council met in Sept. and voted.", "The U.N. Security Council met in Sept. and voted.")]
    [InlineData("She met J. R. R. Tolkien once. He smiled.", "She met J. R. R. Tolkien once. || He smiled.")]
    [InlineData("Shares of Acme Inc. fell. Bonds rose.", "Shares of Acme Inc. fell. || Bonds rose.")]
    [InlineData("They sold grain, oil, etc. The buyers paid.", "They sold grain, oil, etc. || The buyers paid.")]
    public void Decides_abbreviations_by_what_follows(string text, string expected) => Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("\u201CWe will keep talking,\u201D Okafor told CBS. Talks resumed.",
        "\u201CWe will keep talking,\u201D Okafor told CBS. || Talks resumed.")]
    [InlineData("\u201CThis is a war.\u201D He said it twice.", "\u201CThis is a war.\u201D || He said it twice.")]
    [InlineData("\"Why?\" he asked. Nobody answered.", "\"Why?\" he asked. || Nobody answered.")]
    [InlineData("He said \"stop.\" Then he left.", "He said \"stop.\" || Then he left.")]
    [InlineData("(See the map.) Then turn left.", "(See the map.) || Then turn left.")]
    public void Keeps_closing_quotes_with_their_sentence(string text, string expected) => Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Norway's premier meets Macron\nPARIS (AP) \u2014 The leaders met on Monday.",
        "Norway's premier meets Macron || PARIS (AP) \u2014 || The leaders met on Monday.")]
    [InlineData("Friday, January 4, 2019\nThe talks began.", "Friday, January 4, 2019 || The talks began.")]
    [InlineData("First paragraph without a stop\n\nSecond one.", "First paragraph without a stop || Second one.")]
    [InlineData("The minister said\r\nthat talks would go on.", "The minister said || that talks would go on.")]
    [InlineData("Breaking news\n\n\nKyiv, Ukraine \u2014 Sirens sounded.", "Breaking news || Kyiv, Ukraine \u2014 Sirens sounded.")]
    public void Ends_sentences_at_line_breaks(string text, string expected) => Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Wait... then it happened. Really?", "Wait... then it happened. || Really?")]
    [InlineData("He went home. then he slept.", "He went home. || then he slept.")]
    [InlineData("Is it over? no, not yet!", "Is it over? || no, not yet!")]
    [InlineData("1. The price is fixed. 2. The date is not.", "1. The price is fixed. || 2. The date is not.")]
    [InlineData("They waited . . . and waited.", "They waited . . . and waited.")]
    [InlineData("Great news :) Posted by Anna", "Great news :) || Posted by Anna")]
    [InlineData("No final punctuation here", "No final punctuation here")]
    [InlineData("What?! Yes!!! Fine.", "What?! || Yes!!! || Fine.")]
    public void Splits_after_final_punctuation(string text, string expected) => Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Details at http://a.example/x http://b.example/y", "Details at http://a.example/x || http://b.example/y")]
    [InlineData("Dana Lee 03/14/2021 09:12 AM Please sign the memo.", "Dana Lee || 03/14/2021 09:12 AM || Please sign the memo.")]
    [InlineData("We met on 03/14/2021 09:12 AM in Kyiv.", "We met on 03/14/2021 09:12 AM in Kyiv.")]
    [InlineData("Thanks, Dana", "Thanks, || Dana")]
    [InlineData("Best regards, Dana", "Best regards, || Dana")]
    [InlineData("He said thanks, Dana smiled.", "He said thanks, Dana smiled.")]
    [InlineData("See the notes, i.e. The annex.", "See the notes, i.e. The annex.")]
    [InlineData("P.S. Bring the maps.", "P.S. Bring the maps.")]
    [InlineData("End of notice ===== The next item", "End of notice ===== || The next item")]
    [InlineData("KYIV, Ukraine — Sirens sounded at dawn.", "KYIV, Ukraine — || Sirens sounded at dawn.")]
    [InlineData("MOSCOW (AP) -- The talks ended.", "MOSCOW (AP) -- || The talks ended.")]
    [InlineData("BIG MISTAKE - The food was cold.", "BIG MISTAKE - The food was cold.")]
    public void Finds_unpunctuated_boundaries_of_messages(string text, string expected) => Assert.Equal(expected, Sentences(text));

    [Fact]
    public void Never_crosses_a_removed_span()
    {
        const string text = "Kyiv was calm Share this story Talks went on.";
        var removed = new RemovedSpan(14, 31, "boilerplate");
        Assert.Equal("Kyiv was calm || Talks went on.", Sentences(text, removed));
    }

    [Fact]
    public void Gives_every_token_exactly_one_sentence()
    {
        var doc = Segment("One. Two three! \"Four?\" five\n\nsix (seven.) Eight");
        var covered = 0;
        foreach (var s in doc.Sentences)
        {
            Assert.Equal(covered, s.FirstToken);
            Assert.Equal(doc.Tokens[s.FirstToken].Start, s.Start);
            Assert.Equal(doc.Tokens[s.EndToken - 1].End, s.End);
            covered = s.EndToken;
        }
        Assert.Equal(doc.Tokens.Length, covered);
    }

    [Fact]
    public void Stage_declares_itself()
    {
        var stage = new RuleSentenceSplitter();
        Assert.Equal("segment.rules.v1", stage.Name);
        Assert.Equal(Layers.Tokens, stage.Requires);
        Assert.Equal(Layers.Sentences, stage.Provides);
    }

    [Fact]
    public void An_empty_document_has_no_sentences()
    {
        var doc = Segment("  \n\t ");
        Assert.Empty(doc.Tokens);
        Assert.Empty(doc.Sentences);
    }
}
