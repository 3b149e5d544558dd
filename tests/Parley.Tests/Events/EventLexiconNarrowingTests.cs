using Parley.Events;

namespace Parley.Tests.Events;

/// <summary>
/// Words that news uses in many senses code only in the sense a pattern states: a call is a phone
/// call only with a phone, receiving is hosting only of a visitor, leaving is a retreat only for
/// troops. Each sentence below is one the lexicon once coded wrongly; it must not code the named code.
/// </summary>
public sealed class EventLexiconNarrowingTests
{
    private static readonly ExampleReader Reader = new(EventLexiconExampleTests.Lexicon);

    [Theory]
    [InlineData("Gondor called Mordor a threat.", "041")]
    [InlineData("Gondor called Mordor.", "041")]
    [InlineData("Rohan received the award.", "040")]
    [InlineData("Rohan received the award.", "043")]
    [InlineData("Gondor launched its campaign.", "113")]
    [InlineData("Arnor left the series.", "0874")]
    [InlineData("Harad withdrew.", "0874")]
    [InlineData("Rohan sent the letter to Mordor.", "174")]
    [InlineData("Arnor pleaded guilty.", "020")]
    [InlineData("Rohan spoke.", "040")]
    [InlineData("Gondor fought.", "062")]
    [InlineData("Arnor described Rohan as a friend.", "110")]
    [InlineData("Rohan removed the posts.", "166")]
    [InlineData("Gondor advanced.", "190")]
    [InlineData("Arnor released the report.", "0841")]
    [InlineData("Rohan gathered outside.", "141")]
    [InlineData("Gondor engaged in politics.", "190")]
    [InlineData("Gondor engaged in politics.", "040")]
    public void Does_not_code_the_other_sense(string sentence, string code)
    {
        var events = EventLexiconExampleTests.Coder.Code(Reader.Read(sentence));
        Assert.DoesNotContain(events, e => e.Code == code);
    }

    [Theory]
    [InlineData("Rohan sent more troops to Mordor.", "074", "Rohan", "Mordor")]
    [InlineData("Arnor expelled the Harad ambassador to Rohan.", "166", "Arnor", "Harad")]
    [InlineData("Gondor called Harad by phone.", "041", "Gondor", "Harad")]
    [InlineData("Arnor called for Rohan to act.", "020", "Arnor", "Rohan")]
    public void Codes_the_stated_sense_with_its_roles(string sentence, string code, string source, string target)
    {
        var doc = Reader.Read(sentence);
        var events = EventLexiconExampleTests.Coder.Code(doc);
        Assert.Contains(events, e => e.Code == code && e.Source?.Text == source && e.Target?.Text == target);
    }
}
