using Parley.Syntax;

namespace Parley.Tests.Syntax;

public sealed class LemmatizerTests
{
    private static Lemmatizer Train()
    {
        var words = new List<(string, string, string)>
        {
            ("walked", "VBD", "walk"), ("talked", "VBD", "talk"), ("asked", "VBD", "ask"), ("visited", "VBD", "visit"),
            ("studied", "VBD", "study"), ("carried", "VBD", "carry"), ("worried", "VBD", "worry"), ("tried", "VBD", "try"),
            ("ministers", "NNS", "minister"), ("reports", "NNS", "report"), ("envoys", "NNS", "envoy"), ("talks", "NNS", "talk"),
            ("cities", "NNS", "city"), ("parties", "NNS", "party"), ("countries", "NNS", "country"),
            ("was", "VBD", "be"), ("The", "DT", "the"), ("Paris", "NNP", "Paris"), ("meeting", "VBG", "meet"),
            ("running", "VBG", "run"), ("asking", "VBG", "ask"), ("talking", "VBG", "talk"), ("walking", "VBG", "walk"),
        };
        return Lemmatizer.Train(words, epochs: 10, seed: 3);
    }

    [Theory]
    [InlineData("was", "VBD", "be")]
    [InlineData("The", "DT", "the")]
    [InlineData("studied", "VBD", "study")]
    public void Looks_up_known_words(string form, string tag, string lemma) =>
        Assert.Equal(lemma, Train().Lemmatize(form, tag));

    [Theory]
    [InlineData("jumped", "VBD", "jump")]
    [InlineData("copied", "VBD", "copy")]
    [InlineData("armies", "NNS", "army")]
    [InlineData("delegations", "NNS", "delegation")]
    [InlineData("Gondor", "NNP", "Gondor")]
    [InlineData("Mordors", "NNP", "Mordors")]
    public void Applies_suffix_rules_to_unseen_words(string form, string tag, string lemma) =>
        Assert.Equal(lemma, Train().Lemmatize(form, tag));

    [Fact]
    public void Save_and_load_give_the_same_bytes_and_lemmas()
    {
        var lemmatizer = Train();
        using var first = new MemoryStream();
        lemmatizer.Save(first);
        var loaded = Lemmatizer.Load(new MemoryStream(first.ToArray()));
        using var second = new MemoryStream();
        loaded.Save(second);
        Assert.Equal(first.ToArray(), second.ToArray());
        Assert.Equal("copy", loaded.Lemmatize("copied", "VBD"));
        Assert.Equal(lemmatizer.TableSize, loaded.TableSize);
    }

    [Theory]
    [InlineData("studied", "study", false, 3, "y")]
    [InlineData("walked", "walk", false, 2, "")]
    [InlineData("Running", "run", true, 4, "")]
    [InlineData("was", "be", false, 3, "be")]
    [InlineData("Paris", "Paris", false, 0, "")]
    public void Derives_the_shortest_rule(string form, string lemma, bool lower, int strip, string append)
    {
        var rule = LemmaRule.Derive(form, lemma);
        Assert.Equal(new LemmaRule(lower, strip, append), rule);
        Assert.Equal(lemma, rule.Apply(form) ?? form);
    }

    [Fact]
    public void A_rule_never_strips_more_than_the_form() =>
        Assert.Null(new LemmaRule(false, 5, "").Apply("abc"));
}
