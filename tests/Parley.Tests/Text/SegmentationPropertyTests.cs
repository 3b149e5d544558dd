using System.Text;
using FsCheck.Xunit;
using Parley.Model;
using Parley.Processing;
using Parley.Text;

namespace Parley.Tests.Text;

public sealed class SegmentationPropertyTests
{
    private static readonly Pipeline Segmenter = Pipeline.Build([new RuleTokenizer(), new RuleSentenceSplitter()]);

    private static void AssertSegmentsCleanly(Document doc)
    {
        Segmenter.Process(doc);
        Assert.False(doc.IsFailed, doc.Diagnostics.Count > 0 ? doc.Diagnostics[^1].Message : "failed");
        Assert.Empty(DocumentInvariants.Violations(doc));
        foreach (var token in doc.Tokens)
        {
            for (var i = token.Start; i < token.End; i++)
            {
                Assert.False(char.IsWhiteSpace(doc.Text[i]), $"token [{token.Start}..{token.End}) holds white space");
            }
        }
    }

    [Property(Arbitrary = [typeof(TextGenerators)], MaxTest = 500)]
    public void Any_text_segments_without_breaking_invariants(string text) =>
        AssertSegmentsCleanly(new Document("random", text));

    [Property(Arbitrary = [typeof(TextGenerators)], MaxTest = 500)]
    public void Any_removed_spans_are_respected(Document doc) => AssertSegmentsCleanly(doc);

    [Property(Arbitrary = [typeof(TextGenerators)], MaxTest = 200)]
    public void Tokenizing_is_deterministic_and_region_local(string text)
    {
        var whole = EwtTokenizer.Default.Tokenize(text);
        Assert.Equal(whole, EwtTokenizer.Default.Tokenize(text));
        // Splitting the text at a line break gives the same tokens as tokenizing it whole,
        // because no token spans a separator.
        var cut = text.IndexOf('\n', StringComparison.Ordinal);
        if (cut < 0)
        {
            return;
        }
        var parts = new List<Token>();
        EwtTokenizer.Default.Tokenize(text, 0, cut, parts);
        EwtTokenizer.Default.Tokenize(text, cut + 1, text.Length, parts);
        Assert.Equal(whole, parts.ToArray());
    }

    public static TheoryData<string> MegabyteLines() => new()
    {
        "a", "a.", "U.", "1-", "1,", "1/", "'", "’s", "e-", ".", "x@", "\uD800", "\uD83D\uDE00", ":)", "No. ", "http://", "#a", "a'",
    };

    [Theory]
    [MemberData(nameof(MegabyteLines))]
    public void A_one_megabyte_line_segments_in_linear_time(string unit)
    {
        var text = new StringBuilder(1 << 20);
        while (text.Length < 1 << 20)
        {
            text.Append(unit);
        }
        var doc = new Document("big", text.ToString());
        // Quadratic behaviour would show as a test that takes minutes; speed itself is a benchmark figure.
        AssertSegmentsCleanly(doc);
    }
}
