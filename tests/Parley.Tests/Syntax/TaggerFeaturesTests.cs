using Parley.Model;
using Parley.Syntax;

namespace Parley.Tests.Syntax;

public sealed class TaggerFeaturesTests
{
    [Theory]
    [InlineData("Moscow", TaggerFeatures.InitialUpper)]
    [InlineData("NATO", TaggerFeatures.InitialUpper | TaggerFeatures.AllUpper)]
    [InlineData("2022", TaggerFeatures.Digit | TaggerFeatures.AllDigits | TaggerFeatures.NoLetter)]
    [InlineData("well-known", TaggerFeatures.Hyphen)]
    [InlineData("U.S.", TaggerFeatures.InitialUpper | TaggerFeatures.AllUpper | TaggerFeatures.HasPeriod)]
    public void Surface_flags(string word, int flags) => Assert.Equal(flags, TaggerFeatures.SurfaceFlags(word));

    [Fact]
    public void Shapes_collapse_long_runs()
    {
        Assert.Equal(TaggerFeatures.ShapeHash("Okafor"), TaggerFeatures.ShapeHash("Lindqvist"));
        Assert.NotEqual(TaggerFeatures.ShapeHash("Okafor"), TaggerFeatures.ShapeHash("okafor"));
        Assert.NotEqual(TaggerFeatures.ShapeHash("A4"), TaggerFeatures.ShapeHash("Ab"));
    }

    [Fact]
    public void Features_do_not_depend_on_where_the_sentence_sits_in_the_document()
    {
        var lexicon = TagLexicon.Build(TinyTreebank.Sentences());
        const string text = "x The minister visited Moscow .";
        Token[] tokens = [new(0, 1), new(2, 5), new(6, 14), new(15, 22), new(23, 29), new(30, 31)];
        var alone = new TaggerScratch(4, 2);
        var inside = new TaggerScratch(4, 2);
        TaggerFeatures.Prepare(text, tokens[1..], 0, 5, lexicon, alone);
        TaggerFeatures.Prepare(text, tokens, 1, 5, lexicon, inside);
        for (var i = 0; i < 5; i++)
        {
            var a = TaggerFeatures.Extract(text, tokens[1..], 0, 5, i, 1, 2, alone);
            var b = TaggerFeatures.Extract(text, tokens, 1, 5, i, 1, 2, inside);
            Assert.Equal(alone.Features.AsSpan(0, a).ToArray(), inside.Features.AsSpan(0, b).ToArray());
            Assert.True(a <= TaggerScratch.MaxFeatures);
        }
    }
}
