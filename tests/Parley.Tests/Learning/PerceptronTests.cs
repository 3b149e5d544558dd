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
}
