using Parley.Diagnostics;
using Parley.Model;
using Parley.Serialization;

namespace Parley.Tests.Serialization;

public sealed class RecordSchemaTests
{
    private static Document FullDocument()
    {
        const string text = "Gondor's Foreign Ministry protested in Minas Tirith on Monday.";
        var doc = new Document("gondor-1", text) { Published = new DateOnly(2031, 5, 6), Title = "Protest", Url = "https://example.org/a" };
        doc.Tokens = [new Token(0, 6), new Token(6, 8), new Token(9, 16), new Token(17, 25), new Token(26, 35)];
        doc.Sentences = [new Sentence(0, 35, 0, 5)];
        doc.Actors.Add(new Actor
        {
            Id = "a1", Name = "Gondor Foreign Ministry", Code = "GONGOV", Country = "GON", Sector = "GOV",
            Mentions = [new Mention(0, 25, "Gondor's Foreign Ministry")],
        });
        doc.Places.Add(new Place
        {
            Id = "p1", Name = "Minas Tirith", Country = "GN", Kind = "city", Lat = 44.5, Lon = 12.25, GazetteerId = "1",
            Mentions = [new Mention(39, 51, "Minas Tirith")],
        });
        doc.Times.Add(new TimeExpression(55, 61, "Monday", "2031-05-05", "day"));
        doc.Events.Add(new CodedEvent
        {
            Id = "e1", Code = "111", Name = "Criticize or denounce", Root = "11", Plover = new PloverClass("ACCUSE", "disapprove"),
            Goldstein = -2.0, Quad = 3, Sentence = 0, Trigger = new Mention(26, 35, "protested"),
            Source = new EventArgument("a1", "GONGOV", 0, 25, "Gondor's Foreign Ministry"), Target = null,
            Place = "p1", Date = "2031-05-05", Confidence = 0.7, Rule = "protest",
        });
        doc.Quotes.Add(new Quote { Id = "q1", Start = 0, End = 8, Text = "Gondor's", Kind = "partial", Cue = "said" });
        doc.Removed.Add(new RemovedSpan(36, 38, "boilerplate"));
        doc.Report(new Diagnostic(DiagnosticCodes.UnresolvedActor, "'Gondor' matches no actor.", 0, 6, "actors.test.v1"));
        doc.Stages.Add("tokenize.test.v1");
        return doc;
    }

    [Fact]
    public void A_record_with_every_layer_filled_matches_the_schema()
    {
        var json = RecordWriter.ToJson(RecordBuilder.Build(FullDocument(), includeTokens: true, modelsVersion: "m1", lexiconsVersion: "l1"));
        Assert.Empty(SchemaValidator.Errors(json));
    }

    [Fact]
    public void An_empty_record_has_every_field_present_and_matches_the_schema()
    {
        var json = RecordWriter.ToJson(RecordBuilder.Build(new Document("empty", "")));
        Assert.Empty(SchemaValidator.Errors(json));
        foreach (var field in new[] { "\"actors\":[]", "\"events\":[]", "\"quotes\":[]", "\"places\":[]", "\"times\":[]", "\"removed\":[]", "\"published\":null", "\"url\":null" })
        {
            Assert.Contains(field, json, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("\"tokens\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_input_record_matches_the_schema_and_says_why()
    {
        var doc = Document.FailedInput("bad.jsonl:3", "bad.jsonl:3", new Diagnostic(DiagnosticCodes.MalformedJson, "bad.jsonl:3: not JSON."));
        var json = RecordWriter.ToJson(RecordBuilder.Build(doc));
        Assert.Empty(SchemaValidator.Errors(json));
        Assert.Contains("\"status\":\"failed\"", json, StringComparison.Ordinal);
        Assert.Contains("E206", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_schema_rejects_a_record_missing_a_field()
    {
        var json = RecordWriter.ToJson(RecordBuilder.Build(new Document("x", "text"))).Replace("\"events\":[],", "", StringComparison.Ordinal);
        Assert.NotEmpty(SchemaValidator.Errors(json));
    }

    [Fact]
    public void Serialisation_is_deterministic_and_keeps_non_ascii_readable()
    {
        var doc = new Document("d", "Zoë Ferrandis visited Kraków — “next steps”.");
        var a = RecordWriter.ToUtf8(RecordBuilder.Build(doc));
        var b = RecordWriter.ToUtf8(RecordBuilder.Build(doc));
        Assert.Equal(a, b);
        Assert.Contains("Zoë Ferrandis visited Kraków", System.Text.Encoding.UTF8.GetString(a), StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_reads_back_with_the_same_content()
    {
        var json = RecordWriter.ToJson(RecordBuilder.Build(FullDocument()));
        var back = RecordWriter.FromJson(json);
        Assert.NotNull(back);
        Assert.Equal(json, RecordWriter.ToJson(back));
    }
}
