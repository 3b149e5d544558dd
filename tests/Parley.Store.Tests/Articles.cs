using Parley.Model;
using Parley.Serialization;

namespace Parley.Store.Tests;

/// <summary>Coded records built by hand, so the store is tested without models.</summary>
internal static class Articles
{
    public const string MeetingReport =
        "The foreign ministers of Norway and Chile met in Oslo on Tuesday to discuss fishing quotas in the southern Pacific. " +
        "Officials from both governments said the talks lasted more than four hours and ended with a joint statement on shared research vessels. " +
        "The Norwegian minister told reporters that the two countries would exchange data on krill stocks every season. " +
        "Chilean fishermen have long complained that foreign trawlers take too much from the waters off Patagonia, and their union welcomed the meeting. " +
        "A second round of talks is planned for the spring in Valparaiso, according to a ministry spokesperson. " +
        "Environmental groups asked both ministers to publish the scientific reports behind any new quota before it takes effect. " +
        "Norway is one of the largest seafood exporters in the world, and its salmon farms have expanded along the Chilean coast over the last decade. " +
        "Several Norwegian companies own farms in the Los Lagos region, where a toxic algae bloom killed millions of fish a few years ago. " +
        "Local mayors in the region have asked for stricter rules on how close to villages the pens may be placed, and for more inspectors. " +
        "The ministers did not say whether aquaculture was discussed, but a diplomat familiar with the agenda said it came up over lunch. " +
        "Chile's exports of fish meal to Europe rose sharply last year, helped by a weaker currency and strong demand from feed producers. " +
        "Trade between the two countries is still small compared with Chile's trade with China or the United States, economists note. " +
        "Both governments are also members of regional bodies that manage tuna and other species that migrate across national waters. " +
        "Scientists at a university in Concepcion have warned that warming seas are pushing some stocks further south each year. " +
        "The joint statement mentioned climate change twice and promised a workshop for researchers from both countries in the autumn. " +
        "Opposition lawmakers in Santiago said they would ask the minister to explain any commitments made in Oslo before the budget debate. " +
        "The Norwegian side said the visit was the first by a Chilean foreign minister in eleven years and called it a useful start.";

    public const string OtherMeetingReport =
        "Chile's top diplomat travelled to the Norwegian capital this week for a long session with her counterpart about ocean fisheries. " +
        "Trawler catches near Patagonia were the main subject, an aide said after the gathering, and research ships will now be shared. " +
        "Fishing unions in the south of Chile praised the visit, while conservationists demanded that quota science be made public.";

    public static ParleyRecord Record(string id, string text, string? source, string? published, params CodedEvent[] events) => new()
    {
        Id = id,
        Url = source is null ? null : $"https://{source}/news/{id}",
        Source = source,
        Title = null,
        Published = published,
        Language = "en",
        Status = "ok",
        Text = text,
        Removed = [],
        Sentences = [new SpanRecord(0, text.Length)],
        Actors =
        [
            new Actor { Id = "a1", Name = "Norwegian foreign minister", Code = "NORGOV", Country = "NOR", Sector = "GOV", Mentions = [new Mention(4, 20, "foreign minister")] },
            new Actor { Id = "a2", Name = "Chilean foreign minister", Code = "CHLGOV", Country = "CHL", Sector = "GOV", Mentions = [new Mention(4, 20, "foreign minister")] },
        ],
        Events = events,
        Quotes = [new Quote { Id = "q1", Start = 0, End = 10, Text = "the two countries would exchange data", Kind = "indirect", Speaker = "a1", SpeakerText = "Norwegian minister", Cue = "told" }],
        Places = [new Place { Id = "p1", Name = "Oslo", Country = "NO", Kind = "city", Lat = 59.91, Lon = 10.75, GazetteerId = "3143244" }],
        Times = [new TimeExpression(60, 67, "Tuesday", published, "day")],
        Diagnostics = [new DiagnosticRecord("W301", "warning", "'union' matches no actor.", 5, 10, "actors.lexicon.v1")],
        Versions = new VersionsRecord("0.1.0", "1", "1", ["clean.boilerplate.v1"]),
    };

    public static CodedEvent Meeting(string id = "e1", string? date = null, string? place = "p1", string source = "NORGOV", string target = "CHLGOV",
        string code = "036", string root = "03") => new()
    {
        Id = id,
        Code = code,
        Name = "Express intent to meet or negotiate",
        Root = root,
        Plover = new PloverClass("CONSULT", null),
        Goldstein = 4.0,
        Quad = 1,
        Sentence = 0,
        Trigger = new Mention(41, 44, "met"),
        Source = new EventArgument("a1", source, 4, 20, "foreign ministers"),
        Target = new EventArgument("a2", target, 4, 20, "foreign ministers"),
        Mode = "asserted",
        Place = place,
        Date = date,
        Confidence = 0.8,
        Rule = "test.meet",
    };
}
