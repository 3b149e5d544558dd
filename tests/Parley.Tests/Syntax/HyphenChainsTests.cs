using Parley.Model;
using Parley.Syntax;

namespace Parley.Tests.Syntax;

public sealed class HyphenChainsTests
{
    private static readonly Lazy<ParserModel> Model = new(() => ParserSamples.Train());

    // Words joined by hyphens, tags as a tagger gives them; heads and relations are what the parser fills.
    private static Document Tagged(params (string Form, string Upos, string Xpos, bool SpaceAfter)[] words)
    {
        var lines = new List<string>();
        for (var i = 0; i < words.Length; i++)
        {
            var (form, upos, xpos, spaceAfter) = words[i];
            lines.Add($"{i + 1}\t{form}\t{form.ToLowerInvariant()}\t{upos}\t{xpos}\t_\t0\tdep\t_\t{(spaceAfter ? "_" : "SpaceAfter=No")}");
        }
        var sentences = ConlluReader.Read(new StringReader(string.Join('\n', lines) + "\n\n")).ToList();
        var document = ConlluDocuments.ToDocument("chain", sentences);
        ParserEvaluation.FillGoldTags(document, sentences);
        return document;
    }

    private static readonly (string, string, string, bool)[] FaceToFace =
    [
        ("They", "PRON", "PRP", true), ("met", "VERB", "VBD", true),
        ("face", "NOUN", "NN", false), ("-", "PUNCT", "HYPH", false), ("to", "ADP", "IN", false), ("-", "PUNCT", "HYPH", false), ("face", "NOUN", "NN", true),
        ("with", "ADP", "IN", true), ("Putin", "PROPN", "NNP", false), (".", "PUNCT", ".", true),
    ];

    [Fact]
    public void A_linked_chain_is_one_phrase_headed_by_its_first_word()
    {
        var document = Tagged(FaceToFace);
        Model.Value.Parse(document);
        var a = document.Analyses;
        Assert.Empty(ParserSamples.TreeViolations(document));
        // Only the chain's head (token 2) depends on a word outside tokens 2..6.
        for (var k = 3; k <= 6; k++)
        {
            Assert.InRange(a[k].Head, 2, 6);
        }
        Assert.True(a[2].Head is < 2 or > 6);
        Assert.Equal((2, "nmod"), (a[6].Head, a[6].Relation));
        Assert.Equal((6, "case"), (a[4].Head, a[4].Relation));
        Assert.Equal((6, "punct"), (a[3].Head, a[3].Relation));
        Assert.Equal((4, "punct"), (a[5].Head, a[5].Relation));
    }

    [Fact]
    public void An_unlinked_chain_is_headed_by_its_last_word()
    {
        var document = Tagged(
            ("a", "DET", "DT", true),
            ("two", "NUM", "CD", false), ("-", "PUNCT", "HYPH", false), ("year", "NOUN", "NN", false), ("-", "PUNCT", "HYPH", false), ("old", "ADJ", "JJ", true),
            ("truce", "NOUN", "NN", false), (".", "PUNCT", ".", true));
        Model.Value.Parse(document);
        var a = document.Analyses;
        Assert.Empty(ParserSamples.TreeViolations(document));
        Assert.Equal((5, "nummod"), (a[1].Head, a[1].Relation));
        Assert.Equal((5, "compound"), (a[3].Head, a[3].Relation));
        Assert.True(a[5].Head is < 1 or > 5);
    }

    [Theory]
    [InlineData("well - known", false)]          // two words: parsed word by word
    [InlineData("face - to - face", true)]
    [InlineData("state - of - the - art", true)]
    [InlineData("VI - D - iii", false)]          // a code, not a modifier
    [InlineData("2001 - 10 - 05", false)]
    public void Only_chains_of_three_words_with_small_letters_are_joined(string spaced, bool joined)
    {
        var forms = spaced.Split(' ');
        var words = forms.Select((f, i) => (f, f == "-" ? "PUNCT" : "NOUN", f == "-" ? "HYPH" : "NN", i == forms.Length - 1)).ToArray();
        var document = Tagged(words);
        Assert.Equal(joined ? forms.Length - 1 : 0, HyphenChains.End(document, 0, forms.Length));
    }

    [Fact]
    public void Hyphens_with_spaces_around_them_join_nothing()
    {
        var document = Tagged(("face", "NOUN", "NN", true), ("-", "PUNCT", "HYPH", true), ("to", "ADP", "IN", true), ("-", "PUNCT", "HYPH", true), ("face", "NOUN", "NN", true));
        Assert.Equal(0, HyphenChains.End(document, 0, 5));
    }
}
