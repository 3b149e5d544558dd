using Parley.Learning;

namespace Parley.Tests.Learning;

/// <summary>The scoring layout against a plain sum of the same weights, for every kind of feature it stores.</summary>
public sealed class PackedWeightTableTests
{
    private const int Classes = 37;

    // Features with 1, 2, 3 (held in the slot), 4 and 5 (spilled) and 20 and 37 (dense) weights,
    // many of each, so that probe runs and the table's wrap-around are exercised too.
    private static (ulong[] Keys, int[] Offsets, ushort[] ClassIds, float[] Values) Weights()
    {
        var random = new Random(7);
        int[] sizes = [1, 2, 3, 4, 5, 20, Classes];
        var keys = new List<ulong>();
        var offsets = new List<int> { 0 };
        var classIds = new List<ushort>();
        var values = new List<float>();
        for (var i = 0; i < 700; i++)
        {
            // Hashes of similar strings, which share many bits.
            keys.Add(FeatureHash.Add(FeatureHash.Of(1), $"word{i}"));
            var size = sizes[i % sizes.Length];
            var first = random.Next(Classes);
            for (var k = 0; k < size; k++)
            {
                classIds.Add((ushort)((first + k * 3) % Classes));
                values.Add((float)(Half)(random.NextSingle() * 4 - 2));
            }
            offsets.Add(classIds.Count);
        }
        return ([.. keys], [.. offsets], [.. classIds], [.. values]);
    }

    [Fact]
    public void Scores_are_the_plain_sums_in_feature_order()
    {
        var (keys, offsets, classIds, values) = Weights();
        var table = new PackedWeightTable(Classes, keys, offsets, classIds, values);
        var index = new Dictionary<ulong, int>();
        for (var i = 0; i < keys.Length; i++)
        {
            index[keys[i]] = i;
        }
        var random = new Random(11);
        var scores = new float[Classes];
        var expected = new float[Classes];
        for (var round = 0; round < 200; round++)
        {
            // Present and absent features, some repeated, more than one batch now and then.
            var features = new ulong[random.Next(1, 300)];
            for (var f = 0; f < features.Length; f++)
            {
                features[f] = random.Next(4) == 0 ? FeatureHash.Add(FeatureHash.Of(2), random.Next()) : keys[random.Next(keys.Length)];
            }
            Array.Clear(expected);
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
            Array.Fill(scores, 99f);
            table.Score(features, scores);
            Assert.Equal(expected, scores);
        }
    }

    [Fact]
    public void An_empty_table_scores_zero()
    {
        var table = new PackedWeightTable(Classes, [], [0], [], []);
        var scores = new float[Classes];
        Array.Fill(scores, 1f);
        table.Score([FeatureHash.Of(3), FeatureHash.Of(4)], scores);
        Assert.All(scores, s => Assert.Equal(0f, s));
    }
}
