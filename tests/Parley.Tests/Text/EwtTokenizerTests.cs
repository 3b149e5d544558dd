using Parley.Model;
using Parley.Text;

namespace Parley.Tests.Text;

public sealed class EwtTokenizerTests
{
    private static string Words(string text) => Join(text, EwtTokenizer.Default.Tokenize(text));

    private static string Join(string text, IReadOnlyList<Token> tokens)
    {
        var parts = new string[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            parts[i] = text[tokens[i].Start..tokens[i].End];
        }
        return string.Join(" ", parts);
    }

    [Theory]
    [InlineData("They don't agree.", "They do n't agree .")]
    [InlineData("We can't stop.", "We ca n't stop .")]
    [InlineData("Moscow won't budge.", "Moscow wo n't budge .")]
    [InlineData("Russia's army moved.", "Russia 's army moved .")]
    [InlineData("I'm here, they're there and we've left.", "I 'm here , they 're there and we 've left .")]
    [InlineData("You'll see; he'd know.", "You 'll see ; he 'd know .")]
    [InlineData("Ukraine\u2019s ports aren\u2019t open.", "Ukraine \u2019s ports are n\u2019t open .")]
    [InlineData("We're gonna win.", "We 're gon na win .")]
    [InlineData("I cannot say.", "I can not say .")]
    [InlineData("dont worry", "do nt worry")]
    [InlineData("the ministers' talks", "the ministers ' talks")]
    [InlineData("a 'temporary' truce", "a ' temporary ' truce")]
    [InlineData("O'Neill said o'clock.", "O'Neill said o'clock .")]
    [InlineData("its a shame and its not over", "it s a shame and it s not over")]
    [InlineData("the army and its own supplies", "the army and its own supplies")]
    [InlineData("thats what youre saying", "that s what you re saying")]
    public void Splits_clitics_as_EWT_does(string text, string expected) => Assert.Equal(expected, Words(text));

    [Theory]
    [InlineData("The U.S. embassy in Kyiv reopened.", "The U.S. embassy in Kyiv reopened .")]
    [InlineData("Gen. Valery Gerasimov met Mr. Austin in Sept. 2022.", "Gen. Valery Gerasimov met Mr. Austin in Sept. 2022 .")]
    [InlineData("Acme Inc. reported losses.", "Acme Inc. reported losses .")]
    [InlineData("He works for Acme Inc. The firm is small.", "He works for Acme Inc . The firm is small .")]
    [InlineData("Sanctions hurt the U.S. The Kremlin responded.", "Sanctions hurt the U.S . The Kremlin responded .")]
    [InlineData("The U.N. Security Council met.", "The U.N. Security Council met .")]
    [InlineData("J. R. R. Tolkien wrote it.", "J. R. R. Tolkien wrote it .")]
    [InlineData("They meet at 3 p.m. on Friday.", "They meet at 3 p.m. on Friday .")]
    [InlineData("apples, pears, etc. are fruit", "apples , pears , etc. are fruit")]
    [InlineData("It ended with Dr.", "It ended with Dr .")]
    [InlineData("Room No. 5 is closed.", "Room No. 5 is closed .")]
    [InlineData("The answer was no.", "The answer was no .")]
    public void Keeps_abbreviation_periods_unless_they_end_the_sentence(string text, string expected) =>
        Assert.Equal(expected, Words(text));

    [Theory]
    [InlineData("It cost 1,000,000 dollars.", "It cost 1,000,000 dollars .")]
    [InlineData("Growth was 3.5 percent.", "Growth was 3.5 percent .")]
    [InlineData("a $1.2bn loan", "a $ 1.2 bn loan")]
    [InlineData("about 5kg of grain", "about 5 kg of grain")]
    [InlineData("in the 1990s on the 3rd day", "in the 1990s on the 3rd day")]
    [InlineData("Rates rose 50% in 2021-2022.", "Rates rose 50 % in 2021 - 2022 .")]
    [InlineData("Call 713-555-0199 now", "Call 713-555-0199 now")]
    [InlineData("on 11/28/2000 at 11:30am", "on 11/28/2000 at 11:30 am")]
    [InlineData("a 3/4 majority", "a 3 / 4 majority")]
    [InlineData("after 9/11 everything changed", "after 9/11 everything changed")]
    [InlineData("1,5 and 12,34 stay apart", "1 , 5 and 12 , 34 stay apart")]
    public void Keeps_numbers_with_separators_whole(string text, string expected) => Assert.Equal(expected, Words(text));

    [Theory]
    [InlineData("See https://example.org/news?id=5&x=1.", "See https://example.org/news?id=5&x=1 .")]
    [InlineData("(www.example.com)", "( www.example.com )")]
    [InlineData("(see https://en.wikipedia.org/wiki/Kyiv_(city)).", "( see https://en.wikipedia.org/wiki/Kyiv_(city) ) .")]
    [InlineData("Write to press@example.org, please.", "Write to press@example.org , please .")]
    [InlineData("Visit Example.com today", "Visit Example.com today")]
    [InlineData("open report.pdf now", "open report.pdf now")]
    [InlineData("#UkraineWar trends", "#UkraineWar trends")]
    public void Keeps_urls_addresses_and_file_names_whole(string text, string expected) => Assert.Equal(expected, Words(text));

    [Theory]
    [InlineData("a well-known pro-Kremlin e-mail", "a well - known pro-Kremlin e-mail")]
    [InlineData("the al-Qaeda cell", "the al - Qaeda cell")]
    [InlineData("a non-violent co-operation", "a non-violent co-operation")]
    [InlineData("a cease-fire deal", "a cease - fire deal")]
    [InlineData("and/or but b/c", "and / or but b/c")]
    public void Splits_hyphens_except_after_prefixes(string text, string expected) => Assert.Equal(expected, Words(text));

    [Theory]
    [InlineData("\"Stop,\" she said.", "\" Stop , \" she said .")]
    [InlineData("\u201CWe will win,\u201D Zelensky said.", "\u201C We will win , \u201D Zelensky said .")]
    [InlineData("[Okafor] said 'no'.", "[ Okafor ] said ' no ' .")]
    [InlineData("He said ''yes''.", "He said '' yes '' .")]
    [InlineData("(See above.)", "( See above . )")]
    public void Separates_quotes_and_brackets(string text, string expected) => Assert.Equal(expected, Words(text));

    [Theory]
    [InlineData("Well... maybe.", "Well ... maybe .")]
    [InlineData("Wait\u2026what?", "Wait \u2026 what ?")]
    [InlineData("Kyiv -- the capital -- held.", "Kyiv -- the capital -- held .")]
    [InlineData("Kyiv\u2014the capital\u2014held.", "Kyiv \u2014 the capital \u2014 held .")]
    [InlineData("Really?!", "Really ?!")]
    [InlineData("Thanks :) see you", "Thanks :) see you")]
    public void Handles_ellipses_dashes_and_marks(string text, string expected) => Assert.Equal(expected, Words(text));

    [Theory]
    [InlineData("don't", "don't")]
    [InlineData("Russia's", "Russia's")]
    [InlineData("gonna go", "gonna|go")]
    [InlineData("the ministers' talks", "the|ministers'|talks")]
    public void Reports_multiword_tokens_as_one_surface_token(string text, string expected)
    {
        var words = new List<Token>();
        var surface = new List<TextSpan>();
        EwtTokenizer.Default.Tokenize(text, 0, text.Length, words, surface);
        var parts = new List<string>();
        foreach (var span in surface)
        {
            parts.Add(text[span.Start..span.End]);
        }
        Assert.Equal(expected, string.Join("|", parts));
        Assert.True(words.Count > surface.Count);
    }

    [Fact]
    public void Never_tokenizes_inside_removed_spans()
    {
        const string text = "Share this story. Kyiv was calm.";
        var removed = new List<RemovedSpan> { new(0, 18, "boilerplate") };
        var words = new List<Token>();
        EwtTokenizer.Default.Tokenize(text, removed, words);
        Assert.Equal("Kyiv was calm .", Join(text, words));
    }

    [Fact]
    public void Cuts_a_word_at_the_edge_of_a_removed_span()
    {
        const string text = "abcdef";
        var words = new List<Token>();
        EwtTokenizer.Default.Tokenize(text, [new RemovedSpan(2, 4, "test")], words);
        Assert.Equal([new Token(0, 2), new Token(4, 6)], words);
    }

    [Fact]
    public void Stage_declares_itself_and_fills_the_token_layer()
    {
        var stage = new RuleTokenizer();
        Assert.Equal("tokenize.rules.v1", stage.Name);
        Assert.Equal(Layers.Text, stage.Requires);
        Assert.Equal(Layers.Tokens, stage.Provides);
        var doc = new Document("d1", "The U.N. met.");
        stage.Process(doc, new Parley.Processing.StageContext(doc, stage.Name));
        Assert.Equal("The U.N. met .", Join(doc.Text, doc.Tokens));
    }
}
