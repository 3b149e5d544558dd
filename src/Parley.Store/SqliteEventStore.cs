using System.Data.Common;
using Microsoft.Data.Sqlite;
using Parley.Diagnostics;

namespace Parley.Store;

/// <summary>The embedded store: one SQLite file in WAL mode, with an FTS5 index over article text.</summary>
public sealed class SqliteEventStore : SqlEventStore
{
    private static readonly IReadOnlyList<IReadOnlyList<string>> SqliteMigrations =
    [
        [
            .. Dialect(StoreSchema.Version1),
            "CREATE VIRTUAL TABLE article_text USING fts5(text, tokenize = 'unicode61')",
        ],
        [
            .. Dialect(StoreSchema.Version2),
            // Trigrams find every quotation containing a piece of text of three characters or more
            // (case-folded, so a superset of what LIKE matches); LIKE then keeps the exact matches.
            "CREATE VIRTUAL TABLE quote_text USING fts5(text, content = 'quotes', content_rowid = 'rowid', tokenize = 'trigram')",
            "CREATE TRIGGER quotes_text_insert AFTER INSERT ON quotes BEGIN INSERT INTO quote_text (rowid, text) VALUES (new.rowid, new.text); END",
            "CREATE TRIGGER quotes_text_delete AFTER DELETE ON quotes BEGIN " +
                "INSERT INTO quote_text (quote_text, rowid, text) VALUES ('delete', old.rowid, old.text); END",
            "CREATE TRIGGER quotes_text_update AFTER UPDATE OF text ON quotes BEGIN " +
                "INSERT INTO quote_text (quote_text, rowid, text) VALUES ('delete', old.rowid, old.text); " +
                "INSERT INTO quote_text (rowid, text) VALUES (new.rowid, new.text); END",
            "INSERT INTO quote_text (quote_text) VALUES ('rebuild')",
        ],
        [
            .. Dialect(StoreSchema.Version3),
            // From the full-text index's rows (article seq) to the articles' ids without reading the articles.
            "CREATE INDEX articles_seq_id ON articles (seq, id)",
        ],
        [.. Dialect(StoreSchema.Version4)],
    ];

    private readonly string _connectionString;

    /// <summary>Uses (and creates when missing) the SQLite file at <paramref name="path"/>.</summary>
    public SqliteEventStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public override string Kind => "sqlite";

    /// <inheritdoc/>
    protected override IReadOnlyList<IReadOnlyList<string>> Migrations => SqliteMigrations;

    /// <inheritdoc/>
    protected override string TextSearchArticles => "SELECT id FROM articles WHERE seq IN (SELECT rowid FROM article_text WHERE article_text MATCH @text)";

    /// <summary>SQLite's planner would otherwise search the mentions once for each article of the set, for every event walked.</summary>
    protected override string SetMember => "+";

    /// <inheritdoc/>
    protected override string? DayOrderHint => " INDEXED BY events_day";

    /// <inheritdoc/>
    protected override string? MentionDayOrderHint => " INDEXED BY event_mentions_day";

    /// <summary>
    /// Each walked article's row in the full-text index, looked up from its id, checked against the
    /// index's matching rows, found once: cheaper than turning every matching row into an article id.
    /// </summary>
    protected override string TextMatchMember(string article) =>
        $"(SELECT a.seq FROM articles a WHERE a.id = {article}) IN (SELECT rowid FROM article_text WHERE article_text MATCH @text)";

    /// <summary>The largest rowid: the number of mentions ever stored, found from the table's b-tree alone.</summary>
    protected override string MentionCountEstimate => "SELECT COALESCE(MAX(rowid), 0) FROM event_mentions";

    /// <inheritdoc/>
    protected override string TextMatchCount => "SELECT COUNT(*) FROM article_text WHERE article_text MATCH @text";

    /// <summary>Each word becomes a quoted FTS5 string, so the user's words are matched, never parsed as query syntax.</summary>
    protected override string TextSearchValue(string words) =>
        string.Join(' ', TextFingerprint.Words(words).Select(word => "\"" + word + "\""));

    /// <summary>
    /// Quotations whose trigrams hold the text's (the index's answer), checked with LIKE for the exact
    /// match; texts shorter than a trigram can only be scanned for.
    /// </summary>
    private protected override string QuoteMatch(string value, List<SqlArg> args)
    {
        var like = base.QuoteMatch(value, args);
        if (value.EnumerateRunes().Count() < 3)
        {
            return like;
        }
        args.Add(SqlArg.Text("@quote_trigrams", "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
        return "q.rowid IN (SELECT rowid FROM quote_text WHERE quote_text MATCH @quote_trigrams) AND " + like;
    }

    /// <inheritdoc/>
    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
        {
            throw new ParleyConfigurationException(DiagnosticCodes.StoreUnavailable,
                $"Cannot create the store '{Path}': its folder does not exist. Create the folder or give another --store path.");
        }
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            // WAL lets queries read while an ingest writes; NORMAL is durable at each checkpoint and
            // never corrupts the file when the process is killed.
            command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 60000";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new ParleyConfigurationException(DiagnosticCodes.StoreUnavailable,
                $"Cannot open the store '{Path}': {ex.Message} Check that it is a Parley store (SQLite file) and that it can be written.", ex);
        }
        return connection;
    }

    /// <summary>SQLite's own advice: analyse what needs it, sampling at most a thousand rows per index.</summary>
    protected override string OptimizeStatement => "PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002";

    private protected override Task IndexTextAsync(Session session, long seq, string text, CancellationToken cancellationToken) =>
        session.ExecuteAsync("INSERT INTO article_text (rowid, text) VALUES (@seq, @text)", cancellationToken,
            SqlArg.Long("@seq", seq), SqlArg.Text("@text", text));

    private protected override Task UnindexTextAsync(Session session, long seq, CancellationToken cancellationToken) =>
        session.ExecuteAsync("DELETE FROM article_text WHERE rowid = @seq", cancellationToken, SqlArg.Long("@seq", seq));

    /// <inheritdoc/>
    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file (and its WAL) open; release them so the file can be moved or deleted.
        SqliteConnection.ClearAllPools();
        return base.DisposeAsync();
    }

    private static IEnumerable<string> Dialect(IEnumerable<string> statements) => statements.Select(statement => statement
        .Replace("{key}", "text", StringComparison.Ordinal)
        .Replace("{long}", "integer", StringComparison.Ordinal)
        .Replace("{nulls first}", "", StringComparison.Ordinal)
        .Replace("{real}", "real", StringComparison.Ordinal));
}
