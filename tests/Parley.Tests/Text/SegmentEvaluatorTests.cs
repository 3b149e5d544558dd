using Parley.Text;

namespace Parley.Tests.Text;

public sealed class SegmentEvaluatorTests
{
    // Two paragraphs; "don't" is a multiword token; the second sentence of the first paragraph
    // has no final punctuation.
    private const string Gold = """
        # newdoc id = d1
        # newpar
        # text = I don't know.
        2-3	don't	_	_	_	_	_	_	_	_
        1	I	I	PRON	PRP	_	2	nsubj	_	_
        2	do	do	AUX	VBP	_	4	aux	_	_
        3	n't	not	PART	RB	_	4	advmod	_	_
        4	know	know	VERB	VB	_	0	root	_	SpaceAfter=No
        5	.	.	PUNCT	.	_	4	punct	_	_

        # text = Maybe later
        1	Maybe	maybe	ADV	RB	_	2	advmod	_	_
        2	later	later	ADV	RB	_	0	root	_	_

        # newpar
        # text = Call me.
        1	Call	call	VERB	VB	_	0	root	_	_
        2	me	I	PRON	PRP	_	1	obj	_	SpaceAfter=No
        3	.	.	PUNCT	.	_	1	punct	_	_

        """;

    [Fact]
    public void Rebuilds_the_raw_text_as_the_shared_task_did()
    {
        var gold = SegmentEvaluator.Rebuild(new StringReader(Fixed(Gold)));
        Assert.Equal("I don't know. Maybe later\n\nCall me.", gold.Text);
        Assert.Equal(9, gold.Tokens.Count);
        Assert.Equal(10, gold.Words.Count);
        Assert.Equal(3, gold.Sentences.Count);
        Assert.Equal("do", gold.Text[gold.Words[1].Start..gold.Words[1].End]);
        Assert.Equal("n't", gold.Text[gold.Words[2].Start..gold.Words[2].End]);
        Assert.Equal("don't", gold.Text[gold.Tokens[1].Start..gold.Tokens[1].End]);
    }

    [Fact]
    public void Scores_exact_span_matches()
    {
        var scores = SegmentEvaluator.Evaluate(new StringReader(Fixed(Gold)), "inline", EwtTokenizer.Default, EwtSentenceSplitter.Default);
        Assert.Equal(9, scores.CorrectTokens);
        Assert.Equal(1.0, scores.TokenF1, 6);
        Assert.Equal(1.0, scores.WordF1, 6);
        // "Maybe later" has no final punctuation but ends its paragraph, so all three are found.
        Assert.Equal(3, scores.GoldSentences);
        Assert.Equal(3, scores.CorrectSentences);
        Assert.Contains("sentences", scores.Format(), StringComparison.Ordinal);
        Assert.Contains("tokens/s", scores.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Scores_are_zero_not_NaN_when_nothing_was_produced()
    {
        var scores = new SegmentScores("x", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        Assert.Equal(0, scores.TokenF1);
        Assert.Equal(0, scores.SentencePrecision);
        Assert.Equal(0, scores.TokensPerSecond);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Meets_the_targets_on_the_EWT_test_file_when_the_corpus_is_present()
    {
        var path = Path.Combine(SharedFolder(), "corpora", "ud-english-ewt", "en_ewt-ud-test.conllu");
        if (!File.Exists(path))
        {
            return; // The corpus lives outside the repository; without it there is nothing to measure.
        }
        var scores = SegmentEvaluator.Evaluate(path);
        Assert.True(scores.TokenF1 >= 0.985, scores.Format());
        Assert.True(scores.SentenceF1 >= 0.80, scores.Format());
    }

    // CoNLL-U lines end in "\n"; a checkout with CRLF line endings must not change the data.
    private static string Fixed(string conllu) => conllu.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string SharedFolder()
    {
        var configured = Environment.GetEnvironmentVariable("PARLEY_SHARED");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }
        // Default: ../shared next to the repository root (the folder holding Parley.slnx).
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.Parent is null ? "shared" : Path.Combine(dir.Parent.FullName, "shared");
    }
}
