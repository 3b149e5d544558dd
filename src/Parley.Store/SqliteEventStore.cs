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

    /// <inheritdoc/>
    protected override string? DayOrderHint => " INDEXED BY events_day";

    /// <inheritdoc/>
    protected override string TextMatchCount => "SELECT COUNT(*) FROM article_text WHERE article_text MATCH @text";

    /// <summary>Each word becomes a quoted FTS5 string, so the user's words are matched, never parsed as query syntax.</summary>
    protected override string TextSearchValue(string words) =>
        string.Join(' ', TextFingerprint.Words(words).Select(word => "\"" + word + "\""));

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
        .Replace("{real}", "real", StringComparison.Ordinal));
}
