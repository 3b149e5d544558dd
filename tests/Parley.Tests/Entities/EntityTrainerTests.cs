using Parley.Entities;
using Parley.Model;
using Parley.Syntax;
using Parley.Tests.Syntax;

namespace Parley.Tests.Entities;

public sealed class EntityTrainerTests
{
    // Two development sentences whose made-up adverb appears nowhere in training: a tagger that learned
    // from them tags it as an adverb, one that did not has only its shape to go by.
    private const string DevConllu =
        "# sent_id = d1\n1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n2\tminister\tminister\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n" +
        "3\twalked\twalk\tVERB\tVBD\t_\t0\troot\t_\t_\n4\tblorvishly\tblorvishly\tADV\tRB\t_\t3\tadvmod\t_\tSpaceAfter=No\n5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n" +
        "# sent_id = d2\n1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2\ttalked\ttalk\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
        "3\tblorvishly\tblorvishly\tADV\tRB\t_\t2\tadvmod\t_\tSpaceAfter=No\n4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";

    private static List<ConlluSentence> Dev() => [.. ConlluReader.Read(new StringReader(DevConllu))];

    [Fact]
    public void Development_sentences_are_tagged_by_a_tagger_that_never_saw_them()
    {
        var train = TinyTreebank.Sentences();
        var dev = Dev();
        // The contrast: a tagger trained on training and development sentences knows the adverb.
        var seenAll = JackknifeTagging.Retag(dev, TaggerTrainer.Train([.. train, .. dev], [], 6, 1, _ => { }));
        Assert.Equal("RB", seenAll[0].Words[3].Xpos);

        // Ten sentences in five folds: the two development sentences are the last fold.
        var (taggedTrain, taggedDev) = EntityTrainer.JackknifeTags(train, dev, 5, 1, _ => { });
        Assert.Equal(train.Count, taggedTrain.Count);
        Assert.Equal(dev.Count, taggedDev.Count);
        Assert.NotEqual("RB", taggedDev[0].Words[3].Xpos);
        Assert.NotEqual("RB", taggedDev[1].Words[2].Xpos);
        for (var s = 0; s < dev.Count; s++)
        {
            Assert.Equal(dev[s].SentenceId, taggedDev[s].SentenceId);
            Assert.Equal(dev[s].Words.Select(w => w.Form), taggedDev[s].Words.Select(w => w.Form));
        }
        for (var s = 0; s < train.Count; s++)
        {
            Assert.Equal(train[s].SentenceId, taggedTrain[s].SentenceId);
        }
    }

    [Fact]
    public void Jackknifed_tags_are_the_same_on_every_run()
    {
        var train = TinyTreebank.Sentences();
        var (trainA, devA) = EntityTrainer.JackknifeTags(train, Dev(), 3, 2, _ => { });
        var (trainB, devB) = EntityTrainer.JackknifeTags(train, Dev(), 3, 2, _ => { });
        Assert.Equal(Tags(trainA), Tags(trainB));
        Assert.Equal(Tags(devA), Tags(devB));
    }

    [Fact]
    public void Several_seeds_give_one_model_the_same_on_every_run_that_still_recognises_the_training_names()
    {
        // Every sentence a document of its own, so the runs' seeds shuffle them into different orders.
        List<ConlluSentence> training = [.. ConlluReader.Read(new StringReader(EntityTestData.Conllu().Replace("# sent_id", "# newdoc\n# sent_id", StringComparison.Ordinal)))];
        EntityModel Train(int seeds) => EntityTrainer.Train(training, EntityTestData.Entities(),
            training, EntityTestData.Entities(), null, EntityTestData.Gazetteer(), 8, 3, _ => { }, seeds: seeds);
        var single = Bytes(Train(1));
        var mean = Train(3);
        Assert.Equal(Bytes(mean), Bytes(Train(3)));
        Assert.NotEqual(single, Bytes(mean));
        var gold = EntityTestData.Sentences()[4];
        var document = ConlluDocuments.ToDocument("t", [gold]);
        document.Analyses = [.. gold.Words.Select(w => new TokenAnalysis(w.Upos, w.Xpos, w.Lemma, -1, ""))];
        document.AddLayers(Layers.Tags);
        var found = Array.ConvertAll(mean.Recognize(document), e => $"{document.Text[e.Start..e.End]}/{e.Type}");
        Assert.Equal(["Maria Kovacs/Person", "New York/Location"], found);
    }

    private static byte[] Bytes(EntityModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    private static List<string> Tags(IReadOnlyList<ConlluSentence> sentences) =>
        [.. sentences.SelectMany(s => s.Words).Select(w => w.Upos + "/" + w.Xpos + "/" + w.Lemma)];
}
