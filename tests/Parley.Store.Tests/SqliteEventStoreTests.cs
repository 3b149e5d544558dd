namespace Parley.Store.Tests;

public sealed class SqliteEventStoreTests : EventStoreContract
{
    private protected override Task<(IEventStore Store, Func<Task> Drop)> OpenAsync() => TestStores.SqliteAsync();
}
