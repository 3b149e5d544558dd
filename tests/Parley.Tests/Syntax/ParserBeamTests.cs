using Parley.Model;
using Parley.Syntax;

namespace Parley.Tests.Syntax;

public sealed class ParserBeamTests
{
    // Sentences none of the sample treebanks hold, so a model trained on them has to guess.
    private const string Unseen = """
        # sent_id = u1
        1	Farmers	farmer	NOUN	NNS	_	2	nsubj	_	_
        2	blocked	block	VERB	VBD	_	0	root	_	_
        3	the	the	DET	DT	_	4	det	_	_
        4	highway	highway	NOUN	NN	_	2	obj	_	_
        5	outside	outside	ADP	IN	_	7	case	_	_
        6	the	the	DET	DT	_	7	det	_	_
        7	port	port	NOUN	NN	_	2	obl	_	SpaceAfter=No
        8	.	.	PUNCT	.	_	2	punct	_	_

        # sent_id = u2
        1	The	the	DET	DT	_	2	det	_	_
        2	mayor	mayor	NOUN	NN	_	3	nsubj	_	_
        3	promised	promise	VERB	VBD	_	0	root	_	_
        4	that	that	SCONJ	IN	_	7	mark	_	_
        5	the	the	DET	DT	_	6	det	_	_
        6	bridge	bridge	NOUN	NN	_	7	nsubj	_	_
        7	reopens	reopen	VERB	VBZ	_	3	ccomp	_	_
        8	in	in	ADP	IN	_	9	case	_	_
        9	spring	spring	NOUN	NN	_	7	obl	_	_
        10	and	and	CCONJ	CC	_	12	cc	_	_
        11	workers	worker	NOUN	NNS	_	12	nsubj	_	_
        12	return	return	VERB	VBP	_	7	conj	_	SpaceAfter=No
        13	.	.	PUNCT	.	_	3	punct	_	_

        # sent_id = u3
        1	Talks	talk	NOUN	NNS	_	3	nsubj:pass	_	_
        2	were	be	AUX	VBD	_	3	aux:pass	_	_
        3	postponed	postpone	VERB	VBN	_	0	root	_	_
        4	by	by	ADP	IN	_	6	case	_	_
        5	both	both	DET	DT	_	6	det	_	_
        6	sides	side	NOUN	NNS	_	3	obl:agent	_	_
        7	after	after	ADP	IN	_	9	case	_	_
        8	a	a	DET	DT	_	9	det	_	_
        9	dispute	dispute	NOUN	NN	_	3	obl	_	_
        10	over	over	ADP	IN	_	11	case	_	_
        11	fees	fee	NOUN	NNS	_	9	nmod	_	SpaceAfter=No
        12	.	.	PUNCT	.	_	3	punct	_	_

        # sent_id = u4
        1	Quiet	quiet	ADJ	JJ	_	0	root	_	_

        """;

    private static readonly Lazy<ParserModel> BeamModel = new(() => TrainBeam(epochs: 8, seed: 7));

    [Fact]
    public void Beam_of_width_one_takes_the_greedy_parsers_actions()
    {
        // An undertrained model makes mistakes and has close scores: where beam and greedy could differ.
        var models = new List<ParserModel> { ParserSamples.Train(epochs: 1, seed: 5), ParserSamples.Train(epochs: 3, seed: 2) };
        var shipped = TestPaths.File("data/models/" + ParserTrainer.ModelFileName);
        // The shipped parser too when it scores with feature weights (a neural parser has no beam).
        if (File.Exists(shipped) && ParserModel.Load(shipped) is { IsNeural: false } weights)
        {
            models.Add(weights.WithBeamWidth(1));
        }
        var sentences = Sentences(Unseen);
        sentences.AddRange(ParserSamples.Sentences());
        foreach (var model in models)
        {
            var greedy = new ParserScratch();
            var beam = new ParserScratch();
            foreach (var sentence in sentences)
            {
                Fill(model, greedy, sentence);
                model.Run(greedy);
                Fill(model, beam, sentence);
                model.Search(beam, 1);
                model.Complete(beam);
                var n = sentence.Words.Count;
                Assert.Equal(greedy.State.Head.AsSpan(1, n).ToArray(), beam.State.Head.AsSpan(1, n).ToArray());
                Assert.Equal(greedy.State.Label.AsSpan(1, n).ToArray(), beam.State.Label.AsSpan(1, n).ToArray());
            }
        }
    }

    [Fact]
    public void Beam_training_fits_the_invented_treebank_and_restores_the_non_projective_arc()
    {
        var sentences = ParserSamples.Sentences();
        var document = ConlluDocuments.ToDocument("samples", sentences);
        ParserEvaluation.FillGoldTags(document, sentences);
        Assert.Equal(4, BeamModel.Value.BeamWidth);
        BeamModel.Value.Parse(document);
        var evaluation = new ParserEvaluation();
        evaluation.Add(document, sentences);
        Assert.Equal(100.0, evaluation.Uas);
        Assert.Equal(100.0, evaluation.FullLas);
    }

    [Fact]
    public void Beam_parses_unseen_sentences_into_well_formed_trees()
    {
        var sentences = Sentences(Unseen);
        var document = ConlluDocuments.ToDocument("unseen", sentences);
        ParserEvaluation.FillGoldTags(document, sentences);
        BeamModel.Value.Parse(document);
        Assert.Empty(ParserSamples.TreeViolations(document));
        Assert.Equal(-1, document.Analyses[^1].Head);   // the one-word sentence is its own root
    }

    [Fact]
    public void Beam_training_is_deterministic_and_the_width_survives_saving()
    {
        var first = ParserSamples.Bytes(TrainBeam(epochs: 3, seed: 11));
        var second = ParserSamples.Bytes(TrainBeam(epochs: 3, seed: 11));
        Assert.Equal(first, second);

        using var stream = new MemoryStream(first);
        var loaded = ParserModel.Load(stream);
        Assert.Equal(4, loaded.BeamWidth);
        Assert.Equal(first, ParserSamples.Bytes(loaded));
        Assert.Equal(1, loaded.WithBeamWidth(1).BeamWidth);
        Assert.Throws<ArgumentOutOfRangeException>(() => loaded.WithBeamWidth(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => loaded.WithBeamWidth(ParserModel.MaxBeamWidth + 1));
    }

    [Fact]
    public void Greedy_models_keep_the_first_format_and_beam_widths_are_checked_on_loading()
    {
        var greedy = ParserSamples.Bytes(ParserSamples.Train(epochs: 2, seed: 3));
        Assert.Equal(1, BitConverter.ToInt32(greedy, 8));   // the format version follows the eight magic bytes
        using (var stream = new MemoryStream(greedy))
        {
            Assert.Equal(1, ParserModel.Load(stream).BeamWidth);
        }

        var beam = ParserSamples.Bytes(BeamModel.Value);
        Assert.Equal(2, BitConverter.ToInt32(beam, 8));     // a beam with the root first keeps format 2
        Assert.Equal(4, BitConverter.ToInt32(beam, 12));
        BitConverter.GetBytes(0).CopyTo(beam, 12);
        using var zero = new MemoryStream(beam);
        Assert.Throws<InvalidDataException>(() => ParserModel.Load(zero));
    }

    [Fact]
    public void Static_oracle_sequence_builds_the_lifted_gold_tree()
    {
        var (prepared, labels, lifted) = ParserTrainer.Prepare([.. ParserSamples.Sentences(), .. Sentences(Unseen)], new ParserTrainingOptions { MinDecoratedCount = 1 });
        Assert.Equal(1, lifted);
        AssertGoldSequencesRebuild(prepared, labels);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Static_oracle_sequence_builds_every_lifted_training_tree()
    {
        var train = Path.Combine(TestPaths.Corpora, "ud-english-ewt", "en_ewt-ud-train.conllu");
        if (!File.Exists(train))
        {
            return;
        }
        var (prepared, labels, _) = ParserTrainer.Prepare([.. ConlluReader.ReadFile(train)], new ParserTrainingOptions());
        AssertGoldSequencesRebuild(prepared, labels);
    }

    private static void AssertGoldSequencesRebuild(List<(IReadOnlyList<ConlluWord> Words, int[] Heads, string[] Labels)> prepared, string[] labels)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < labels.Length; i++)
        {
            index[labels[i]] = i;
        }
        var input = new ArcEagerState();
        var work = new ArcEagerState();
        var actions = new List<int>();
        foreach (var (words, heads, names) in prepared)
        {
            var n = words.Count;
            input.Reset(n, labels.Length, index["root"]);
            var goldLabel = new int[n + 1];
            for (var i = 1; i <= n; i++)
            {
                goldLabel[i] = index[names[i]];
            }
            ParserBeamTrainer.GoldSequence(input, heads, goldLabel, work, new int[4], actions);
            var replay = new ArcEagerState();
            replay.ResetLike(input);
            foreach (var action in actions)
            {
                Assert.True(replay.IsValid(action));
                replay.Apply(action);
            }
            Assert.True(replay.IsTerminal);
            Assert.Equal(heads.AsSpan(1, n).ToArray(), replay.Head.AsSpan(1, n).ToArray());
            Assert.Equal(goldLabel.AsSpan(1, n).ToArray(), replay.Label.AsSpan(1, n).ToArray());
        }
    }

    private static ParserModel TrainBeam(int epochs, int seed)
    {
        var sentences = ParserSamples.Sentences();
        var options = new ParserTrainingOptions { MinDecoratedCount = 1, FinalPruneThreshold = 0, BeamWidth = 4 };
        return ParserTrainer.Train(sentences, sentences, epochs, seed, TextWriter.Null, options);
    }

    private static List<ConlluSentence> Sentences(string conllu) => [.. ConlluReader.Read(new StringReader(conllu))];

    private static void Fill(ParserModel model, ParserScratch scratch, ConlluSentence sentence)
    {
        var state = model.Prepare(scratch, sentence.Words.Count);
        for (var i = 0; i < sentence.Words.Count; i++)
        {
            var word = sentence.Words[i];
            state.Word[i + 1] = ParserFeatures.WordOf(word.Form);
            state.Tag[i + 1] = ParserFeatures.TagOf(word.Xpos);
            state.IsPunct[i + 1] = word.Upos == "PUNCT";
        }
    }
}
