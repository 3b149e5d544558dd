using Parley.Time;

namespace Parley.Tests.Time;

public sealed class GumArticleTests
{
    private const string Xml = "<text id=\"x\" dateCreated=\"2020-02-03\">\n<head>\n<s>\nFloods\tNNS\tflood\n</s>\n</head>\n<p>\n<s>\n"
        + "<date when=\"2020-02-02\">\nSunday\tNP\tSunday\n</date>\n,\t,\t,\n<quote>\n\"\t``\t\"\nWe\tPP\twe\n<w>\ncan\tMD\tcan\nnot\tRB\tnot\n</w>\ncope\tVV\tcope\n,\t,\t,\n\"\t''\t\"\n</quote>\n"
        + "she\tPP\tshe\nsaid\tVVD\tsay\n.\tSENT\t.\n</s>\n</p>\n</text>\n";

    [Fact]
    public void Rebuilds_text_and_places_gold_spans()
    {
        var article = GumArticle.Read(new StringReader(Xml), "x");
        Assert.Equal("Floods\n\nSunday, \"We cannot cope,\" she said.", article.Text);
        Assert.Equal(new DateOnly(2020, 2, 3), article.Created);
        var date = Assert.Single(article.Dates);
        Assert.Equal("Sunday", article.Text[date.Start..date.End]);
        Assert.Equal("2020-02-02", date.When);
        var quote = Assert.Single(article.Quotes);
        Assert.Equal("\"We cannot cope,\"", article.Text[quote.Start..quote.End]);
    }
}
