using System.Globalization;
using System.Text.RegularExpressions;
using Parley.Syntax;

namespace Parley.Tests.Syntax;

public sealed partial class ParserRetrainWithDevTests
{
    // Dev sentences the training sample does not hold: new words, the same kinds of trees.
    private const string DevConllu = """
        # sent_id = d1
        1	Troops	troop	NOUN	NNS	_	2	nsubj	_	_
        2	left	leave	VERB	VBD	_	0	root	_	_
        3	the	the	DET	DT	_	4	det	_	_
        4	town	town	NOUN	NN	_	2	obj	_	SpaceAfter=No
        5	.	.	PUNCT	.	_	2	punct	_	_

        # sent_id = d2
        1	The	the	DET	DT	_	2	det	_	_
        2	envoy	envoy	NOUN	NN	_	3	nsubj	_	_
        3	met	meet	VERB	VBD	_	0	root	_	_
        4	farmers	farmer	NOUN	NNS	_	3	obj	_	_
        5	in	in	ADP	IN	_	6	case	_	_
        6	Lagos	Lagos	PROPN	NNP	_	3	obl	_	SpaceAfter=No
        7	.	.	PUNCT	.	_	3	punct	_	_

        # sent_id = d3
        1	Workers	worker	NOUN	NNS	_	2	nsubj	_	_
        2	protested	protest	VERB	VBD	_	0	root	_	_
        3	on	on	ADP	IN	_	4	case	_	_
        4	Friday	Friday	PROPN	NNP	_	2	obl	_	SpaceAfter=No
        5	.	.	PUNCT	.	_	2	punct	_	_


        """;

    // Small models have only small weights: keep them all, and the one lifted decoration.
    private static readonly ParserTrainingOptions SmallModel = new() { MinDecoratedCount = 1, FinalPruneThreshold = 0 };

    private static string Corpora(string train, string dev)
    {
        var root = Path.Combine(Path.GetTempPath(), "parley-retrain-corpora-" + Guid.NewGuid().ToString("N"));
        var ud = Path.Combine(root, "ud-english-ewt");
        Directory.CreateDirectory(ud);
        File.WriteAllText(Path.Combine(ud, "en_ewt-ud-train.conllu"), train);
        File.WriteAllText(Path.Combine(ud, "en_ewt-ud-dev.conllu"), dev);
        return root;
    }

    [GeneratedRegex(@"chosen: epoch (\d+)")]
    private static partial Regex ChosenEpoch();

    [Fact]
    public void With_dev_writes_a_model_trained_from_scratch_on_train_and_dev_for_the_epochs_dev_chose()
    {
        var corpora = Corpora(ParserSamples.Conllu, DevConllu);
        try
        {
            var log = new StringWriter();
            ParserTrainer.TrainFromCorpora(corpora, Path.Combine(corpora, "with"), log, jackknifeFolds: 0, epochs: 5, options: SmallModel, retrainWithDev: true);
            ParserTrainer.TrainFromCorpora(corpora, Path.Combine(corpora, "without"), TextWriter.Null, jackknifeFolds: 0, epochs: 5, options: SmallModel);
            var text = log.ToString();
            var match = ChosenEpoch().Match(text);
            Assert.True(match.Success, text);
            var chosen = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.Contains($"phase 2: train and dev, {chosen} epochs", text, StringComparison.Ordinal);

            List<ConlluSentence> all = [.. ParserSamples.Sentences(), .. ConlluReader.Read(new StringReader(DevConllu))];
            var expected = ParserSamples.Bytes(ParserTrainer.Train(all, null, chosen, 1, TextWriter.Null, SmallModel));
            var withDev = File.ReadAllBytes(Path.Combine(corpora, "with", ParserTrainer.ModelFileName));
            var trainOnly = File.ReadAllBytes(Path.Combine(corpora, "without", ParserTrainer.ModelFileName));
            Assert.Equal(expected, withDev);
            Assert.NotEqual(trainOnly, withDev);
        }
        finally
        {
            Directory.Delete(corpora, recursive: true);
        }
    }

    [Fact]
    public void With_dev_and_jackknifing_tags_folds_of_train_and_dev_together_and_gives_the_same_bytes_twice()
    {
        // Eight training and eight dev sentences: phase 1 jackknifes the 8 of train (6 + 2 a fold),
        // phase 2 the 16 of train and dev (12 + 4 a fold).
        var corpora = Corpora(TinyTreebank.Conllu(), TinyTreebank.Conllu());
        try
        {
            var log = new StringWriter();
            ParserTrainer.TrainFromCorpora(corpora, Path.Combine(corpora, "a"), log, jackknifeFolds: 4, epochs: 2, retrainWithDev: true);
            ParserTrainer.TrainFromCorpora(corpora, Path.Combine(corpora, "b"), TextWriter.Null, jackknifeFolds: 4, epochs: 2, retrainWithDev: true);
            Assert.Equal(File.ReadAllBytes(Path.Combine(corpora, "a", ParserTrainer.ModelFileName)),
                File.ReadAllBytes(Path.Combine(corpora, "b", ParserTrainer.ModelFileName)));
            var text = log.ToString();
            var phase2 = text.IndexOf("phase 2:", StringComparison.Ordinal);
            Assert.True(phase2 > 0, text);
            Assert.Contains("jackknife fold 4/4: tagger trained on 6 sentences tagged 2", text[..phase2], StringComparison.Ordinal);
            Assert.Contains("jackknife fold 4/4: tagger trained on 12 sentences tagged 4", text[phase2..], StringComparison.Ordinal);
            Assert.Contains("16 training sentences", text[phase2..], StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(corpora, recursive: true);
        }
    }
}
