namespace Parley.Store.Export;

/// <summary>The columns of the event and mention tables, shared by CSV, the terminal table and Parquet.</summary>
public static class EventTables
{
    /// <summary>Merged events, one row each.</summary>
    public static IReadOnlyList<TableColumn<StoredEvent>> Events { get; } =
    [
        new("id", typeof(string), e => e.Id),
        new("date", typeof(string), e => e.Date),
        new("code", typeof(string), e => e.Code),
        new("name", typeof(string), e => e.Name),
        new("root", typeof(string), e => e.Root),
        new("plover", typeof(string), e => e.PloverType),
        new("quad", typeof(int), e => e.Quad),
        new("goldstein", typeof(double), e => e.Goldstein),
        new("mode", typeof(string), e => e.Mode),
        new("sourceCode", typeof(string), e => e.SourceCode),
        new("sourceName", typeof(string), e => e.SourceName),
        new("sourceCountry", typeof(string), e => e.SourceCountry),
        new("targetCode", typeof(string), e => e.TargetCode),
        new("targetName", typeof(string), e => e.TargetName),
        new("targetCountry", typeof(string), e => e.TargetCountry),
        new("country", typeof(string), e => e.Country),
        new("place", typeof(string), e => e.PlaceName),
        new("lat", typeof(double?), e => e.Lat),
        new("lon", typeof(double?), e => e.Lon),
        new("mentions", typeof(int), e => e.Mentions),
        new("articles", typeof(int), e => e.Articles),
        new("sources", typeof(int), e => e.Sources),
        new("independent", typeof(int), e => e.Independent),
        new("firstArticle", typeof(string), e => e.FirstArticle),
        new("url", typeof(string), e => e.Url),
    ];

    /// <summary>Mentions, one row per sentence that reports an event.</summary>
    public static IReadOnlyList<TableColumn<StoredMention>> Mentions { get; } =
    [
        new("eventId", typeof(string), m => m.EventId),
        new("articleId", typeof(string), m => m.ArticleId),
        new("localId", typeof(string), m => m.LocalId),
        new("outlet", typeof(string), m => m.Outlet),
        new("url", typeof(string), m => m.Url),
        new("duplicateOf", typeof(string), m => m.DuplicateOf),
        new("sentence", typeof(int), m => m.Sentence),
        new("triggerStart", typeof(int), m => m.TriggerStart),
        new("triggerEnd", typeof(int), m => m.TriggerEnd),
        new("trigger", typeof(string), m => m.TriggerText),
        new("code", typeof(string), m => m.Code),
        new("mode", typeof(string), m => m.Mode),
        new("confidence", typeof(double), m => m.Confidence),
        new("rule", typeof(string), m => m.Rule),
        new("date", typeof(string), m => m.Date),
        new("reason", typeof(string), m => m.Reason),
    ];
}
