using Parley.Entities;
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
        TaggerFeatures.Prepare(text, tokens[1..], 0, 5, lexicon, null, alone);
        TaggerFeatures.Prepare(text, tokens, 1, 5, lexicon, null, inside);
        for (var i = 0; i < 5; i++)
        {
            var a = TaggerFeatures.Extract(text, tokens[1..], 0, 5, i, 1, 2, alone);
            var b = TaggerFeatures.Extract(text, tokens, 1, 5, i, 1, 2, inside);
            Assert.Equal(alone.Features.AsSpan(0, a).ToArray(), inside.Features.AsSpan(0, b).ToArray());
            Assert.True(a <= TaggerScratch.MaxFeatures);
        }
    }

    private static readonly EntityGazetteer Names = new([("city", "Ravenna Falls"), ("given-name", "Odile")]);

    // "Odile left Ravenna Falls ." with the tiny treebank's lexicon: prepared with the names or without.
    private const string Text = "Odile left Ravenna Falls .";
    private static readonly Token[] Tokens = [new(0, 5), new(6, 10), new(11, 18), new(19, 24), new(25, 26)];

    private static TaggerScratch Prepared(EntityGazetteer? names, Token[]? tokens = null, bool reversed = false)
    {
        var scratch = new TaggerScratch(4, 2);
        TaggerFeatures.Prepare(Text, tokens ?? Tokens, 0, 5, TagLexicon.Build(TinyTreebank.Sentences()), names, scratch, reversed);
        return scratch;
    }

    [Fact]
    public void Gazetteer_names_are_found_in_text_order_whichever_way_the_tokens_run()
    {
        var forward = Prepared(Names);
        Assert.True(forward.HasGazetteer);
        Assert.Equal([1 << 1, 0, 1 << 0, 1 << 0, 0], forward.GazetteerMask.AsSpan(0, 5).ToArray());
        var backward = Prepared(Names, [.. Tokens.Reverse()], reversed: true);
        Assert.Equal(forward.GazetteerMask.AsSpan(0, 5).ToArray().Reverse(), backward.GazetteerMask.AsSpan(0, 5).ToArray());
        Assert.Equal(forward.GazetteerPosition.AsSpan(0, 5).ToArray().Reverse(), backward.GazetteerPosition.AsSpan(0, 5).ToArray());
    }

    [Fact]
    public void A_gazetteer_adds_features_and_its_absence_leaves_the_old_ones()
    {
        var plain = Prepared(null);
        var named = Prepared(Names);
        Assert.False(plain.HasGazetteer);
        var without = TaggerFeatures.Extract(Text, Tokens, 0, 5, 2, 1, 2, plain);
        var withNames = TaggerFeatures.Extract(Text, Tokens, 0, 5, 2, 1, 2, named);
        Assert.True(withNames > without);
        Assert.True(withNames <= TaggerScratch.MaxFeatures);
        Assert.Equal(plain.Features.AsSpan(0, without).ToArray(), named.Features.AsSpan(0, without).ToArray());
    }
}
