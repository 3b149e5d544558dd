namespace Parley.Store;

/// <summary>Opens the store a <c>--store</c> value names.</summary>
public static class EventStores
{
    /// <summary>The default store: a SQLite file in the working directory.</summary>
    public const string DefaultPath = "parley.db";

    /// <summary>
    /// A <c>postgres://</c> URL or a connection string with <c>Host=</c> opens PostgreSQL; anything
    /// else is the path of a SQLite file. The schema is created or migrated before it is returned.
    /// </summary>
    public static async Task<IEventStore> OpenAsync(string? store, CancellationToken cancellationToken)
    {
        var spec = string.IsNullOrWhiteSpace(store) ? DefaultPath : store;
        SqlEventStore opened = IsPostgres(spec) ? new PostgresEventStore(spec) : new SqliteEventStore(spec);
        try
        {
            await opened.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await opened.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return opened;
    }

    private static bool IsPostgres(string spec) =>
        spec.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || spec.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || spec.Contains("Host=", StringComparison.OrdinalIgnoreCase);
}
