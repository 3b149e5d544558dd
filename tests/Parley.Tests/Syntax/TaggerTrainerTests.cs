using Parley.Entities;
using Parley.Model;
using Parley.Syntax;

namespace Parley.Tests.Syntax;

public sealed class TaggerTrainerTests
{
    private static TaggerModel Train(List<string>? log = null) =>
        TaggerTrainer.Train(TinyTreebank.Sentences(), TinyTreebank.Sentences(), 6, 7, line => log?.Add(line));

    private static byte[] Bytes(TaggerModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    [Fact]
    public void Learns_the_training_sentences()
    {
        var model = Train();
        var sentences = TinyTreebank.Sentences();
        var document = ConlluDocuments.ToDocument("d", sentences);
        var analyses = model.Analyze(document);
        var correct = 0;
        var total = 0;
        foreach (var sentence in sentences)
        {
            foreach (var word in sentence.Words)
            {
                correct += analyses[total].Upos == word.Upos && analyses[total].Xpos == word.Xpos ? 1 : 0;
                total++;
            }
        }
        Assert.True(correct * 10 >= total * 9, $"{correct}/{total} tagged correctly");
    }

    [Fact]
    public void Training_is_deterministic()
    {
        Assert.Equal(Bytes(Train()), Bytes(Train()));
    }

    [Fact]
    public void Reports_progress_and_dev_scores()
    {
        var log = new List<string>();
        Train(log);
        Assert.Contains(log, line => line.Contains("dev XPOS", StringComparison.Ordinal));
        Assert.Contains(log, line => line.StartsWith("dev lemma", StringComparison.Ordinal));
    }

    [Fact]
    public void Save_and_load_round_trip()
    {
        var model = Train();
        var bytes = Bytes(model);
        var loaded = TaggerModel.Load(new MemoryStream(bytes));
        Assert.Equal(bytes, Bytes(loaded));
        var document = ConlluDocuments.ToDocument("d", TinyTreebank.Sentences());
        Assert.Equal(model.Analyze(document), loaded.Analyze(document));
    }

    [Fact]
    public void Rejects_other_files()
    {
        Assert.Throws<InvalidDataException>(() => TaggerModel.Load(new MemoryStream(new byte[64])));
    }

    [Fact]
    public void Writes_the_model_file()
    {
        var dir = Path.Combine(Path.GetTempPath(), "parley-tagger-" + Guid.NewGuid().ToString("N"));
        var train = Path.Combine(dir, "train.conllu");
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(train, TinyTreebank.Conllu());
            using var log = new StringWriter();
            TaggerTrainer.Train(train, train, dir, 3, 1, log);
            var loaded = TaggerModel.Load(Path.Combine(dir, TaggerTrainer.ModelFileName));
            Assert.True(loaded.Classes >= 2);
            Assert.Contains("epoch 1", log.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Lemmatizes_with_the_tags_it_predicts()
    {
        var model = Train();
        var document = ConlluDocuments.ToDocument("d", TinyTreebank.Sentences());
        var analyses = model.Analyze(document);
        // "ministers studied": table entries learned from the treebank.
        Assert.Equal("minister", analyses[11].Lemma);
        Assert.Equal("study", analyses[12].Lemma);
        Assert.All(analyses, a => Assert.Equal(-1, a.Head));
    }

    [Fact]
    public void A_beam_model_keeps_its_width_through_save_and_load()
    {
        var model = TaggerTrainer.Train(TinyTreebank.Sentences(), TinyTreebank.Sentences(), 4, 3, _ => { }, beamWidth: 3);
        Assert.Equal(3, model.BeamWidth);
        var bytes = Bytes(model);
        // Format 2: the first to store a beam width (3 adds the gazetteer, which this model has not).
        Assert.Equal(2, BitConverter.ToInt32(bytes, 4));
        var loaded = TaggerModel.Load(new MemoryStream(bytes));
        Assert.Equal(3, loaded.BeamWidth);
        Assert.Equal(bytes, Bytes(loaded));
        var document = ConlluDocuments.ToDocument("d", TinyTreebank.Sentences());
        Assert.Equal(model.Analyze(document), loaded.Analyze(document));
        var again = TaggerTrainer.Train(TinyTreebank.Sentences(), TinyTreebank.Sentences(), 4, 3, _ => { }, beamWidth: 3);
        Assert.Equal(bytes, Bytes(again));
    }

    [Fact]
    public void A_greedy_model_is_written_in_the_first_format()
    {
        var model = TaggerTrainer.Train(TinyTreebank.Sentences(), [], 2, 3, _ => { });
        Assert.Equal(1, model.BeamWidth);
        var bytes = Bytes(model);
        Assert.Equal(1, BitConverter.ToInt32(bytes, 4));
        Assert.Equal(1, TaggerModel.Load(new MemoryStream(bytes)).BeamWidth);
    }
    [Fact]
    public void Retraining_with_dev_learns_the_dev_sentences_for_the_chosen_epochs()
    {
        const string dev = "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n2\tgeese\tgoose\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
            + "3\tflew\tfly\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";
        List<ConlluSentence> devSentences = [.. ConlluReader.Read(new StringReader(dev))];
        var log = new List<string>();
        var trainOnly = TaggerTrainer.Train(TinyTreebank.Sentences(), devSentences, 4, 2, _ => { });
        var retrained = TaggerTrainer.Train(TinyTreebank.Sentences(), devSentences, 4, 2, log.Add, retrainWithDev: true);
        var document = ConlluDocuments.ToDocument("d", devSentences);
        // Irregular forms no suffix rule gives: known only to the model that learned the dev sentence.
        Assert.NotEqual("goose", trainOnly.Analyze(document)[1].Lemma);
        Assert.Equal("goose", retrained.Analyze(document)[1].Lemma);
        Assert.Equal("fly", retrained.Analyze(document)[2].Lemma);
        Assert.Contains(log, line => line.StartsWith("retraining on training and development sentences", StringComparison.Ordinal));
        Assert.Equal(Bytes(retrained), Bytes(TaggerTrainer.Train(TinyTreebank.Sentences(), devSentences, 4, 2, _ => { }, retrainWithDev: true)));
    }

    [Fact]
    public void Retraining_without_dev_sentences_keeps_the_train_only_model()
    {
        var model = TaggerTrainer.Train(TinyTreebank.Sentences(), [], 3, 5, _ => { }, retrainWithDev: true);
        Assert.Equal(Bytes(TaggerTrainer.Train(TinyTreebank.Sentences(), [], 3, 5, _ => { })), Bytes(model));
    }

    [Fact]
    public void A_model_trained_with_a_gazetteer_keeps_it_and_reloads_to_the_same_bytes()
    {
        var names = new EntityGazetteer([("city", "Ravenna Falls"), ("surname", "Okafor")]);
        var model = TaggerTrainer.Train(TinyTreebank.Sentences(), TinyTreebank.Sentences(), 4, 7, _ => { }, gazetteer: names);
        Assert.Equal(names.Entries, model.Gazetteer!.Entries);
        var bytes = Bytes(model);
        var loaded = TaggerModel.Load(new MemoryStream(bytes));
        Assert.Equal(names.Entries, loaded.Gazetteer!.Entries);
        Assert.Equal(bytes, Bytes(loaded));
        Assert.Equal(bytes, Bytes(TaggerTrainer.Train(TinyTreebank.Sentences(), TinyTreebank.Sentences(), 4, 7, _ => { }, gazetteer: names)));
        var document = ConlluDocuments.ToDocument("d", TinyTreebank.Sentences());
        Assert.Equal(model.Analyze(document), loaded.Analyze(document));
        // Without a gazetteer the model is written as before: greedy models keep format 1.
        Assert.Null(Train().Gazetteer);
        Assert.Equal(1, BitConverter.ToInt32(Bytes(Train()), 4));
        Assert.Equal(TaggerModel.FormatVersion, BitConverter.ToInt32(bytes, 4));
    }

    [Fact]
    public void Several_seeds_give_the_mean_of_their_runs_whatever_order_they_finish_in()
    {
        var sentences = TinyTreebank.Sentences();
        var log = new List<string>();
        var mean = TaggerTrainer.Train(sentences, sentences, 4, 3, log.Add, seeds: 2);
        var runs = new[] { TaggerTrainer.Train(sentences, sentences, 4, 3, _ => { }), TaggerTrainer.Train(sentences, sentences, 4, 4, _ => { }) };
        Assert.Equal(Bytes(TaggerModel.Average(runs)), Bytes(mean));
        Assert.Equal(Bytes(mean), Bytes(TaggerTrainer.Train(sentences, sentences, 4, 3, _ => { }, seeds: 2)));
        Assert.Contains("run 2 of 2, seed 4", log);
        Assert.NotEqual(Bytes(runs[0]), Bytes(mean));
    }

    [Fact]
    public void Only_taggers_trained_alike_are_averaged()
    {
        var sentences = TinyTreebank.Sentences();
        var greedy = TaggerTrainer.Train(sentences, [], 2, 1, _ => { });
        var beam = TaggerTrainer.Train(sentences, [], 2, 1, _ => { }, beamWidth: 2);
        Assert.Throws<ArgumentException>(() => TaggerModel.Average([greedy, beam]));
    }

    [Fact]
    public void Pruning_drops_the_small_weights_and_keeps_the_large_ones()
    {
        var model = Train();
        var pruned = model.Prune(0.5f);
        Assert.True(pruned.FeatureCount < model.FeatureCount);
        Assert.Equal(model.FeatureCount, model.Prune(0).FeatureCount);
        var bytes = Bytes(pruned);
        Assert.Equal(bytes, Bytes(TaggerModel.Load(new MemoryStream(bytes))));
        // A threshold above every weight leaves no features at all.
        Assert.Equal(0, model.Prune(float.MaxValue).FeatureCount);
    }
}
