namespace Parley.Store;

/// <summary>
/// The store's tables, written once for both databases. <c>{key}</c> stands for a text column
/// compared byte-wise (codes, dates: prefix and range scans must use the index), <c>{real}</c> and
/// <c>{long}</c> for the dialect's types, <c>{nulls first}</c> for what makes an index list nulls first
/// (as listings sort) where the database would put them last. Migrations are append-only: a released one never changes.
/// </summary>
internal static class StoreSchema
{
    /// <summary>Every table, in the order <see cref="IEventStore.DumpAsync"/> lists them, with its key columns.</summary>
    public static readonly (string Table, string Key)[] Tables =
    [
        ("articles", "id"),
        ("actors", "article_id, actor_id"),
        ("places", "article_id, place_id"),
        ("quotes", "article_id, quote_id"),
        ("times", "article_id, ordinal"),
        ("diagnostics", "article_id, ordinal"),
        ("events", "id"),
        ("event_mentions", "article_id, local_id"),
    ];

    /// <summary>Version 1: articles with their layers, merged events and their mentions.</summary>
    public static readonly string[] Version1 =
    [
        """
        CREATE TABLE articles (
            id text PRIMARY KEY, seq {long} NOT NULL, url text, source text, outlet text NOT NULL, title text,
            published {key}, language text, status text NOT NULL, text text NOT NULL,
            text_hash text NOT NULL, norm_hash text NOT NULL, simhash {long} NOT NULL,
            band0 integer NOT NULL, band1 integer NOT NULL, band2 integer NOT NULL, band3 integer NOT NULL,
            duplicate_of text, distance integer, versions text)
        """,
        "CREATE UNIQUE INDEX articles_seq ON articles (seq)",
        "CREATE INDEX articles_norm_hash ON articles (norm_hash)",
        "CREATE INDEX articles_band0 ON articles (band0)",
        "CREATE INDEX articles_band1 ON articles (band1)",
        "CREATE INDEX articles_band2 ON articles (band2)",
        "CREATE INDEX articles_band3 ON articles (band3)",
        """
        CREATE TABLE actors (
            article_id text NOT NULL, actor_id text NOT NULL, name text NOT NULL, code {key}, country {key},
            sector text, role text, organization text, mentions integer NOT NULL,
            PRIMARY KEY (article_id, actor_id))
        """,
        """
        CREATE TABLE places (
            article_id text NOT NULL, place_id text NOT NULL, name text NOT NULL, country {key}, admin1 text,
            kind text NOT NULL, lat {real} NOT NULL, lon {real} NOT NULL, gazetteer_id text,
            PRIMARY KEY (article_id, place_id))
        """,
        """
        CREATE TABLE quotes (
            article_id text NOT NULL, quote_id text NOT NULL, start_offset integer NOT NULL, end_offset integer NOT NULL,
            text text NOT NULL, kind text NOT NULL, speaker text, speaker_text text, cue text,
            PRIMARY KEY (article_id, quote_id))
        """,
        "CREATE INDEX quotes_speaker ON quotes (lower(speaker_text))",
        """
        CREATE TABLE times (
            article_id text NOT NULL, ordinal integer NOT NULL, start_offset integer NOT NULL, end_offset integer NOT NULL,
            text text NOT NULL, value text, time_precision text NOT NULL,
            PRIMARY KEY (article_id, ordinal))
        """,
        """
        CREATE TABLE diagnostics (
            article_id text NOT NULL, ordinal integer NOT NULL, code text NOT NULL, severity text NOT NULL,
            message text NOT NULL, start_offset integer, end_offset integer, stage text,
            PRIMARY KEY (article_id, ordinal))
        """,
        """
        CREATE TABLE events (
            id {key} PRIMARY KEY, merge_key {key} NOT NULL, code {key} NOT NULL, name text, root {key} NOT NULL,
            plover_type {key}, plover_mode text, goldstein {real} NOT NULL, quad integer NOT NULL, mode {key},
            source_code {key}, source_name text, source_country {key},
            target_code {key}, target_name text, target_country {key},
            event_day {key}, event_week {key}, event_month {key},
            country {key}, place_name text, admin1 text, place_kind text, lat {real}, lon {real}, gazetteer_id text,
            first_article text NOT NULL,
            mentions integer NOT NULL, articles integer NOT NULL, sources integer NOT NULL, independent integer NOT NULL)
        """,
        "CREATE INDEX events_merge ON events (merge_key, event_day)",
        "CREATE INDEX events_day ON events (event_day, id)",
        "CREATE INDEX events_source ON events (source_code, event_day)",
        "CREATE INDEX events_target ON events (target_code, event_day)",
        "CREATE INDEX events_source_name ON events (lower(source_name))",
        "CREATE INDEX events_target_name ON events (lower(target_name))",
        "CREATE INDEX events_code ON events (code, event_day)",
        "CREATE INDEX events_root ON events (root, event_day)",
        "CREATE INDEX events_plover ON events (plover_type, event_day)",
        "CREATE INDEX events_quad ON events (quad, event_day)",
        "CREATE INDEX events_goldstein ON events (goldstein)",
        "CREATE INDEX events_mode ON events (mode, event_day)",
        "CREATE INDEX events_country ON events (country, event_day)",
        "CREATE INDEX events_place ON events (lower(place_name))",
        "CREATE INDEX events_lat ON events (lat)",
        "CREATE INDEX events_week ON events (event_week)",
        "CREATE INDEX events_month ON events (event_month)",
        """
        CREATE TABLE event_mentions (
            article_id text NOT NULL, local_id text NOT NULL, event_id {key} NOT NULL,
            sentence integer NOT NULL, trigger_start integer NOT NULL, trigger_end integer NOT NULL, trigger_text text NOT NULL,
            code text NOT NULL, mode text, confidence {real} NOT NULL, rule text, event_day text, reason text NOT NULL,
            PRIMARY KEY (article_id, local_id))
        """,
        "CREATE INDEX event_mentions_event ON event_mentions (event_id)",
    ];

    /// <summary>Version 2: indexes that answer the slow filters of a large store from the index alone.</summary>
    public static readonly string[] Version2 =
    [
        // A QuadClass with a Goldstein range is one index range, checked without reading the events.
        "CREATE INDEX events_quad_goldstein ON events (quad, goldstein)",
        // Counts by dyad within a root read the codes from the index.
        "CREATE INDEX events_root_dyad ON events (root, source_code, target_code)",
        // A listing sorts the ids of the events that match from an index (day by id), reading only its page whole.
        "CREATE INDEX events_id_day ON events (id, event_day)",
        // From the articles a search finds to their events without reading the mentions.
        "CREATE INDEX event_mentions_article ON event_mentions (article_id, event_id)",
    ];

    /// <summary>Version 3: covering indexes for searches that walk events in day order, quoted speakers and actor counts.</summary>
    public static readonly string[] Version3 =
    [
        // A walk in day order checks each event's articles from the index alone.
        "CREATE INDEX event_mentions_event_article ON event_mentions (event_id, article_id)",
        "DROP INDEX event_mentions_event",
        // The articles quoting a speaker, from the index alone.
        "CREATE INDEX quotes_speaker_article ON quotes (lower(speaker_text), article_id)",
        "DROP INDEX quotes_speaker",
        // Counts for an actor by month: one index range for the events it is the source of, one for
        // those it is only the target of, both read without the events.
        "CREATE INDEX events_source_month ON events (source_code, event_month)",
        "CREATE INDEX events_target_month ON events (target_code, event_month, source_code)",
    ];

    /// <summary>
    /// Version 4: each mention carries its merged event's day (fixed when the event is created), so a
    /// search over articles lists events in day order from the mentions alone.
    /// </summary>
    public static readonly string[] Version4 =
    [
        "ALTER TABLE event_mentions ADD COLUMN merged_day {key}",
        "UPDATE event_mentions SET merged_day = (SELECT e.event_day FROM events e WHERE e.id = event_mentions.event_id)",
        // A dense search walks the mentions in the events' order (nulls first, as listings sort) and stops at its page.
        "CREATE INDEX event_mentions_day ON event_mentions (merged_day{nulls first}, event_id, article_id)",
        // A sparse one gathers the mentions of the matching articles with their events' days.
        "CREATE INDEX event_mentions_article_day ON event_mentions (article_id, merged_day, event_id)",
        "DROP INDEX event_mentions_article",
        // An actor's events in a date range, with their days and ids, from the index alone.
        "CREATE INDEX events_source_day ON events (source_code, event_day, id)",
        "DROP INDEX events_source",
        "CREATE INDEX events_target_day ON events (target_code, event_day, id)",
        "DROP INDEX events_target",
    ];
}
