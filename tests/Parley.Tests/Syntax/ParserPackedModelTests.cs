using Parley.Learning;

namespace Parley.Tests.Syntax;

/// <summary>The perceptron layout the parser scores with, checked against the general one.</summary>
public sealed class ParserPackedModelTests
{
    private const int Classes = 40;

    // A problem with many classes and overlapping features, learnt for a few rounds.
    private static SparsePerceptronTrainer Train()
    {
        var trainer = new SparsePerceptronTrainer(Classes);
        var scores = new float[Classes];
        for (var round = 0; round < 4; round++)
        {
            for (var i = 0; i < 400; i++)
            {
                var features = Features(i);
                trainer.Score(features, scores);
                var guess = PerceptronModel.ArgMax(scores);
                trainer.Update(features, i % Classes, guess);
                trainer.NextInstance();
            }
        }
        return trainer;
    }

    private static ulong[] Features(int i) =>
    [
        FeatureHash.Add(FeatureHash.Of(1), i % Classes),
        FeatureHash.Add(FeatureHash.Of(2), i % 7),
        FeatureHash.Add(FeatureHash.Of(3), i % 13),
        FeatureHash.Of(4),
    ];

    private static byte[] Bytes(Action<Stream> save)
    {
        using var stream = new MemoryStream();
        save(stream);
        return stream.ToArray();
    }

    [Fact]
    public void Stores_the_same_bytes_and_scores_the_same_as_the_general_model()
    {
        var trainer = Train();
        var general = trainer.Compile();
        var packed = trainer.CompilePacked();
        var bytes = Bytes(general.Save);
        Assert.Equal(bytes, Bytes(packed.Save));

        using var stream = new MemoryStream(bytes);
        var reloaded = PerceptronModel.Load(stream);
        var a = new float[Classes];
        var b = new float[Classes];
        for (var i = 0; i < 100; i++)
        {
            ulong[] features = [.. Features(i), FeatureHash.Of(99)];   // one feature the model never saw
            reloaded.Score(features, a);
            packed.Score(features, b);
            Assert.Equal(a, b);
            Assert.Equal(i % Classes, PerceptronModel.ArgMax(b));
        }
    }

    [Fact]
    public void Load_gives_back_the_saved_model()
    {
        var packed = Train().CompilePacked();
        var bytes = Bytes(packed.Save);
        using var stream = new MemoryStream(bytes);
        var loaded = PackedPerceptronModel.Load(stream);
        Assert.Equal(bytes, Bytes(loaded.Save));
        Assert.Equal(packed.FeatureCount, loaded.FeatureCount);
        Assert.Equal(packed.WeightCount, loaded.WeightCount);
    }

    [Fact]
    public void Pruning_drops_only_small_weights()
    {
        var packed = Train().CompilePacked();
        var pruned = packed.Prune(1f);
        Assert.True(pruned.WeightCount < packed.WeightCount);
        Assert.Equal(Bytes(packed.Save), Bytes(packed.Prune(0f).Save));
    }
}
