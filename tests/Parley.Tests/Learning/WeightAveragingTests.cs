using Parley.Learning;
using Parley.Syntax;

namespace Parley.Tests.Learning;

public sealed class WeightAveragingTests
{
    // Sparse weights over some of 400 candidate keys (chosen by the seed), in the model's layout:
    // sorted keys, each with one class or more in increasing order.
    private static SparseWeightsFile.Contents RandomWeights(int classes, int seed)
    {
        var random = new Random(seed);
        var keys = new List<ulong>();
        var offsets = new List<int> { 0 };
        var classIds = new List<ushort>();
        var values = new List<float>();
        // Distinct keys spread over all 64 bits, as feature hashes are, in increasing order.
        var candidates = Enumerable.Range(1, 400).Select(k => (ulong)k * 0x9E3779B97F4A7C15UL).Order().ToArray();
        foreach (var key in candidates)
        {
            if (random.Next(3) == 0)
            {
                continue;
            }
            keys.Add(key);
            var first = random.Next(classes);
            for (var c = 0; c < classes; c++)
            {
                if (c == first || random.Next(4) == 0)
                {
                    classIds.Add((ushort)c);
                    values.Add((float)(Half)(random.NextDouble() * 8 - 4));
                }
            }
            offsets.Add(classIds.Count);
        }
        return new SparseWeightsFile.Contents(classes, [.. keys], [.. offsets], [.. classIds], [.. values]);
    }

    private static PerceptronModel Model(SparseWeightsFile.Contents w) => new(w.Classes, w.Keys, w.Offsets, w.ClassIds, w.Values);

    private static PackedPerceptronModel Packed(SparseWeightsFile.Contents w) => new(w.Classes, w.Keys, w.Offsets, w.ClassIds, w.Values);

    // Feature bags drawn from the keys of all the sets plus keys none of them has.
    private static ulong[][] Bags(IEnumerable<SparseWeightsFile.Contents> sets)
    {
        var pool = sets.SelectMany(s => s.Keys).Distinct().ToArray();
        var random = new Random(5);
        var bags = new ulong[50][];
        for (var b = 0; b < bags.Length; b++)
        {
            bags[b] = [.. Enumerable.Range(0, 12).Select(_ => random.Next(4) == 0 ? (ulong)random.NextInt64(2_000_000, long.MaxValue) : pool[random.Next(pool.Length)])];
        }
        return bags;
    }

    [Fact]
    public void The_mean_model_scores_every_input_with_the_mean_of_the_models_scores()
    {
        const int classes = 9;
        SparseWeightsFile.Contents[] sets = [RandomWeights(classes, 1), RandomWeights(classes, 2), RandomWeights(classes, 3)];
        var models = sets.Select(Model).ToArray();
        var mean = PerceptronModel.Average(models);
        var packedMean = PackedPerceptronModel.Average([.. sets.Select(Packed)]);
        var one = new float[classes];
        var got = new float[classes];
        var packedGot = new float[classes];
        foreach (var bag in Bags(sets))
        {
            var expected = new float[classes];
            foreach (var model in models)
            {
                model.Score(bag, one);
                for (var c = 0; c < classes; c++)
                {
                    expected[c] += one[c] / models.Length;
                }
            }
            mean.Score(bag, got);
            packedMean.Score(bag, packedGot);
            for (var c = 0; c < classes; c++)
            {
                Assert.Equal(expected[c], got[c], 1e-4);
                // The packed model stores 16-bit weights: each within a part in a thousand of its value.
                Assert.Equal(expected[c], packedGot[c], 0.05);
            }
        }
    }

    [Fact]
    public void Keys_of_every_set_are_kept_and_a_missing_weight_counts_as_zero()
    {
        SparseWeightsFile.Contents a = new(3, [10UL, 20UL], [0, 1, 3], [2, 0, 1], [4f, 2f, 6f]);
        SparseWeightsFile.Contents b = new(3, [20UL, 30UL], [0, 2, 3], [0, 2, 1], [2f, 8f, -4f]);
        var mean = SparseWeightsFile.Contents.Average([a, b]);
        Assert.Equal([10UL, 20UL, 30UL], mean.Keys);
        Assert.Equal([0, 1, 4, 5], mean.Offsets);
        Assert.Equal([(ushort)2, 0, 1, 2, 1], mean.ClassIds);
        Assert.Equal([2f, 2f, 3f, 4f, -2f], mean.Values);
    }

    [Fact]
    public void Weights_that_cancel_out_are_dropped_with_features_left_empty()
    {
        SparseWeightsFile.Contents a = new(2, [5UL, 6UL], [0, 1, 2], [0, 1], [3f, 1f]);
        SparseWeightsFile.Contents b = new(2, [5UL], [0, 1], [0], [-3f]);
        var mean = SparseWeightsFile.Contents.Average([a, b]);
        Assert.Equal([6UL], mean.Keys);
        Assert.Equal([0.5f], mean.Values);
    }

    [Fact]
    public void Weights_over_different_classes_are_refused()
    {
        SparseWeightsFile.Contents a = new(2, [5UL], [0, 1], [0], [3f]);
        SparseWeightsFile.Contents b = new(3, [5UL], [0, 1], [0], [3f]);
        Assert.Throws<ArgumentException>(() => SparseWeightsFile.Contents.Average([a, b]));
    }

    [Fact]
    public void Parsers_with_different_labels_are_not_averaged()
    {
        var weights = Packed(RandomWeights(6, 1));
        var a = new ParserModel(["root", "nsubj"], weights);
        var b = new ParserModel(["root", "obj"], weights);
        Assert.Throws<ArgumentException>(() => ParserModel.Average([a, b]));
        Assert.Equal(a.FeatureCount, ParserModel.Average([a, a]).FeatureCount);
    }
}
