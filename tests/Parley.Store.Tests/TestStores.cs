using Npgsql;

namespace Parley.Store.Tests;

/// <summary>
/// Fresh stores for one test. PostgreSQL is the server named by PARLEY_TEST_POSTGRES (a postgres://
/// URL); each test gets its own schema, dropped afterwards.
/// </summary>
internal static class TestStores
{
    public const string PostgresVariable = "PARLEY_TEST_POSTGRES";

    public static string? PostgresUrl => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } url ? url : null;

    public static string SkipMessage =>
        $"PostgreSQL tests skipped: set {PostgresVariable}=postgres://user@127.0.0.1:port/database to a server they may use (.ci/run starts one).";

    public static async Task<(IEventStore Store, Func<Task> Drop)> PostgresAsync()
    {
        var baseConnection = PostgresEventStore.ToConnectionString(PostgresUrl!);
        var schema = "t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(baseConnection))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await command.ExecuteNonQueryAsync();
        }
        var scoped = new NpgsqlConnectionStringBuilder(baseConnection) { SearchPath = schema }.ConnectionString;
        var store = await EventStores.OpenAsync(scoped, CancellationToken.None);
        return (store, async () =>
        {
            await store.DisposeAsync();
            await using var connection = new NpgsqlConnection(baseConnection);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", connection);
            await command.ExecuteNonQueryAsync();
        });
    }

    public static async Task<(IEventStore Store, Func<Task> Drop)> SqliteAsync()
    {
        var directory = Directory.CreateTempSubdirectory("parley-store-").FullName;
        var store = await EventStores.OpenAsync(Path.Combine(directory, "test.db"), CancellationToken.None);
        return (store, async () =>
        {
            await store.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        });
    }
}
