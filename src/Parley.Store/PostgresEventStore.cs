using System.Data.Common;
using System.Net.Sockets;
using Npgsql;
using Parley.Diagnostics;

namespace Parley.Store;

/// <summary>The shared store: PostgreSQL, with a GIN index over each article's text.</summary>
public sealed class PostgresEventStore : SqlEventStore
{
    private static readonly IReadOnlyList<IReadOnlyList<string>> PostgresMigrations =
    [
        [
            .. Dialect(StoreSchema.Version1),
            "ALTER TABLE articles ADD COLUMN fts tsvector GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED",
            "CREATE INDEX articles_fts ON articles USING gin (fts)",
        ],
        [.. Dialect(StoreSchema.Version2)],
        [.. Dialect(StoreSchema.Version3)],
        [.. Dialect(StoreSchema.Version4)],
    ];

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Connects with a <c>postgres://user:password@host:port/database</c> URL or an Npgsql connection string.</summary>
    public PostgresEventStore(string connection)
    {
        ConnectionString = ToConnectionString(connection);
        _dataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    /// <summary>The Npgsql connection string.</summary>
    public string ConnectionString { get; }

    /// <inheritdoc/>
    public override string Kind => "postgres";

    /// <inheritdoc/>
    protected override IReadOnlyList<IReadOnlyList<string>> Migrations => PostgresMigrations;

    /// <inheritdoc/>
    protected override string TextSearchArticles => "SELECT id FROM articles WHERE fts @@ plainto_tsquery('simple', @text)";

    /// <summary>The planner's row estimate, kept by ANALYZE and autovacuum (negative before the first).</summary>
    protected override string MentionCountEstimate => "SELECT reltuples FROM pg_class WHERE oid = 'event_mentions'::regclass";

    /// <inheritdoc/>
    protected override string TextMatchCount => "SELECT COUNT(*) FROM articles WHERE fts @@ plainto_tsquery('simple', @text)";

    /// <inheritdoc/>
    protected override string NullsFirst => " NULLS FIRST";

    /// <inheritdoc/>
    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
        {
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
            throw new ParleyConfigurationException(DiagnosticCodes.StoreUnavailable,
                $"Cannot connect to PostgreSQL at {builder.Host}:{builder.Port} (database '{builder.Database}', user '{builder.Username}'): {ex.Message} " +
                "Check that the server runs and the --store URL is right.", ex);
        }
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private static IEnumerable<string> Dialect(IEnumerable<string> statements) => statements.Select(statement => statement
        .Replace("{key}", "text COLLATE \"C\"", StringComparison.Ordinal)
        .Replace("{long}", "bigint", StringComparison.Ordinal)
        .Replace("{nulls first}", " NULLS FIRST", StringComparison.Ordinal)
        .Replace("{real}", "double precision", StringComparison.Ordinal));

    /// <summary>Turns a <c>postgres://</c> or <c>postgresql://</c> URL into a connection string; anything else is taken as one.</summary>
    public static string ToConnectionString(string connection)
    {
        if (!connection.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            && !connection.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return new NpgsqlConnectionStringBuilder(connection).ConnectionString;
            }
            catch (ArgumentException ex)
            {
                throw new ParleyConfigurationException(DiagnosticCodes.StoreUnavailable,
                    $"'{connection}' is not a PostgreSQL connection string: {ex.Message} Write postgres://user@host:port/database.", ex);
            }
        }
        if (!Uri.TryCreate(connection, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new ParleyConfigurationException(DiagnosticCodes.StoreUnavailable,
                $"'{connection}' is not a PostgreSQL URL. Write postgres://user@host:port/database.");
        }
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port };
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }
        return builder.ConnectionString;
    }
}
