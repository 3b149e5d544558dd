using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Parley.Model;
using Parley.Serialization;

namespace Parley.Store;

public abstract partial class SqlEventStore
{
    private static readonly string[] ArticleTables = ["event_mentions", "actors", "places", "quotes", "times", "diagnostics"];

    private async Task<ArticleOutcome> StoreOneAsync(Session session, ParleyRecord record, CancellationToken cancellationToken)
    {
        if (record.Status != "ok")
        {
            return ArticleOutcome.Failed; // not stored, so a rerun tries it again
        }
        var fingerprint = TextFingerprint.Of(record.Text);
        var replaced = false;
        var storedHash = await session.ScalarAsync("SELECT text_hash FROM articles WHERE id = @id", cancellationToken,
            SqlArg.Text("@id", record.Id)).ConfigureAwait(false);
        if (storedHash is string hash)
        {
            if (hash == fingerprint.TextHash)
            {
                return ArticleOutcome.Unchanged;
            }
            await DeleteArticleAsync(session, record.Id, cancellationToken).ConfigureAwait(false);
            replaced = true;
        }
        var seq = Convert.ToInt64(await session.ScalarAsync("SELECT COALESCE(MAX(seq), 0) + 1 FROM articles", cancellationToken).ConfigureAwait(false),
            CultureInfo.InvariantCulture);
        var exact = await FindExactCopyAsync(session, record.Id, fingerprint, cancellationToken).ConfigureAwait(false);
        if (exact is not null)
        {
            await InsertArticleAsync(session, record, fingerprint, seq, "duplicate", exact, 0, cancellationToken).ConfigureAwait(false);
            return ArticleOutcome.Duplicate;
        }
        var (original, distance) = await FindNearCopyAsync(session, record.Id, fingerprint, cancellationToken).ConfigureAwait(false);
        await InsertArticleAsync(session, record, fingerprint, seq, "ok", original, original is null ? null : distance, cancellationToken).ConfigureAwait(false);
        await IndexTextAsync(session, seq, record.Text, cancellationToken).ConfigureAwait(false);
        await InsertLayersAsync(session, record, cancellationToken).ConfigureAwait(false);
        foreach (var coded in record.Events)
        {
            await MergeEventAsync(session, record, coded, cancellationToken).ConfigureAwait(false);
        }
        return replaced ? ArticleOutcome.Replaced : original is not null ? ArticleOutcome.NearDuplicate : ArticleOutcome.New;
    }

    /// <summary>
    /// Loads coded articles fast, for generating large stores (benchmarks): no duplicate or
    /// near-duplicate detection and no merging, so each event becomes its own merged event with counts
    /// of one; of the article layers only quotes are kept. Ids must be new. One transaction.
    /// </summary>
    public async Task BulkLoadAsync(IReadOnlyList<ParleyRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var session = new Session(connection, transaction);
        var seq = Convert.ToInt64(await session.ScalarAsync("SELECT COALESCE(MAX(seq), 0) FROM articles", cancellationToken).ConfigureAwait(false),
            CultureInfo.InvariantCulture);
        foreach (var record in records)
        {
            seq++;
            await InsertArticleAsync(session, record, TextFingerprint.Of(record.Text), seq, "ok", null, null, cancellationToken).ConfigureAwait(false);
            await IndexTextAsync(session, seq, record.Text, cancellationToken).ConfigureAwait(false);
            await InsertLayersAsync(session, record with { Actors = [], Places = [], Times = [], Diagnostics = [] }, cancellationToken).ConfigureAwait(false);
            foreach (var coded in record.Events)
            {
                var resolved = Resolve(record, coded);
                var eventId = StableId(resolved.Key, record.Id, coded.Id);
                await InsertEventAsync(session, record, coded, resolved, eventId, 1, cancellationToken).ConfigureAwait(false);
                await InsertMentionAsync(session, record, coded, eventId, resolved.Day, resolved.Day, "bulk load: not merged", cancellationToken).ConfigureAwait(false);
            }
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The original of a stored article with the same normalised text under another id.</summary>
    private static async Task<string?> FindExactCopyAsync(Session session, string id, TextFingerprint fingerprint, CancellationToken cancellationToken)
    {
        await using var command = session.Command(
            "SELECT id, duplicate_of FROM articles WHERE norm_hash = @hash AND id <> @id ORDER BY seq LIMIT 1",
            SqlArg.Text("@hash", fingerprint.NormalizedHash), SqlArg.Text("@id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        return reader.IsDBNull(1) ? reader.GetString(0) : reader.GetString(1);
    }

    /// <summary>The original of the closest stored article within <see cref="TextFingerprint.NearDuplicateDistance"/> bits, or null.</summary>
    private static async Task<(string? Original, int Distance)> FindNearCopyAsync(Session session, string id, TextFingerprint fingerprint,
        CancellationToken cancellationToken)
    {
        var s = fingerprint.SimHash;
        await using var command = session.Command(
            "SELECT id, duplicate_of, simhash FROM articles WHERE (band0 = @b0 OR band1 = @b1 OR band2 = @b2 OR band3 = @b3) " +
            "AND status = 'ok' AND id <> @id ORDER BY seq",
            SqlArg.Int("@b0", TextFingerprint.Band(s, 0)), SqlArg.Int("@b1", TextFingerprint.Band(s, 1)),
            SqlArg.Int("@b2", TextFingerprint.Band(s, 2)), SqlArg.Int("@b3", TextFingerprint.Band(s, 3)), SqlArg.Text("@id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        string? best = null;
        var bestDistance = int.MaxValue;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var distance = TextFingerprint.Distance(s, reader.GetInt64(2));
            if (distance <= TextFingerprint.NearDuplicateDistance && distance < bestDistance)
            {
                bestDistance = distance;
                best = reader.IsDBNull(1) ? reader.GetString(0) : reader.GetString(1);
            }
        }
        return (best, bestDistance);
    }

    private static Task InsertArticleAsync(Session session, ParleyRecord record, TextFingerprint fingerprint, long seq, string status,
        string? duplicateOf, int? distance, CancellationToken cancellationToken)
    {
        var s = fingerprint.SimHash;
        var versions = $"{record.Versions.Parley}/{record.Versions.Models ?? "-"}/{record.Versions.Lexicons ?? "-"}";
        return session.ExecuteAsync(
            "INSERT INTO articles (id, seq, url, source, outlet, title, published, language, status, text, text_hash, norm_hash, simhash, " +
            "band0, band1, band2, band3, duplicate_of, distance, versions) VALUES (@id, @seq, @url, @source, @outlet, @title, @published, " +
            "@language, @status, @text, @text_hash, @norm_hash, @simhash, @b0, @b1, @b2, @b3, @duplicate_of, @distance, @versions)",
            cancellationToken,
            SqlArg.Text("@id", record.Id), SqlArg.Long("@seq", seq), SqlArg.Text("@url", record.Url), SqlArg.Text("@source", record.Source),
            SqlArg.Text("@outlet", Outlet(record)), SqlArg.Text("@title", record.Title), SqlArg.Text("@published", record.Published),
            SqlArg.Text("@language", record.Language), SqlArg.Text("@status", status), SqlArg.Text("@text", record.Text),
            SqlArg.Text("@text_hash", fingerprint.TextHash), SqlArg.Text("@norm_hash", fingerprint.NormalizedHash), SqlArg.Long("@simhash", s),
            SqlArg.Int("@b0", TextFingerprint.Band(s, 0)), SqlArg.Int("@b1", TextFingerprint.Band(s, 1)),
            SqlArg.Int("@b2", TextFingerprint.Band(s, 2)), SqlArg.Int("@b3", TextFingerprint.Band(s, 3)),
            SqlArg.Text("@duplicate_of", duplicateOf), SqlArg.Int("@distance", distance), SqlArg.Text("@versions", versions));
    }

    /// <summary>The outlet an article counts for: its source, else its URL's host, else the article itself.</summary>
    internal static string Outlet(ParleyRecord record)
    {
        if (!string.IsNullOrWhiteSpace(record.Source))
        {
            return record.Source.Trim();
        }
        if (record.Url is not null && Uri.TryCreate(record.Url, UriKind.Absolute, out var uri) && uri.Host.Length > 0)
        {
            return uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;
        }
        return record.Id;
    }

    private static async Task InsertLayersAsync(Session session, ParleyRecord record, CancellationToken cancellationToken)
    {
        var id = SqlArg.Text("@article", record.Id);
        foreach (var actor in record.Actors)
        {
            await session.ExecuteAsync(
                "INSERT INTO actors (article_id, actor_id, name, code, country, sector, role, organization, mentions) " +
                "VALUES (@article, @id, @name, @code, @country, @sector, @role, @organization, @mentions)", cancellationToken,
                id, SqlArg.Text("@id", actor.Id), SqlArg.Text("@name", actor.Name), SqlArg.Text("@code", actor.Code),
                SqlArg.Text("@country", actor.Country), SqlArg.Text("@sector", actor.Sector), SqlArg.Text("@role", actor.Role),
                SqlArg.Text("@organization", actor.Organization), SqlArg.Int("@mentions", actor.Mentions.Count)).ConfigureAwait(false);
        }
        foreach (var place in record.Places)
        {
            await session.ExecuteAsync(
                "INSERT INTO places (article_id, place_id, name, country, admin1, kind, lat, lon, gazetteer_id) " +
                "VALUES (@article, @id, @name, @country, @admin1, @kind, @lat, @lon, @gazetteer)", cancellationToken,
                id, SqlArg.Text("@id", place.Id), SqlArg.Text("@name", place.Name), SqlArg.Text("@country", place.Country),
                SqlArg.Text("@admin1", place.Admin1), SqlArg.Text("@kind", place.Kind), SqlArg.Real("@lat", place.Lat),
                SqlArg.Real("@lon", place.Lon), SqlArg.Text("@gazetteer", place.GazetteerId)).ConfigureAwait(false);
        }
        foreach (var quote in record.Quotes)
        {
            await session.ExecuteAsync(
                "INSERT INTO quotes (article_id, quote_id, start_offset, end_offset, text, kind, speaker, speaker_text, cue) " +
                "VALUES (@article, @id, @start, @end, @text, @kind, @speaker, @speaker_text, @cue)", cancellationToken,
                id, SqlArg.Text("@id", quote.Id), SqlArg.Int("@start", quote.Start), SqlArg.Int("@end", quote.End),
                SqlArg.Text("@text", quote.Text), SqlArg.Text("@kind", quote.Kind), SqlArg.Text("@speaker", quote.Speaker),
                SqlArg.Text("@speaker_text", quote.SpeakerText), SqlArg.Text("@cue", quote.Cue)).ConfigureAwait(false);
        }
        for (var i = 0; i < record.Times.Count; i++)
        {
            var time = record.Times[i];
            await session.ExecuteAsync(
                "INSERT INTO times (article_id, ordinal, start_offset, end_offset, text, value, time_precision) " +
                "VALUES (@article, @ordinal, @start, @end, @text, @value, @precision)", cancellationToken,
                id, SqlArg.Int("@ordinal", i), SqlArg.Int("@start", time.Start), SqlArg.Int("@end", time.End),
                SqlArg.Text("@text", time.Text), SqlArg.Text("@value", time.Value), SqlArg.Text("@precision", time.Precision)).ConfigureAwait(false);
        }
        for (var i = 0; i < record.Diagnostics.Count; i++)
        {
            var diagnostic = record.Diagnostics[i];
            await session.ExecuteAsync(
                "INSERT INTO diagnostics (article_id, ordinal, code, severity, message, start_offset, end_offset, stage) " +
                "VALUES (@article, @ordinal, @code, @severity, @message, @start, @end, @stage)", cancellationToken,
                id, SqlArg.Int("@ordinal", i), SqlArg.Text("@code", diagnostic.Code), SqlArg.Text("@severity", diagnostic.Severity),
                SqlArg.Text("@message", diagnostic.Message), SqlArg.Int("@start", diagnostic.Start), SqlArg.Int("@end", diagnostic.End),
                SqlArg.Text("@stage", diagnostic.Stage)).ConfigureAwait(false);
        }
    }

    /// <summary>Removes an article and every row that came from it; events it alone reported go, the others are recounted.</summary>
    private async Task DeleteArticleAsync(Session session, string id, CancellationToken cancellationToken)
    {
        var article = SqlArg.Text("@id", id);
        var affected = new List<string>();
        await using (var command = session.Command("SELECT DISTINCT event_id FROM event_mentions WHERE article_id = @id", article))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                affected.Add(reader.GetString(0));
            }
        }
        var seq = await session.ScalarAsync("SELECT seq FROM articles WHERE id = @id", cancellationToken, article).ConfigureAwait(false);
        if (seq is not null)
        {
            await UnindexTextAsync(session, Convert.ToInt64(seq, CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        }
        foreach (var table in ArticleTables)
        {
            await session.ExecuteAsync($"DELETE FROM {table} WHERE article_id = @id", cancellationToken, article).ConfigureAwait(false);
        }
        await session.ExecuteAsync("DELETE FROM articles WHERE id = @id", cancellationToken, article).ConfigureAwait(false);
        foreach (var eventId in affected)
        {
            await RecountAsync(session, eventId, cancellationToken).ConfigureAwait(false);
            await session.ExecuteAsync("DELETE FROM events WHERE id = @id AND mentions = 0", cancellationToken, SqlArg.Text("@id", eventId)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Adds one coded event: to the stored event with the same source and target codes and CAMEO
    /// root whose day is within <see cref="MergeWindowDays"/> and whose place is compatible, or as a
    /// new event. Events with neither actor, or with no day, are never merged: too little is known.
    /// </summary>
    private async Task MergeEventAsync(Session session, ParleyRecord record, CodedEvent coded, CancellationToken cancellationToken)
    {
        var resolved = Resolve(record, coded);
        var (sourceCode, targetCode, place, day, key) = (resolved.SourceCode, resolved.TargetCode, resolved.Place, resolved.Day, resolved.Key);
        string? eventId = null;
        var eventDay = day;
        string reason;
        if ((sourceCode is not null || targetCode is not null) && day is { } d)
        {
            await using var command = session.Command(
                "SELECT id, event_day, country FROM events WHERE merge_key = @key AND event_day >= @lo AND event_day <= @hi " +
                "AND (country IS NULL OR @country IS NULL OR country = @country) ORDER BY event_day, id LIMIT 1",
                SqlArg.Text("@key", key), SqlArg.Text("@lo", Day(d.AddDays(-MergeWindowDays))), SqlArg.Text("@hi", Day(d.AddDays(MergeWindowDays))),
                SqlArg.Text("@country", place?.Country));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                eventId = reader.GetString(0);
                eventDay = ParseDay(reader.GetString(1));
                var storedCountry = reader.IsDBNull(2) ? null : reader.GetString(2);
                reason = string.Create(CultureInfo.InvariantCulture,
                    $"merged: same source {sourceCode ?? "-"} and target {targetCode ?? "-"}, same root {coded.Root}, day {Day(d)} within {MergeWindowDays} days of {reader.GetString(1)}, " +
                    $"place {(storedCountry is null || place?.Country is null ? "compatible (one unknown)" : "in the same country " + storedCountry)}");
            }
            else
            {
                reason = $"first mention: source {sourceCode ?? "-"}, target {targetCode ?? "-"}, root {coded.Root}, day {Day(d)}";
            }
        }
        else
        {
            reason = day is null ? "not merged: no event or article date" : "not merged: neither source nor target actor is coded";
        }
        if (eventId is null)
        {
            eventId = StableId(key, record.Id, coded.Id);
            await InsertEventAsync(session, record, coded, resolved, eventId, 0, cancellationToken).ConfigureAwait(false);
        }
        await InsertMentionAsync(session, record, coded, eventId, day, eventDay, reason, cancellationToken).ConfigureAwait(false);
        await RecountAsync(session, eventId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A new merged event, its fields taken from <paramref name="coded"/>; <paramref name="count"/> starts every count.</summary>
    private static Task InsertEventAsync(Session session, ParleyRecord record, CodedEvent coded, ResolvedEvent resolved, string eventId, int count,
        CancellationToken cancellationToken)
    {
        var (source, target, sourceCode, targetCode, place, day, key) = resolved;
        return session.ExecuteAsync(
            "INSERT INTO events (id, merge_key, code, name, root, plover_type, plover_mode, goldstein, quad, mode, " +
            "source_code, source_name, source_country, target_code, target_name, target_country, event_day, event_week, event_month, " +
            "country, place_name, admin1, place_kind, lat, lon, gazetteer_id, first_article, mentions, articles, sources, independent) VALUES " +
            "(@id, @key, @code, @name, @root, @plover_type, @plover_mode, @goldstein, @quad, @mode, @source_code, @source_name, @source_country, " +
            "@target_code, @target_name, @target_country, @day, @week, @month, @country, @place_name, @admin1, @place_kind, @lat, @lon, @gazetteer, " +
            "@article, @count, @count, @count, @count)", cancellationToken,
            SqlArg.Text("@id", eventId), SqlArg.Text("@key", key), SqlArg.Text("@code", coded.Code), SqlArg.Text("@name", coded.Name),
            SqlArg.Text("@root", coded.Root), SqlArg.Text("@plover_type", coded.Plover?.Type), SqlArg.Text("@plover_mode", coded.Plover?.Mode),
            SqlArg.Real("@goldstein", coded.Goldstein), SqlArg.Int("@quad", coded.Quad), SqlArg.Text("@mode", coded.Mode),
            SqlArg.Text("@source_code", sourceCode), SqlArg.Text("@source_name", source?.Name ?? coded.Source?.Text), SqlArg.Text("@source_country", source?.Country),
            SqlArg.Text("@target_code", targetCode), SqlArg.Text("@target_name", target?.Name ?? coded.Target?.Text), SqlArg.Text("@target_country", target?.Country),
            SqlArg.Text("@day", day is { } x ? Day(x) : null), SqlArg.Text("@week", day is { } w ? Day(w.AddDays(-(((int)w.DayOfWeek + 6) % 7))) : null),
            SqlArg.Text("@month", day is { } m ? Day(m)[..7] : null), SqlArg.Text("@country", place?.Country), SqlArg.Text("@place_name", place?.Name),
            SqlArg.Text("@admin1", place?.Admin1), SqlArg.Text("@place_kind", place?.Kind), SqlArg.Real("@lat", place?.Lat), SqlArg.Real("@lon", place?.Lon),
            SqlArg.Text("@gazetteer", place?.GazetteerId), SqlArg.Text("@article", record.Id), SqlArg.Int("@count", count));
    }

    /// <summary>A mention of the event <paramref name="eventId"/> on <paramref name="day"/>; <paramref name="eventDay"/> is the event's own day.</summary>
    private static Task InsertMentionAsync(Session session, ParleyRecord record, CodedEvent coded, string eventId, DateOnly? day, DateOnly? eventDay,
        string reason, CancellationToken cancellationToken) =>
        session.ExecuteAsync(
            "INSERT INTO event_mentions (article_id, local_id, event_id, sentence, trigger_start, trigger_end, trigger_text, code, mode, confidence, " +
            "rule, event_day, merged_day, reason) VALUES (@article, @local, @event, @sentence, @start, @end, @trigger, @code, @mode, @confidence, @rule, @day, " +
            "@merged_day, @reason)",
            cancellationToken,
            SqlArg.Text("@article", record.Id), SqlArg.Text("@local", coded.Id), SqlArg.Text("@event", eventId), SqlArg.Int("@sentence", coded.Sentence),
            SqlArg.Int("@start", coded.Trigger.Start), SqlArg.Int("@end", coded.Trigger.End), SqlArg.Text("@trigger", coded.Trigger.Text),
            SqlArg.Text("@code", coded.Code), SqlArg.Text("@mode", coded.Mode), SqlArg.Real("@confidence", coded.Confidence), SqlArg.Text("@rule", coded.Rule),
            SqlArg.Text("@day", day is { } y ? Day(y) : null), SqlArg.Text("@merged_day", eventDay is { } z ? Day(z) : null),
            SqlArg.Text("@reason", reason));

    /// <summary>Recomputes an event's counts from its mentions, so they stay right as articles arrive or are replaced.</summary>
    private static Task RecountAsync(Session session, string eventId, CancellationToken cancellationToken) => session.ExecuteAsync(
        "UPDATE events SET " +
        "mentions = (SELECT COUNT(*) FROM event_mentions m WHERE m.event_id = @id), " +
        "articles = (SELECT COUNT(DISTINCT m.article_id) FROM event_mentions m WHERE m.event_id = @id), " +
        "sources = (SELECT COUNT(DISTINCT a.outlet) FROM event_mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id = @id), " +
        "independent = (SELECT COUNT(DISTINCT COALESCE(o.outlet, a.outlet)) FROM event_mentions m JOIN articles a ON a.id = m.article_id " +
        "LEFT JOIN articles o ON o.id = a.duplicate_of WHERE m.event_id = @id) " +
        "WHERE id = @id", cancellationToken, SqlArg.Text("@id", eventId));

    /// <summary>An event's actors, codes, place, day and merge key, looked up in its record.</summary>
    private sealed record ResolvedEvent(Actor? Source, Actor? Target, string? SourceCode, string? TargetCode, Place? Place, DateOnly? Day, string Key);

    private static ResolvedEvent Resolve(ParleyRecord record, CodedEvent coded)
    {
        var source = ActorOf(record, coded.Source);
        var target = ActorOf(record, coded.Target);
        var sourceCode = coded.Source?.Code ?? source?.Code;
        var targetCode = coded.Target?.Code ?? target?.Code;
        var place = coded.Place is null ? null : FindPlace(record, coded.Place);
        return new ResolvedEvent(source, target, sourceCode, targetCode, place, ParseDay(coded.Date) ?? ParseDay(record.Published),
            $"{sourceCode}|{targetCode}|{coded.Root}");
    }

    private static Actor? ActorOf(ParleyRecord record, EventArgument? argument)
    {
        if (argument?.Actor is null)
        {
            return null;
        }
        foreach (var actor in record.Actors)
        {
            if (actor.Id == argument.Actor)
            {
                return actor;
            }
        }
        return null;
    }

    private static Place? FindPlace(ParleyRecord record, string id)
    {
        foreach (var place in record.Places)
        {
            if (place.Id == id)
            {
                return place;
            }
        }
        return null;
    }

    private static DateOnly? ParseDay(string? value) =>
        value is not null && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>The event id: a hash of the merge key and the mention that started the event, so the same input gives the same ids.</summary>
    private static string StableId(string key, string article, string local) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{key}\n{article}\n{local}")))[..16];
}
