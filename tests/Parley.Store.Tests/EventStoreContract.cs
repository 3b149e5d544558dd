namespace Parley.Store.Tests;

/// <summary>The store's behaviour, checked on every database: each subclass opens one kind of store.</summary>
public abstract class EventStoreContract
{
    private protected abstract Task<(IEventStore Store, Func<Task> Drop)> OpenAsync();

    private static readonly CancellationToken None = CancellationToken.None;

    private async Task WithStoreAsync(Func<IEventStore, Task> test)
    {
        var (store, drop) = await OpenAsync();
        try
        {
            await test(store);
        }
        finally
        {
            await drop();
        }
    }

    private static async Task<List<string>> DumpAsync(IEventStore store)
    {
        var lines = new List<string>();
        await foreach (var line in store.DumpAsync(None))
        {
            lines.Add(line);
        }
        return lines;
    }

    private static async Task<List<StoredEvent>> QueryAsync(IEventStore store, EventQuery query)
    {
        var events = new List<StoredEvent>();
        await foreach (var stored in store.QueryAsync(query, None))
        {
            events.Add(stored);
        }
        return events;
    }

    [SkippableFact]
    public Task Storing_the_same_articles_twice_stores_nothing_new() => WithStoreAsync(async store =>
    {
        var records = new[]
        {
            Articles.Record("nor-1", Articles.MeetingReport, "nordic.example", "2021-03-02", Articles.Meeting()),
            Articles.Record("chl-1", Articles.OtherMeetingReport, "andes.example", "2021-03-03", Articles.Meeting()),
        };
        Assert.Equal([ArticleOutcome.New, ArticleOutcome.New], await store.StoreAsync(records, None));
        var first = await DumpAsync(store);
        Assert.Equal([ArticleOutcome.Unchanged, ArticleOutcome.Unchanged], await store.StoreAsync(records, None));
        Assert.Equal(first, await DumpAsync(store));
        var lookup = await store.LookupAsync("nor-1", TextFingerprint.Of(Articles.MeetingReport), None);
        Assert.Equal(ArticleOutcome.Unchanged, lookup.Outcome);
    });

    [SkippableFact]
    public Task Near_identical_copies_under_two_outlets_are_one_event_from_one_independent_source() => WithStoreAsync(async store =>
    {
        var copy = Articles.MeetingReport.Replace("on Tuesday", "on Tuesday afternoon", StringComparison.Ordinal) + " (Wire copy.)";
        Assert.NotEqual(TextFingerprint.Of(Articles.MeetingReport).NormalizedHash, TextFingerprint.Of(copy).NormalizedHash);
        Assert.InRange(TextFingerprint.Distance(TextFingerprint.Of(Articles.MeetingReport).SimHash, TextFingerprint.Of(copy).SimHash),
            0, TextFingerprint.NearDuplicateDistance);
        var outcomes = await store.StoreAsync(
        [
            Articles.Record("wire-1", Articles.MeetingReport, "wire.example", "2021-03-02", Articles.Meeting()),
            Articles.Record("paper-7", copy, "daily.example", "2021-03-02", Articles.Meeting()),
        ], None);
        Assert.Equal([ArticleOutcome.New, ArticleOutcome.NearDuplicate], outcomes);
        var stored = Assert.Single(await QueryAsync(store, new EventQuery()));
        Assert.Equal((2, 2, 2, 1), (stored.Mentions, stored.Articles, stored.Sources, stored.Independent));
        var detail = await store.GetEventAsync(stored.Id, None);
        Assert.NotNull(detail);
        Assert.Equal(["wire-1", "paper-7"], detail.Mentions.Select(m => m.ArticleId));
        Assert.Equal("wire-1", detail.Mentions[1].DuplicateOf);
        Assert.StartsWith("first mention", detail.Mentions[0].Reason, StringComparison.Ordinal);
        Assert.StartsWith("merged: same source NORGOV and target CHLGOV, same root 03", detail.Mentions[1].Reason, StringComparison.Ordinal);
    });

    [SkippableFact]
    public Task Two_different_reports_of_one_meeting_are_two_independent_sources() => WithStoreAsync(async store =>
    {
        await store.StoreAsync(
        [
            Articles.Record("nor-1", Articles.MeetingReport, "nordic.example", "2021-03-02", Articles.Meeting()),
            Articles.Record("chl-1", Articles.OtherMeetingReport, "andes.example", "2021-03-04", Articles.Meeting()),
        ], None);
        var stored = Assert.Single(await QueryAsync(store, new EventQuery()));
        Assert.Equal((2, 2, 2), (stored.Articles, stored.Sources, stored.Independent));
        Assert.Equal("2021-03-02", stored.Date);
    });

    [SkippableFact]
    public Task Mentions_too_far_apart_in_time_or_place_stay_separate_events() => WithStoreAsync(async store =>
    {
        var elsewhere = Articles.Record("chl-2", "In Santiago the two ministers signed a memorandum on research ships.", "andes.example", "2021-03-03", Articles.Meeting()) with
        {
            Places = [new Parley.Model.Place { Id = "p1", Name = "Santiago", Country = "CL", Kind = "city", Lat = -33.45, Lon = -70.67 }],
        };
        await store.StoreAsync(
        [
            Articles.Record("nor-1", Articles.MeetingReport, "nordic.example", "2021-03-02", Articles.Meeting()),
            Articles.Record("chl-1", Articles.OtherMeetingReport, "andes.example", "2021-03-09", Articles.Meeting()),
            elsewhere,
            Articles.Record("nor-2", Articles.MeetingReport + " Updated.", "nordic.example", "2021-03-02", Articles.Meeting(root: "04", code: "040")),
        ], None);
        var events = await QueryAsync(store, new EventQuery());
        Assert.Equal(4, events.Count);
        Assert.All(events, e => Assert.Equal(1, e.Articles));
    });

    [SkippableFact]
    public Task A_changed_article_replaces_its_old_rows_and_counts_follow() => WithStoreAsync(async store =>
    {
        await store.StoreAsync(
        [
            Articles.Record("nor-1", Articles.MeetingReport, "nordic.example", "2021-03-02", Articles.Meeting()),
            Articles.Record("chl-1", Articles.OtherMeetingReport, "andes.example", "2021-03-02", Articles.Meeting()),
        ], None);
        var corrected = Articles.OtherMeetingReport.Replace("this week", "on Monday", StringComparison.Ordinal);
        var lookup = await store.LookupAsync("chl-1", TextFingerprint.Of(corrected), None);
        Assert.Equal(ArticleOutcome.Replaced, lookup.Outcome);
        var outcomes = await store.StoreAsync(
            [Articles.Record("chl-1", corrected, "andes.example", "2021-03-02", Articles.Meeting(code: "190", root: "19"))], None);
        Assert.Equal([ArticleOutcome.Replaced], outcomes);
        var events = await QueryAsync(store, new EventQuery());
        Assert.Equal(["03", "19"], events.Select(e => e.Root).Order(StringComparer.Ordinal));
        Assert.All(events, e => Assert.Equal(1, e.Articles));
    });

    [SkippableFact]
    public Task Quotation_text_is_searched_in_the_stored_version_of_an_article_only() => WithStoreAsync(async store =>
    {
        var record = Articles.Record("nor-1", Articles.MeetingReport, "nordic.example", "2021-03-02", Articles.Meeting());
        await store.StoreAsync([record], None);
        Assert.Single(await QueryAsync(store, new EventQuery { Quote = "COUNTRIES WOULD" }));
        var corrected = record with
        {
            Text = record.Text + " Talks resume in June.",
            Quotes = [record.Quotes[0] with { Text = "fishing quotas will be reviewed" }],
        };
        Assert.Equal([ArticleOutcome.Replaced], await store.StoreAsync([corrected], None));
        Assert.Empty(await QueryAsync(store, new EventQuery { Quote = "countries would" }));
        Assert.Single(await QueryAsync(store, new EventQuery { Quote = "Quotas Will" }));
        Assert.Single(await QueryAsync(store, new EventQuery { Quote = "ew" }));
        Assert.Empty(await QueryAsync(store, new EventQuery { Quote = "quotas_will" }));
    });

    [SkippableFact]
    public Task The_same_text_under_another_id_is_a_duplicate_and_codes_nothing() => WithStoreAsync(async store =>
    {
        await store.StoreAsync([Articles.Record("nor-1", Articles.MeetingReport, "nordic.example", "2021-03-02", Articles.Meeting())], None);
        var reformatted = Articles.MeetingReport.ToUpperInvariant().Replace(". ", ".\n\n", StringComparison.Ordinal);
        var lookup = await store.LookupAsync("mirror-9", TextFingerprint.Of(reformatted), None);
        Assert.Equal(new ArticleLookup(ArticleOutcome.Duplicate, "nor-1"), lookup);
        var outcomes = await store.StoreAsync([Articles.Record("mirror-9", reformatted, "mirror.example", "2021-03-02", Articles.Meeting())], None);
        Assert.Equal([ArticleOutcome.Duplicate], outcomes);
        var stored = Assert.Single(await QueryAsync(store, new EventQuery()));
        Assert.Equal(1, stored.Articles);
    });

    [SkippableFact]
    public Task Queries_filter_on_every_field_and_count_by_group() => WithStoreAsync(async store =>
    {
        await store.StoreAsync(
        [
            Articles.Record("nor-1", Articles.MeetingReport, "nordic.example", "2021-03-02", Articles.Meeting()),
            Articles.Record("nor-2", "Norway expelled a Chilean diplomat after a dispute over trawler permits.", "nordic.example", "2021-05-20",
                Articles.Meeting(code: "1711", root: "17", place: null) with { Goldstein = -5.0, Quad = 4, Plover = new Parley.Model.PloverClass("COERCE", null) }),
            Articles.Record("chl-1", Articles.OtherMeetingReport, "andes.example", "2021-05-21",
                Articles.Meeting(source: "CHLGOV", target: "NORGOV", date: "2021-05-18")),
        ], None);
        async Task<List<string?>> Days(EventQuery query) => [.. (await QueryAsync(store, query)).Select(e => e.Date)];

        Assert.Equal(["2021-03-02", "2021-05-18", "2021-05-20"], await Days(new EventQuery()));
        Assert.Equal(["2021-03-02", "2021-05-18", "2021-05-20"], await Days(new EventQuery { ActorCode = "NOR" }));
        Assert.Equal(["2021-05-18"], await Days(new EventQuery { ActorCode = "CHL", Root = "03", From = new DateOnly(2021, 4, 1) }));
        Assert.Empty(await Days(new EventQuery { ActorCode = "RUS" }));
        Assert.Equal(["2021-03-02", "2021-05-18", "2021-05-20"], await Days(new EventQuery { ActorName = "norwegian" }));
        Assert.Equal(["2021-05-20"], await Days(new EventQuery { Code = "17" }));
        Assert.Equal(["2021-05-20"], await Days(new EventQuery { Plover = "coerce", Quad = 4, GoldsteinMax = 0 }));
        Assert.Equal(["2021-03-02", "2021-05-18"], await Days(new EventQuery { GoldsteinMin = 1, Mode = "asserted" }));
        Assert.Equal(["2021-03-02", "2021-05-18"], await Days(new EventQuery { Country = "no", Place = "OSLO" }));
        Assert.Equal(["2021-03-02", "2021-05-18"], await Days(new EventQuery { Near = new GeoCircle(59.95, 10.8, 20) }));
        Assert.Empty(await Days(new EventQuery { Near = new GeoCircle(48.85, 2.35, 100) }));
        Assert.Equal(["2021-03-02", "2021-05-18"], await Days(new EventQuery { To = new DateOnly(2021, 5, 19) }));
        Assert.Equal(["2021-05-20"], await Days(new EventQuery { Text = "expelled DIPLOMAT" }));
        Assert.Equal(["2021-05-18"], await Days(new EventQuery { Text = "conservationists" }));
        Assert.Empty(await Days(new EventQuery { Text = "volcano" }));
        Assert.Equal(3, (await Days(new EventQuery { Speaker = "NORWEGIAN min" })).Count);
        Assert.Equal(3, (await Days(new EventQuery { Quote = "exchange data" })).Count);
        Assert.Empty(await Days(new EventQuery { Quote = "100%_" }));
        Assert.Single(await Days(new EventQuery { Limit = 1 }));

        Assert.Equal([new CountRow("2021-03", 1), new CountRow("2021-05", 2)], await store.CountAsync(new EventQuery(), CountBy.Month, None));
        Assert.Equal([new CountRow("2021-03-01", 1), new CountRow("2021-05-17", 2)], await store.CountAsync(new EventQuery(), CountBy.Week, None));
        Assert.Equal([new CountRow("CHLGOV-NORGOV", 1), new CountRow("NORGOV-CHLGOV", 2)], await store.CountAsync(new EventQuery(), CountBy.Dyad, None));
        Assert.Equal([new CountRow("03", 2), new CountRow("17", 1)], await store.CountAsync(new EventQuery(), CountBy.Root, None));
        Assert.Equal([new CountRow("2021-05-20", 1)], await store.CountAsync(new EventQuery { Root = "17" }, CountBy.Day, None));
    });

    [SkippableFact]
    public Task Counts_for_an_actor_count_each_event_once_whichever_side_it_is_on() => WithStoreAsync(async store =>
    {
        await store.StoreAsync(
        [
            Articles.Record("both-1", Articles.MeetingReport, "nordic.example", "2021-03-02", Articles.Meeting(target: "NORMIL")),
            Articles.Record("target-1", Articles.OtherMeetingReport, "andes.example", "2021-03-20", Articles.Meeting(source: "CHLGOV", target: "NORGOV")),
            Articles.Record("source-1", "Norway sent a trade envoy to Santiago to talk about salmon exports.", "nordic.example", "2021-05-04",
                Articles.Meeting(code: "040", root: "04")),
            Articles.Record("neither-1", "Chile and Peru held talks on their maritime border.", "andes.example", "2021-05-06",
                Articles.Meeting(source: "CHLGOV", target: "PERGOV")),
        ], None);
        var listed = await QueryAsync(store, new EventQuery { ActorCode = "nor" });
        Assert.Equal(3, listed.Count);
        // A page lists the event on both sides once, in the same order as the whole listing.
        Assert.Equal(listed.Select(e => e.Id), (await QueryAsync(store, new EventQuery { ActorCode = "nor", Limit = 10 })).Select(e => e.Id));
        Assert.Equal(listed.Skip(1).Take(1).Select(e => e.Id),
            (await QueryAsync(store, new EventQuery { ActorCode = "NOR", From = new DateOnly(2021, 3, 3), Limit = 1 })).Select(e => e.Id));
        List<CountRow> Expected(Func<StoredEvent, string> key) =>
            [.. listed.GroupBy(key).Select(g => new CountRow(g.Key, g.Count())).OrderBy(row => row.Key, StringComparer.Ordinal)];
        Assert.Equal(Expected(e => e.Date![..7]), await store.CountAsync(new EventQuery { ActorCode = "nor" }, CountBy.Month, None));
        Assert.Equal(Expected(e => $"{e.SourceCode}-{e.TargetCode}"), await store.CountAsync(new EventQuery { ActorCode = "NOR" }, CountBy.Dyad, None));
        Assert.Equal([new CountRow("2021-03", 2)],
            await store.CountAsync(new EventQuery { ActorCode = "NOR", Root = "03", To = new DateOnly(2021, 4, 30) }, CountBy.Month, None));
        Assert.Empty(await store.CountAsync(new EventQuery { ActorCode = "RUS" }, CountBy.Month, None));
    });

    [SkippableFact]
    public Task Listings_give_the_same_events_whether_they_start_from_the_filters_or_the_days() => WithStoreAsync(async store =>
    {
        await store.StoreAsync(
        [
            Articles.Record("nor-1", Articles.MeetingReport, "nordic.example", "2021-03-02", Articles.Meeting()),
            Articles.Record("nor-2", "Norway expelled a Chilean diplomat over trawler permits.", "nordic.example", "2021-05-20", Articles.Meeting(root: "17", code: "1711")),
            Articles.Record("chl-1", Articles.OtherMeetingReport, "andes.example", "2021-04-11", Articles.Meeting(root: "04", code: "040")),
        ], None);
        var sql = (SqlEventStore)store;
        EventQuery[] queries =
        [
            new() { Text = "trawler" }, new() { Text = "fishing" }, new() { Text = "quota science" }, new() { Text = "volcano" },
            new() { ActorCode = "NOR" }, new() { ActorCode = "chl", From = new DateOnly(2021, 4, 1), To = new DateOnly(2021, 5, 31) }, new() { Code = "17" }, new() { Root = "04", From = new DateOnly(2021, 4, 1) }, new() { Quad = 1, Limit = 1 },
            new() { Speaker = "norwegian" }, new() { Quote = "exchange data" }, new() { Quote = "ex" }, new() { Quote = "DATA", Speaker = "nor" },
        ];
        foreach (var query in queries)
        {
            (sql.DenseTextMatches, sql.DenseRows, sql.DenseMentions) = (int.MaxValue, int.MaxValue, long.MaxValue);
            var fromFilters = (await QueryAsync(store, query with { Limit = query.Limit > 0 ? query.Limit : 10 })).Select(e => e.Id).ToList();
            (sql.DenseTextMatches, sql.DenseRows, sql.DenseMentions) = (0, 1, 0);
            var fromDays = (await QueryAsync(store, query with { Limit = query.Limit > 0 ? query.Limit : 10 })).Select(e => e.Id).ToList();
            Assert.Equal(fromFilters, fromDays);
        }
        Assert.Equal(2, (await QueryAsync(store, new EventQuery { Text = "trawler", Limit = 10 })).Count);
    });

    [SkippableFact]
    public Task A_search_lists_a_merged_event_on_its_own_day_whichever_article_matched() => WithStoreAsync(async store =>
    {
        const string Expulsion = "Norway expelled a Chilean diplomat after a trawler was seized near the fjords.";
        await store.StoreAsync(
        [
            Articles.Record("nor-1", Articles.MeetingReport, "nordic.example", "2021-03-02", Articles.Meeting()),
            Articles.Record("nor-2", Expulsion, "nordic.example", "2021-03-03", Articles.Meeting(root: "17", code: "1711")),
            // Merges into the meeting of 2 March; only this later report has the word searched for.
            Articles.Record("chl-1", Articles.OtherMeetingReport, "andes.example", "2021-03-04", Articles.Meeting()),
        ], None);
        var meeting = Assert.Single(await QueryAsync(store, new EventQuery { Root = "03" }));
        Assert.Equal((2, "2021-03-02"), (meeting.Articles, meeting.Date));
        var sql = (SqlEventStore)store;
        foreach (var dense in new[] { false, true })
        {
            sql.DenseMentions = dense ? 0 : long.MaxValue;
            Assert.Equal([("2021-03-02", "03"), ("2021-03-03", "17")],
                (await QueryAsync(store, new EventQuery { Text = "trawler", Limit = 10 })).Select(e => (e.Date, e.Root)));
            Assert.Equal([meeting.Id], (await QueryAsync(store, new EventQuery { Text = "trawler", Limit = 1 })).Select(e => e.Id));
            Assert.Equal(["17"], (await QueryAsync(store, new EventQuery { Text = "trawler", From = new DateOnly(2021, 3, 3), Limit = 10 })).Select(e => e.Root));
            Assert.Empty(await QueryAsync(store, new EventQuery { Text = "trawler", From = new DateOnly(2021, 3, 4), Limit = 10 }));
            Assert.Equal([meeting.Id], (await QueryAsync(store, new EventQuery { Speaker = "norw", To = new DateOnly(2021, 3, 2), Limit = 10 })).Select(e => e.Id));
        }
    });

    [SkippableFact]
    public Task Query_values_are_data_never_sql() => WithStoreAsync(async store =>
    {
        await store.StoreAsync([Articles.Record("nor-1", Articles.MeetingReport, "nordic.example", "2021-03-02", Articles.Meeting())], None);
        string[] hostile = ["'; DROP TABLE events; --", "x' OR '1'='1", "\" OR 1=1 --", "NEAR(a b)"];
        foreach (var value in hostile)
        {
            Assert.Empty(await QueryAsync(store, new EventQuery { ActorName = value, Text = value }));
            Assert.Empty(await QueryAsync(store, new EventQuery { ActorCode = value }));
            Assert.Empty(await QueryAsync(store, new EventQuery { Place = value, Speaker = value }));
        }
        Assert.Single(await QueryAsync(store, new EventQuery()));
    });

    [SkippableFact]
    public Task An_unknown_event_id_shows_nothing() => WithStoreAsync(async store =>
        Assert.Null(await store.GetEventAsync("0000000000000000", None)));
}
