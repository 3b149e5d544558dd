using System.Runtime.InteropServices;
using Parley.Learning;

namespace Parley.Tests.Learning;

/// <summary>Tables on large pages hold the same weights and give the same scores as ordinary arrays.</summary>
public sealed class LargePagesTests
{
    [Theory]
    [InlineData(1_000)]
    [InlineData(3_000_000)]
    public void Usable_stretch_is_zeroed_aligned_and_inside_the_array(int length)
    {
        var array = LargePages.Allocate<uint>(length, out var offset);

        Assert.InRange(offset, 0, array.Length - length);
        var address = (long)Marshal.UnsafeAddrOfPinnedArrayElement(array, offset);
        Assert.Equal(0, address % LargePages.LineBytes);
        Assert.All(array.AsSpan(offset, length).ToArray(), word => Assert.Equal(0u, word));
    }

    [Fact]
    public void Large_packed_model_scores_plain_sums_and_saves_the_bytes_it_loaded()
    {
        // Enough weights (over a megabyte of them, and of slots) to take the large-page path.
        const int Classes = 50;
        var random = new Random(3);
        var keys = new ulong[400_000];
        var offsets = new int[keys.Length + 1];
        var classIds = new List<ushort>();
        var values = new List<float>();
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = FeatureHash.Add(FeatureHash.Of(1), i);
            for (var k = random.Next(1, 3); k > 0; k--)
            {
                classIds.Add((ushort)random.Next(Classes));
                values.Add((float)(Half)(random.NextSingle() * 4 - 2));
            }
            offsets[i + 1] = classIds.Count;
        }
        Array.Sort(keys);
        var model = new PackedPerceptronModel(Classes, keys, offsets, [.. classIds], [.. values]);

        var scores = new float[Classes];
        for (var round = 0; round < 50; round++)
        {
            var features = new ulong[60];
            var expected = new float[Classes];
            for (var f = 0; f < features.Length; f++)
            {
                var i = random.Next(keys.Length);
                features[f] = keys[i];
                for (var e = offsets[i]; e < offsets[i + 1]; e++)
                {
                    expected[classIds[e]] += values[e];
                }
            }
            model.Score(features, scores);
            Assert.Equal(expected, scores);
        }
        Assert.Equal(values.Count, model.WeightCount);
        using var saved = new MemoryStream();
        model.Save(saved);
        saved.Position = 0;
        using var again = new MemoryStream();
        PackedPerceptronModel.Load(saved).Save(again);
        Assert.Equal(saved.ToArray(), again.ToArray());
    }
}
