using Parley.Learning;

namespace Parley.Tests.Learning;

public sealed class PerceptronTests
{
    // Class = which of three marker words a bag of features contains; the rest is noise.
    private static ulong[] Features(int cls, int noise) =>
        [FeatureHash.Add(FeatureHash.Of(1), $"marker{cls}"), FeatureHash.Add(FeatureHash.Of(2), $"noise{noise}")];

    private static PerceptronModel Train()
    {
        var trainer = new PerceptronTrainer(3);
        Span<float> scratch = stackalloc float[3];
        for (var epoch = 0; epoch < 5; epoch++)
        {
            for (var i = 0; i < 60; i++)
            {
                var features = Features(i % 3, i % 7);
                trainer.Update(features, i % 3, trainer.Predict(features, scratch));
                trainer.NextInstance();
            }
        }
        return trainer.Compile();
    }

    [Fact]
    public void Learns_a_separable_problem()
    {
        var model = Train();
        Span<float> scratch = stackalloc float[3];
        for (var cls = 0; cls < 3; cls++)
        {
            Assert.Equal(cls, model.Predict(Features(cls, 11), scratch));
        }
    }

    [Fact]
    public void Save_and_load_give_the_same_predictions_and_the_same_bytes()
    {
        var model = Train();
        using var first = new MemoryStream();
        model.Save(first);
        first.Position = 0;
        var loaded = PerceptronModel.Load(first);
        using var second = new MemoryStream();
        loaded.Save(second);
        Assert.Equal(first.ToArray(), second.ToArray());
        Span<float> a = stackalloc float[3];
        Span<float> b = stackalloc float[3];
        for (var cls = 0; cls < 3; cls++)
        {
            Assert.Equal(model.Predict(Features(cls, 3), a), loaded.Predict(Features(cls, 3), b));
        }
        Assert.Equal(model.FeatureCount, loaded.FeatureCount);
    }

    [Fact]
    public void Unknown_features_score_zero()
    {
        var model = Train();
        Span<float> scores = stackalloc float[3];
        model.Score([FeatureHash.Add(FeatureHash.Of(9), "never seen")], scores);
        Assert.Equal([0f, 0f, 0f], scores.ToArray());
    }

    // Random sparse weights over 500 features; with 16-bit float values (as loaded from a file) or
    // arbitrary ones (as compiled in memory), which the model stores in different layouts.
    private static (ulong[] Keys, int[] Offsets, ushort[] Classes, float[] Values) RandomWeights(int classes, bool halfPrecision)
    {
        var random = new Random(7);
        var keys = new ulong[500];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = (ulong)random.NextInt64() * 2 + (ulong)i;
        }
        keys[0] = 0;
        Array.Sort(keys);
        var offsets = new int[keys.Length + 1];
        var classIds = new List<ushort>();
        var values = new List<float>();
        for (var i = 0; i < keys.Length; i++)
        {
            var count = random.Next(0, 6);
            for (var c = 0; c < count; c++)
            {
                classIds.Add((ushort)random.Next(classes));
                var value = (float)(random.NextDouble() * 20 - 10);
                values.Add(halfPrecision ? (float)(Half)value : value);
            }
            offsets[i + 1] = classIds.Count;
        }
        return (keys, offsets, [.. classIds], [.. values]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Scores_are_the_weights_summed_feature_by_feature_in_the_given_order(bool halfPrecision)
    {
        const int classes = 40;
        var (keys, offsets, classIds, values) = RandomWeights(classes, halfPrecision);
        var model = new PerceptronModel(classes, keys, offsets, classIds, values);
        var index = new Dictionary<ulong, int>();
        for (var i = 0; i < keys.Length; i++)
        {
            index.TryAdd(keys[i], i);
        }
        var random = new Random(11);
        // More features than one lookup batch, repeats, and features the model lacks.
        var features = new ulong[300];
        for (var i = 0; i < features.Length; i++)
        {
            features[i] = random.Next(3) == 0 ? (ulong)random.NextInt64() | 1 : keys[random.Next(keys.Length)];
        }
        var expected = new float[classes];
        foreach (var feature in features)
        {
            if (index.TryGetValue(feature, out var i))
            {
                for (var e = offsets[i]; e < offsets[i + 1]; e++)
                {
                    expected[classIds[e]] += values[e];
                }
            }
        }
        var scores = new float[classes];
        model.Score(features, scores);
        Assert.Equal(expected, scores);
    }
}
