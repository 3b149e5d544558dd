using Parley.Entities;
using Parley.Model;
using Parley.Syntax;

namespace Parley.Tests.Entities;

public sealed class EntityFeaturesTests
{
    private static Document Tagged(ConlluSentence sentence)
    {
        var document = ConlluDocuments.ToDocument("d", [sentence]);
        var analyses = new TokenAnalysis[sentence.Words.Count];
        for (var i = 0; i < analyses.Length; i++)
        {
            analyses[i] = new TokenAnalysis(sentence.Words[i].Upos, sentence.Words[i].Xpos, sentence.Words[i].Lemma, -1, "");
        }
        document.Analyses = analyses;
        return document;
    }

    private static ulong[] Features(Document document, int i, WordClusters clusters)
    {
        var scratch = new EntityScratch();
        var count = document.Tokens.Length;
        EntityFeatures.Prepare(document, 0, count, EntityTestData.Gazetteer(), new CaseLexicon([]), clusters, scratch);
        var n = EntityFeatures.Extract(document, 0, count, i, scratch);
        Assert.True(n <= EntityScratch.MaxFeatures);
        return scratch.Features.AsSpan(0, n).ToArray();
    }

    [Fact]
    public void Word_classes_reach_the_features_of_the_word_and_its_neighbours()
    {
        // "Okafor met Dahl in Moscow ."
        var document = Tagged(EntityTestData.Sentences()[0]);
        List<string[]> text = [];
        for (var r = 0; r < 4; r++)
        {
            text.Add(["Okafor", "met", "Dahl", "in", "Moscow", "."]);
            text.Add(["Dahl", "met", "Okafor", "in", "Kyiv", "."]);
        }
        var clusters = WordClusters.Build(text, 3, 2, 1);
        var without = Features(document, 2, WordClusters.Empty);
        var with = Features(document, 2, clusters);
        // Without classes the class features are left out; with them, they come after the rest,
        // which stay as they were.
        Assert.Equal(without.Length + 5, with.Length);
        Assert.Equal(without, with[..^5]);
    }

    [Fact]
    public void A_model_keeps_its_word_classes_and_bias_through_saving()
    {
        var model = EntityTestData.Train();
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = EntityModel.Load(stream);
        Assert.Equal(model.OutsideBias, loaded.OutsideBias);
        using var again = new MemoryStream();
        loaded.Save(again);
        Assert.Equal(stream.ToArray(), again.ToArray());
    }
}
