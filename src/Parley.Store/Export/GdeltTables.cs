using System.Globalization;

namespace Parley.Store.Export;

/// <summary>
/// Merged events and mentions in the column order of the GDELT 2.0 event and mentions tables, so
/// scripts written for GDELT read them. Fields Parley does not produce are empty: actor groups,
/// ethnicity and religion, tone, actor geography, ADM codes. Country codes are ISO (GDELT uses FIPS);
/// DATEADDED is the event day, as the store keeps no ingest time.
/// </summary>
public static class GdeltTables
{
    /// <summary>The 61 columns of the GDELT 2.0 event table, in order.</summary>
    public static IReadOnlyList<string> EventColumns { get; } =
    [
        "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
        .. ActorColumns("Actor1"), .. ActorColumns("Actor2"),
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
        "NumMentions", "NumSources", "NumArticles", "AvgTone",
        .. GeoColumns("Actor1Geo"), .. GeoColumns("Actor2Geo"), .. GeoColumns("ActionGeo"),
        "DATEADDED", "SOURCEURL",
    ];

    /// <summary>The 16 columns of the GDELT 2.0 mentions table, in order.</summary>
    public static IReadOnlyList<string> MentionColumns { get; } =
    [
        "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier", "SentenceID",
        "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
        "MentionDocTranslationInfo", "Extras",
    ];

    /// <summary>GDELT's numeric event id for a store id (its 16 hex digits, top bit cleared).</summary>
    public static long GlobalEventId(string id) => long.Parse(id, NumberStyles.HexNumber, CultureInfo.InvariantCulture) & long.MaxValue;

    /// <summary>One event as the 61 values of a GDELT event row.</summary>
    public static object?[] EventRow(StoredEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        DateOnly? day = e.Date is null ? null : DateOnly.ParseExact(e.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        object?[] row =
        [
            GlobalEventId(e.Id), day?.ToString("yyyyMMdd", CultureInfo.InvariantCulture), day?.ToString("yyyyMM", CultureInfo.InvariantCulture),
            day?.Year, day is { } d ? (d.Year + ((d.DayOfYear - 1) / 365.0)).ToString("0.0000", CultureInfo.InvariantCulture) : null,
            .. Actor(e.SourceCode, e.SourceName, e.SourceCountry), .. Actor(e.TargetCode, e.TargetName, e.TargetCountry),
            0, e.Code, e.Code.Length > 3 ? e.Code[..3] : e.Code, e.Root, e.Quad, e.Goldstein,
            e.Mentions, e.Sources, e.Articles, null,
            .. Geo(null), .. Geo(null), .. Geo(e),
            day?.ToString("yyyyMMdd000000", CultureInfo.InvariantCulture), e.Url,
        ];
        return row;
    }

    /// <summary>One mention as the 16 values of a GDELT mentions row.</summary>
    public static object?[] MentionRow(StoredMention m, string? eventDate)
    {
        ArgumentNullException.ThrowIfNull(m);
        return
        [
            GlobalEventId(m.EventId), Stamp(eventDate), Stamp(m.Date), 1, m.Outlet, m.Url ?? m.ArticleId, m.Sentence + 1,
            -1, -1, m.TriggerStart, 1, (int)Math.Round(m.Confidence * 100), null, null, null, null,
        ];
    }

    private static string? Stamp(string? day) => day is null ? null : day.Replace("-", "", StringComparison.Ordinal) + "000000";

    private static string[] ActorColumns(string prefix) =>
    [
        $"{prefix}Code", $"{prefix}Name", $"{prefix}CountryCode", $"{prefix}KnownGroupCode", $"{prefix}EthnicCode",
        $"{prefix}Religion1Code", $"{prefix}Religion2Code", $"{prefix}Type1Code", $"{prefix}Type2Code", $"{prefix}Type3Code",
    ];

    private static string[] GeoColumns(string prefix) =>
    [
        $"{prefix}_Type", $"{prefix}_FullName", $"{prefix}_CountryCode", $"{prefix}_ADM1Code", $"{prefix}_ADM2Code",
        $"{prefix}_Lat", $"{prefix}_Long", $"{prefix}_FeatureID",
    ];

    private static object?[] Actor(string? code, string? name, string? country)
    {
        // The first sector after the country (RUSGOV → GOV) is GDELT's Type1Code.
        var type = code is not null && country is not null && code.Length >= 6 && code.StartsWith(country, StringComparison.Ordinal) ? code[3..6] : null;
        return [code, name?.ToUpperInvariant(), country, null, null, null, null, type, null, null];
    }

    private static object?[] Geo(StoredEvent? e)
    {
        if (e?.Lat is null || e.Lon is null)
        {
            return [0, null, null, null, null, null, null, null];
        }
        var us = e.Country == "US";
        var type = e.PlaceKind switch
        {
            "country" => 1,
            "admin1" => us ? 2 : 5,
            _ => us ? 3 : 4,
        };
        var fullName = string.Join(", ", new[] { e.PlaceName, e.Admin1, e.Country }.Where(p => !string.IsNullOrEmpty(p)));
        return [type, fullName, e.Country, null, null, e.Lat, e.Lon, e.GazetteerId];
    }
}
