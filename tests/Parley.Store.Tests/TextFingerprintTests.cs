namespace Parley.Store.Tests;

public sealed class TextFingerprintTests
{
    [Fact]
    public void Case_spacing_and_punctuation_do_not_change_the_normalised_hash()
    {
        var a = TextFingerprint.Of("Ministers met in Oslo.  They talked!");
        var b = TextFingerprint.Of("MINISTERS met in Oslo\nthey talked");
        Assert.NotEqual(a.TextHash, b.TextHash);
        Assert.Equal(a.NormalizedHash, b.NormalizedHash);
        Assert.Equal(a.SimHash, b.SimHash);
    }

    [Fact]
    public void A_light_edit_stays_within_the_near_duplicate_distance_and_another_text_does_not()
    {
        var original = TextFingerprint.Of(Articles.MeetingReport).SimHash;
        var edited = TextFingerprint.Of(Articles.MeetingReport.Replace("four hours", "three hours", StringComparison.Ordinal)).SimHash;
        var other = TextFingerprint.Of(Articles.OtherMeetingReport).SimHash;
        Assert.InRange(TextFingerprint.Distance(original, edited), 0, TextFingerprint.NearDuplicateDistance);
        Assert.True(TextFingerprint.Distance(original, other) > 10);
    }

    [Fact]
    public void Hashes_within_three_bits_share_a_band()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 1000; trial++)
        {
            var a = random.NextInt64();
            var b = a;
            for (var flip = 0; flip < 3; flip++)
            {
                b ^= 1L << random.Next(64);
            }
            Assert.Contains(Enumerable.Range(0, 4), band => TextFingerprint.Band(a, band) == TextFingerprint.Band(b, band));
        }
    }
}
