using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Parley.Diagnostics;
using Parley.Serialization;

namespace Parley.Store;

/// <summary>
/// The store's behaviour, written once in SQL both SQLite and PostgreSQL understand; the two
/// subclasses supply connections, column types and full-text search. Every value reaches the
/// database as a parameter.
/// </summary>
public abstract partial class SqlEventStore : IEventStore
{
    /// <summary>Mentions of one event merge when their days are at most this many days apart.</summary>
    public const int MergeWindowDays = 3;

    private const string EventSelect =
        "e.id, e.code, e.name, e.root, e.plover_type, e.plover_mode, e.goldstein, e.quad, e.mode, " +
        "e.source_code, e.source_name, e.source_country, e.target_code, e.target_name, e.target_country, " +
        "e.event_day, e.country, e.place_name, e.admin1, e.place_kind, e.lat, e.lon, e.gazetteer_id, " +
        "e.first_article, a.url, e.mentions, e.articles, e.sources, e.independent " +
        "FROM events e{0} LEFT JOIN articles a ON a.id = e.first_article";

    private static readonly string EventColumns = string.Format(CultureInfo.InvariantCulture, EventSelect, "");

    private const string MentionColumns =
        "m.event_id, m.article_id, m.local_id, a.outlet, a.url, a.duplicate_of, m.sentence, m.trigger_start, m.trigger_end, " +
        "m.trigger_text, m.code, m.mode, m.confidence, m.rule, m.event_day, m.reason " +
        "FROM event_mentions m JOIN articles a ON a.id = m.article_id";

    /// <inheritdoc/>
    public abstract string Kind { get; }

    /// <summary>Opens a connection to the store (pooled).</summary>
    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>The migrations, version 1 first: each a list of statements run in one transaction.</summary>
    protected abstract IReadOnlyList<IReadOnlyList<string>> Migrations { get; }

    /// <summary>A subquery selecting the ids of articles whose text matches the parameter <c>@text</c>.</summary>
    protected abstract string TextSearchArticles { get; }

    /// <summary>A statement counting the articles whose text matches <c>@text</c>.</summary>
    protected abstract string TextMatchCount { get; }

    /// <summary>
    /// Above this many matching articles (full text, or quotations by speaker or text) a listing with
    /// other filters walks events in day order and checks each against the matching articles (it soon
    /// has its page); below it, it starts from the matching articles.
    /// </summary>
    internal int DenseTextMatches { get; set; } = 5000;

    /// <summary>
    /// A search alone (full text, a speaker or a quotation's text, with at most a date range) walks the
    /// mentions in day order when the matching articles have more than about this many mentions, else
    /// it gathers their mentions. Null: the number at which both read about as many mentions, from the
    /// store's size, see <see cref="DenseArticlesAsync"/>.
    /// </summary>
    internal long? DenseMentions { get; set; }

    /// <summary>A statement estimating the number of stored mentions cheaply (without counting them).</summary>
    protected abstract string MentionCountEstimate { get; }

    /// <summary>
    /// A listing whose filters match at least this many events walks the events in day order (it soon
    /// has its page) instead of fetching and sorting every match; found by counting at most this many.
    /// </summary>
    internal int DenseRows { get; set; } = 20_000;

    /// <summary>
    /// Written after <c>events e</c> to make a listing walk the events in day order, for databases whose
    /// planner cannot tell a common filter value from a rare one; null where the planner can.
    /// </summary>
    protected virtual string? DayOrderHint => null;

    /// <summary>
    /// Written after <c>event_mentions m</c> to make a search walk the mentions in their events' day
    /// order, for databases whose planner would start from the matching articles; null where it need not.
    /// </summary>
    protected virtual string? MentionDayOrderHint => null;

    /// <summary>
    /// Written before a column tested against a subquery's rows in a walk in day order, for databases
    /// that would otherwise look the column up in an index once for every row of the subquery instead
    /// of checking it against the rows, computed once.
    /// </summary>
    protected virtual string SetMember => "";

    /// <summary>
    /// A condition holding when the article whose id is <paramref name="article"/> matches <c>@text</c>,
    /// for a walk checking many articles: by default against the matching articles' ids, found once.
    /// </summary>
    protected virtual string TextMatchMember(string article) => $"{SetMember}{article} IN ({TextSearchArticles})";

    /// <summary>The value bound to <c>@text</c> for the words the user typed.</summary>
    protected virtual string TextSearchValue(string words) => words;

    /// <summary>Added after an ascending sort key so that nulls come first on every database.</summary>
    protected virtual string NullsFirst => "";

    /// <summary>A condition on the quotation <c>q</c> holding when its text contains <paramref name="value"/> (case-insensitive); adds its parameters.</summary>
    private protected virtual string QuoteMatch(string value, List<SqlArg> args)
    {
        args.Add(SqlArg.Text("@quote", Contains(value)));
        return "lower(q.text) LIKE @quote ESCAPE '\\'";
    }

    /// <summary>Adds an article's text to the full-text index (when the database does not do it itself).</summary>
    private protected virtual Task IndexTextAsync(Session session, long seq, string text, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Removes an article's text from the full-text index.</summary>
    private protected virtual Task UnindexTextAsync(Session session, long seq, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var session = new Session(connection, null);
        await session.ExecuteAsync("CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)", cancellationToken).ConfigureAwait(false);
        var current = Convert.ToInt32(await session.ScalarAsync("SELECT COALESCE(MAX(version), 0) FROM schema_version", cancellationToken).ConfigureAwait(false),
            CultureInfo.InvariantCulture);
        if (current > Migrations.Count)
        {
            throw new ParleyConfigurationException(DiagnosticCodes.StoreUnavailable,
                $"The store's schema is version {current}, newer than this program knows ({Migrations.Count}). Use a newer parley, or another store.");
        }
        for (var version = current + 1; version <= Migrations.Count; version++)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var step = new Session(connection, transaction);
            foreach (var statement in Migrations[version - 1])
            {
                await step.ExecuteAsync(statement, cancellationToken).ConfigureAwait(false);
            }
            await step.ExecuteAsync("INSERT INTO schema_version (version) VALUES (@version)", cancellationToken, SqlArg.Int("@version", version)).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task<ArticleLookup> LookupAsync(string id, TextFingerprint fingerprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var session = new Session(connection, null);
        var stored = await session.ScalarAsync("SELECT text_hash FROM articles WHERE id = @id", cancellationToken, SqlArg.Text("@id", id)).ConfigureAwait(false);
        if (stored is string hash)
        {
            return new ArticleLookup(hash == fingerprint.TextHash ? ArticleOutcome.Unchanged : ArticleOutcome.Replaced, null);
        }
        var original = await FindExactCopyAsync(session, id, fingerprint, cancellationToken).ConfigureAwait(false);
        return original is null ? new ArticleLookup(ArticleOutcome.New, null) : new ArticleLookup(ArticleOutcome.Duplicate, original);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ArticleOutcome>> StoreAsync(IReadOnlyList<ParleyRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var outcomes = new ArticleOutcome[records.Count];
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var session = new Session(connection, transaction);
        for (var i = 0; i < records.Count; i++)
        {
            outcomes[i] = await StoreOneAsync(session, records[i], cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return outcomes;
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<StoredEvent> QueryAsync(EventQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var session = new Session(connection, null);
        var byIndex = await ByMentionsAsync(session, query, cancellationToken).ConfigureAwait(false)
            ?? await ByActorAsync(session, query, cancellationToken).ConfigureAwait(false);
        if (byIndex is { } found)
        {
            await using var byDay = session.Command(found.Sql, [.. found.Args]);
            await using var rows = await byDay.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return ReadEvent(rows);
            }
            yield break;
        }
        var dense = false;
        var quoteArgs = new List<SqlArg>();
        var quoteConditions = QuoteConditions(query, quoteArgs);
        if (query.Limit > 0 && (!string.IsNullOrWhiteSpace(query.Text) || quoteConditions.Count > 0))
        {
            if (!string.IsNullOrWhiteSpace(query.Text))
            {
                var matches = await session.ScalarAsync(TextMatchCount, cancellationToken, SqlArg.Text("@text", TextSearchValue(query.Text))).ConfigureAwait(false);
                dense = Convert.ToInt64(matches, CultureInfo.InvariantCulture) > DenseTextMatches;
            }
            foreach (var condition in quoteConditions)
            {
                if (dense)
                {
                    break;
                }
                await using var count = session.Command(
                    $"SELECT COUNT(*) FROM (SELECT DISTINCT q.article_id FROM quotes q WHERE {condition} LIMIT @probe) AS matches",
                    [.. quoteArgs.Where(arg => condition.Contains(arg.Name, StringComparison.Ordinal)), SqlArg.Long("@probe", (long)DenseTextMatches + 1)]);
                dense = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > DenseTextMatches;
            }
        }
        var args = new List<SqlArg>();
        var where = Where(query, args, dense);
        if (DayOrderHint is not null && query.Limit > 0 && !dense && where.Length > 0)
        {
            await using var probe = session.Command($"SELECT COUNT(*) FROM (SELECT 1 FROM events e{where} LIMIT @probe) AS matches",
                [.. args, SqlArg.Int("@probe", DenseRows)]);
            dense = Convert.ToInt64(await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) >= DenseRows;
        }
        var order = " ORDER BY e.event_day" + NullsFirst + ", e.id";
        var hint = dense && DayOrderHint is not null ? DayOrderHint : "";
        string sql;
        if (query.Limit > 0 && where.Length > 0)
        {
            // The page's ids first, from indexes as far as the filters allow; only its events are then read whole.
            sql = $"SELECT {EventColumns} WHERE e.id IN (SELECT e.id FROM events e{hint}{where}{order} LIMIT @limit){order}";
            args.Add(SqlArg.Int("@limit", query.Limit));
        }
        else
        {
            sql = "SELECT " + string.Format(CultureInfo.InvariantCulture, EventSelect, hint) + where + order;
            if (query.Limit > 0)
            {
                sql += " LIMIT @limit";
                args.Add(SqlArg.Int("@limit", query.Limit));
            }
        }
        await using var command = session.Command(sql, [.. args]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReadEvent(reader);
        }
    }

    /// <summary>
    /// A listing whose one filter is a set of articles (full text, a speaker or a quotation's text),
    /// with at most a date range, read from the mentions alone, which carry their events' days: the
    /// page's event ids in day order, then only those events whole. Null for any other query.
    /// </summary>
    private async Task<(string Sql, List<SqlArg> Args)?> ByMentionsAsync(Session session, EventQuery query, CancellationToken cancellationToken)
    {
        var others = Clauses(query with { Text = null, Speaker = null, Quote = null, From = null, To = null }, [], false);
        if (query.Limit <= 0 || others.Count > 0)
        {
            return null;
        }
        var args = new List<SqlArg>();
        var sets = QuoteConditions(query, args).Select(condition => $"SELECT q.article_id FROM quotes q WHERE {condition}").ToList();
        // How a walked mention's article is checked against the matching ones, computed once.
        var member = sets.Count == 1 ? $"{SetMember}m.article_id IN ({sets[0]})" : "";
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            sets.Add(TextSearchArticles);
            member = TextMatchMember("m.article_id");
            args.Add(SqlArg.Text("@text", TextSearchValue(query.Text)));
        }
        if (sets.Count != 1)
        {
            return null; // each set may be met by a different article of the event
        }
        var articles = sets[0];
        var threshold = await DenseArticlesAsync(session, query.Limit, cancellationToken).ConfigureAwait(false);
        await using var probe = session.Command($"SELECT COUNT(*) FROM (SELECT DISTINCT matched.* FROM ({articles}) AS matched LIMIT @probe) AS matches",
            [.. args, SqlArg.Long("@probe", threshold + 1)]);
        var dense = Convert.ToInt64(await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > threshold;
        var days = (query.From is null ? "" : " AND m.merged_day >= @from") + (query.To is null ? "" : " AND m.merged_day <= @to");
        if (query.From is { } from)
        {
            args.Add(SqlArg.Text("@from", Day(from)));
        }
        if (query.To is { } to)
        {
            args.Add(SqlArg.Text("@to", Day(to)));
        }
        args.Add(SqlArg.Int("@limit", query.Limit));
        // Dense: the mentions walked in day order, each checked against the matching articles until the
        // page is full. Sparse: the mentions of the matching articles, sorted by day.
        var source = dense ? $"event_mentions m{MentionDayOrderHint} WHERE {member}" : $"event_mentions m WHERE m.article_id IN ({articles})";
        var ids = $"SELECT m.event_id FROM {source}{days} GROUP BY m.merged_day, m.event_id ORDER BY m.merged_day{NullsFirst}, m.event_id LIMIT @limit";
        return ($"SELECT {EventColumns} WHERE e.id IN ({ids}) ORDER BY e.event_day{NullsFirst}, e.id", args);
    }

    /// <summary>
    /// A listing by actor code, with at most a date range, when the actor has fewer than
    /// <see cref="DenseRows"/> events there: the events it is the source of and those it is the target
    /// of, for each code the prefix covers one range of an index holding their days and ids, merged and
    /// sorted; only the page's events are then read whole. Null for any other query, or when a walk in
    /// day order is faster.
    /// </summary>
    private async Task<(string Sql, List<SqlArg> Args)?> ByActorAsync(Session session, EventQuery query, CancellationToken cancellationToken)
    {
        if (query.Limit <= 0 || string.IsNullOrEmpty(query.ActorCode)
            || Clauses(query with { ActorCode = null, From = null, To = null }, [], false).Count > 0)
        {
            return null;
        }
        var args = new List<SqlArg>();
        AddActorRange(query.ActorCode, args);
        var days = (query.From is null ? "" : " AND e.event_day >= @from") + (query.To is null ? "" : " AND e.event_day <= @to");
        if (query.From is { } from)
        {
            args.Add(SqlArg.Text("@from", Day(from)));
        }
        if (query.To is { } to)
        {
            args.Add(SqlArg.Text("@to", Day(to)));
        }
        // The codes the prefix covers (a few), each found by one index seek, so that each code's events are
        // one range of its index (code, day) however many days the code has outside the range.
        var with = "WITH RECURSIVE " + string.Join(", ", new[] { "source", "target" }.Select(side =>
            $"{side}_codes (code) AS (SELECT MIN({side}_code) FROM events WHERE {side}_code >= @actor_lo AND {side}_code < @actor_hi UNION ALL " +
            $"SELECT (SELECT MIN(e.{side}_code) FROM events e WHERE e.{side}_code > c.code AND e.{side}_code < @actor_hi) FROM {side}_codes c WHERE c.code IS NOT NULL)"));
        var source = $"FROM source_codes c JOIN events e ON e.source_code = c.code{days}";
        var target = $"FROM target_codes c JOIN events e ON e.target_code = c.code{days}";
        await using (var probe = session.Command($"{with} SELECT COUNT(*) FROM (SELECT 1 AS one {source} UNION ALL SELECT 1 AS one {target} LIMIT @probe) AS matches",
            [.. args, SqlArg.Int("@probe", DenseRows)]))
        {
            if (Convert.ToInt64(await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) >= DenseRows)
            {
                return null;
            }
        }
        args.Add(SqlArg.Int("@limit", query.Limit));
        var ids = $"SELECT id FROM (SELECT e.event_day AS day, e.id AS id {source} UNION SELECT e.event_day AS day, e.id AS id {target}) AS actor_events " +
            $"ORDER BY day{NullsFirst}, id LIMIT @limit";
        return ($"{with} SELECT {EventColumns} WHERE e.id IN ({ids}) ORDER BY e.event_day{NullsFirst}, e.id", args);
    }

    /// <summary>
    /// The matching articles above which walking the mentions in day order reads fewer of them than
    /// gathering the matching ones: a walk reads about <c>limit × mentions / matches</c> mentions before
    /// its page is full, gathering reads the matches; both are equal at <c>√(limit × mentions)</c>
    /// matching mentions, turned into articles with the store's mentions per article.
    /// </summary>
    private async Task<long> DenseArticlesAsync(Session session, int limit, CancellationToken cancellationToken)
    {
        var mentions = Math.Max(0, Convert.ToDouble(await session.ScalarAsync(MentionCountEstimate, cancellationToken).ConfigureAwait(false) ?? 0,
            CultureInfo.InvariantCulture));
        var articles = Convert.ToDouble(await session.ScalarAsync("SELECT COALESCE(MAX(seq), 0) FROM articles", cancellationToken).ConfigureAwait(false),
            CultureInfo.InvariantCulture);
        var matches = DenseMentions is { } fixedMentions ? fixedMentions : Math.Sqrt(limit * mentions);
        var perArticle = Math.Max(1, mentions / Math.Max(1, articles));
        return (long)Math.Min(long.MaxValue / 2, Math.Ceiling(matches / perArticle));
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<CountRow>> CountAsync(EventQuery query, CountBy by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var key = by switch
        {
            CountBy.Day => "e.event_day",
            CountBy.Week => "e.event_week",
            CountBy.Month => "e.event_month",
            CountBy.Dyad => "COALESCE(e.source_code, '') || '-' || COALESCE(e.target_code, '')",
            _ => "e.root",
        };
        var args = new List<SqlArg>();
        // Grouped by the bare column so an index can deliver the groups; nulls and order are settled here, the same on every database.
        string sql;
        if (string.IsNullOrEmpty(query.ActorCode))
        {
            sql = $"SELECT {key}, COUNT(*) FROM events e{Where(query, args)} GROUP BY {key}";
        }
        else
        {
            // The events the actor is the source of, then those it is only the target of: each one
            // index range that can be read without the events, where an OR of the two could not.
            var clauses = Clauses(query with { ActorCode = null }, args, false);
            AddActorRange(query.ActorCode, args);
            var source = "e.source_code >= @actor_lo AND e.source_code < @actor_hi";
            var target = "e.target_code >= @actor_lo AND e.target_code < @actor_hi " +
                "AND (e.source_code IS NULL OR e.source_code < @actor_lo OR e.source_code >= @actor_hi)";
            sql = $"SELECT {key}, COUNT(*) FROM events e WHERE {string.Join(" AND ", [source, .. clauses])} GROUP BY {key} UNION ALL " +
                $"SELECT {key}, COUNT(*) FROM events e WHERE {string.Join(" AND ", [target, .. clauses])} GROUP BY {key}";
        }
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new Session(connection, null).Command(sql, [.. args]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var group = reader.IsDBNull(0) ? "" : reader.GetString(0);
            counts[group] = counts.GetValueOrDefault(group) + Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
        }
        var rows = counts.Select(pair => new CountRow(pair.Key, pair.Value)).ToList();
        rows.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return rows;
    }

    /// <inheritdoc/>
    public async Task OptimizeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await new Session(connection, null).ExecuteAsync(OptimizeStatement, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Refreshes the planner's statistics so that it picks the right index for each filter.</summary>
    protected virtual string OptimizeStatement => "ANALYZE";

    /// <inheritdoc/>
    public async Task<EventDetail?> GetEventAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var session = new Session(connection, null);
        StoredEvent? stored = null;
        await using (var command = session.Command($"SELECT {EventColumns} WHERE e.id = @id", SqlArg.Text("@id", id)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                stored = ReadEvent(reader);
            }
        }
        if (stored is null)
        {
            return null;
        }
        var mentions = new List<StoredMention>();
        await using (var command = session.Command($"SELECT {MentionColumns} WHERE m.event_id = @id ORDER BY a.seq, m.local_id", SqlArg.Text("@id", id)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                mentions.Add(ReadMention(reader));
            }
        }
        return new EventDetail(stored, mentions);
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<StoredMention> MentionsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new Session(connection, null).Command($"SELECT {MentionColumns} ORDER BY m.event_id, m.article_id, m.local_id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReadMention(reader);
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<string> DumpAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var session = new Session(connection, null);
        foreach (var (table, key) in StoreSchema.Tables)
        {
            await using var command = session.Command($"SELECT * FROM {table} ORDER BY {key}");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var line = new StringBuilder();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                line.Clear().Append(table);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (reader.GetName(i) == "fts")
                    {
                        continue; // PostgreSQL's derived search vector, not data
                    }
                    var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    line.Append('|').Append(reader.GetName(i)).Append('=').Append(value switch
                    {
                        null => "null",
                        double d => d.ToString("R", CultureInfo.InvariantCulture),
                        float f => ((double)f).ToString("R", CultureInfo.InvariantCulture),
                        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                        _ => value.ToString(),
                    });
                }
                yield return line.ToString();
            }
        }
    }

    /// <inheritdoc/>
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private string Where(EventQuery query, List<SqlArg> args, bool denseText = false)
    {
        var clauses = Clauses(query, args, denseText);
        return clauses.Count == 0 ? "" : " WHERE " + string.Join(" AND ", clauses);
    }

    /// <summary>The conditions on the event <c>e</c> the query sets, all to hold.</summary>
    private List<string> Clauses(EventQuery query, List<SqlArg> args, bool denseText)
    {
        var clauses = new List<string>();
        if (!string.IsNullOrEmpty(query.ActorCode))
        {
            // The date range is repeated in each branch so that each is one index range (code, day) checked without reading the events.
            var days = (query.From is null ? "" : " AND e.event_day >= @from") + (query.To is null ? "" : " AND e.event_day <= @to");
            clauses.Add($"((e.source_code >= @actor_lo AND e.source_code < @actor_hi{days}) OR (e.target_code >= @actor_lo AND e.target_code < @actor_hi{days}))");
            AddActorRange(query.ActorCode, args);
        }
        if (!string.IsNullOrEmpty(query.ActorName))
        {
            var name = query.ActorName.ToLowerInvariant();
            clauses.Add("((lower(e.source_name) >= @name_lo AND lower(e.source_name) < @name_hi) " +
                "OR (lower(e.target_name) >= @name_lo AND lower(e.target_name) < @name_hi))");
            args.Add(SqlArg.Text("@name_lo", name));
            args.Add(SqlArg.Text("@name_hi", PrefixEnd(name)));
        }
        if (!string.IsNullOrEmpty(query.Code))
        {
            clauses.Add("e.code >= @code_lo AND e.code < @code_hi");
            args.Add(SqlArg.Text("@code_lo", query.Code));
            args.Add(SqlArg.Text("@code_hi", PrefixEnd(query.Code)));
        }
        AddEquals(clauses, args, "e.root", "@root", query.Root);
        AddEquals(clauses, args, "e.plover_type", "@plover", query.Plover?.ToUpperInvariant());
        AddEquals(clauses, args, "e.mode", "@mode", query.Mode?.ToLowerInvariant());
        AddEquals(clauses, args, "e.country", "@country", query.Country?.ToUpperInvariant());
        AddEquals(clauses, args, "lower(e.place_name)", "@place", query.Place?.ToLowerInvariant());
        if (query.Quad is { } quad)
        {
            clauses.Add("e.quad = @quad");
            args.Add(SqlArg.Int("@quad", quad));
        }
        if (query.GoldsteinMin is { } min)
        {
            clauses.Add("e.goldstein >= @gmin");
            args.Add(SqlArg.Real("@gmin", min));
        }
        if (query.GoldsteinMax is { } max)
        {
            clauses.Add("e.goldstein <= @gmax");
            args.Add(SqlArg.Real("@gmax", max));
        }
        if (query.From is { } from)
        {
            clauses.Add("e.event_day >= @from");
            args.Add(SqlArg.Text("@from", Day(from)));
        }
        if (query.To is { } to)
        {
            clauses.Add("e.event_day <= @to");
            args.Add(SqlArg.Text("@to", Day(to)));
        }
        if (query.Near is { } near)
        {
            // An equirectangular distance in degrees: plain arithmetic both databases index through
            // the bounding box, exact enough for radii of a few hundred kilometres.
            const double KmPerDegree = 111.32;
            var degrees = near.Km / KmPerDegree;
            var cos = Math.Max(0.01, Math.Cos(near.Lat * Math.PI / 180));
            clauses.Add("e.lat BETWEEN @lat_lo AND @lat_hi AND e.lon BETWEEN @lon_lo AND @lon_hi " +
                "AND (e.lat - @lat0) * (e.lat - @lat0) + (e.lon - @lon0) * (e.lon - @lon0) * @cos2 <= @r2");
            args.Add(SqlArg.Real("@lat_lo", near.Lat - degrees));
            args.Add(SqlArg.Real("@lat_hi", near.Lat + degrees));
            args.Add(SqlArg.Real("@lon_lo", near.Lon - (degrees / cos)));
            args.Add(SqlArg.Real("@lon_hi", near.Lon + (degrees / cos)));
            args.Add(SqlArg.Real("@lat0", near.Lat));
            args.Add(SqlArg.Real("@lon0", near.Lon));
            args.Add(SqlArg.Real("@cos2", cos * cos));
            args.Add(SqlArg.Real("@r2", degrees * degrees));
        }
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            clauses.Add(ReportedIn(TextSearchArticles, denseText));
            args.Add(SqlArg.Text("@text", TextSearchValue(query.Text)));
        }
        foreach (var condition in QuoteConditions(query, args))
        {
            clauses.Add(ReportedIn($"SELECT q.article_id FROM quotes q WHERE {condition}", denseText));
        }
        return clauses;
    }

    /// <summary>
    /// A condition holding when an article the subquery <paramref name="articles"/> selects reports the
    /// event <c>e</c>. Dense (many articles match): each event walked in day order checks its articles,
    /// from an index, against the selected ones, found once; else the events are gathered from the articles.
    /// </summary>
    private string ReportedIn(string articles, bool dense) => dense
        ? $"EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = e.id AND {SetMember}m.article_id IN ({articles}))"
        : $"e.id IN (SELECT m.event_id FROM event_mentions m WHERE m.article_id IN ({articles}))";

    /// <summary>Binds the range of actor codes starting with <paramref name="code"/> to <c>@actor_lo</c> and <c>@actor_hi</c>.</summary>
    private static void AddActorRange(string code, List<SqlArg> args)
    {
        // CAMEO actor codes start with the actor's country, so a prefix also finds a country's actors.
        var upper = code.ToUpperInvariant();
        args.Add(SqlArg.Text("@actor_lo", upper));
        args.Add(SqlArg.Text("@actor_hi", PrefixEnd(upper)));
    }

    /// <summary>The conditions on a quotation <c>q</c> the query sets (speaker, quotation text), each to hold in some article of the event.</summary>
    private List<string> QuoteConditions(EventQuery query, List<SqlArg> args)
    {
        var conditions = new List<string>();
        if (!string.IsNullOrEmpty(query.Speaker))
        {
            var speaker = query.Speaker.ToLowerInvariant();
            conditions.Add("lower(q.speaker_text) >= @speaker_lo AND lower(q.speaker_text) < @speaker_hi");
            args.Add(SqlArg.Text("@speaker_lo", speaker));
            args.Add(SqlArg.Text("@speaker_hi", PrefixEnd(speaker)));
        }
        if (!string.IsNullOrEmpty(query.Quote))
        {
            conditions.Add(QuoteMatch(query.Quote, args));
        }
        return conditions;
    }

    private static void AddEquals(List<string> clauses, List<SqlArg> args, string column, string parameter, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            clauses.Add($"{column} = {parameter}");
            args.Add(SqlArg.Text(parameter, value));
        }
    }

    /// <summary>The smallest string greater than every string starting with <paramref name="prefix"/>.</summary>
    private static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    /// <summary>A LIKE pattern matching <paramref name="value"/> anywhere, with the user's wildcards taken literally.</summary>
    private protected static string Contains(string value) =>
        "%" + value.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static StoredEvent ReadEvent(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        Code = r.GetString(1),
        Name = Text(r, 2),
        Root = r.GetString(3),
        PloverType = Text(r, 4),
        PloverMode = Text(r, 5),
        Goldstein = r.GetDouble(6),
        Quad = Convert.ToInt32(r.GetValue(7), CultureInfo.InvariantCulture),
        Mode = Text(r, 8),
        SourceCode = Text(r, 9),
        SourceName = Text(r, 10),
        SourceCountry = Text(r, 11),
        TargetCode = Text(r, 12),
        TargetName = Text(r, 13),
        TargetCountry = Text(r, 14),
        Date = Text(r, 15),
        Country = Text(r, 16),
        PlaceName = Text(r, 17),
        Admin1 = Text(r, 18),
        PlaceKind = Text(r, 19),
        Lat = r.IsDBNull(20) ? null : r.GetDouble(20),
        Lon = r.IsDBNull(21) ? null : r.GetDouble(21),
        GazetteerId = Text(r, 22),
        FirstArticle = r.GetString(23),
        Url = Text(r, 24),
        Mentions = Convert.ToInt32(r.GetValue(25), CultureInfo.InvariantCulture),
        Articles = Convert.ToInt32(r.GetValue(26), CultureInfo.InvariantCulture),
        Sources = Convert.ToInt32(r.GetValue(27), CultureInfo.InvariantCulture),
        Independent = Convert.ToInt32(r.GetValue(28), CultureInfo.InvariantCulture),
    };

    private static StoredMention ReadMention(DbDataReader r) => new()
    {
        EventId = r.GetString(0),
        ArticleId = r.GetString(1),
        LocalId = r.GetString(2),
        Outlet = r.GetString(3),
        Url = Text(r, 4),
        DuplicateOf = Text(r, 5),
        Sentence = Convert.ToInt32(r.GetValue(6), CultureInfo.InvariantCulture),
        TriggerStart = Convert.ToInt32(r.GetValue(7), CultureInfo.InvariantCulture),
        TriggerEnd = Convert.ToInt32(r.GetValue(8), CultureInfo.InvariantCulture),
        TriggerText = r.GetString(9),
        Code = r.GetString(10),
        Mode = Text(r, 11),
        Confidence = r.GetDouble(12),
        Rule = Text(r, 13),
        Date = Text(r, 14),
        Reason = r.GetString(15),
    };

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
