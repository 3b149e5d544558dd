namespace Parley.Store.Tests;

public sealed class PostgresEventStoreTests : EventStoreContract
{
    private protected override Task<(IEventStore Store, Func<Task> Drop)> OpenAsync()
    {
        Skip.If(TestStores.PostgresUrl is null, TestStores.SkipMessage);
        return TestStores.PostgresAsync();
    }

    [SkippableFact]
    public async Task The_same_articles_give_the_same_rows_in_sqlite_and_postgres()
    {
        Skip.If(TestStores.PostgresUrl is null, TestStores.SkipMessage);
        var records = new[]
        {
            Articles.Record("nor-1", Articles.MeetingReport, "nordic.example", "2021-03-02", Articles.Meeting()),
            Articles.Record("chl-1", Articles.OtherMeetingReport, "andes.example", "2021-03-03", Articles.Meeting(), Articles.Meeting("e2", root: "04", code: "040")),
            Articles.Record("copy-1", Articles.MeetingReport + " Reprinted.", null, "2021-03-04", Articles.Meeting()),
        };
        var dumps = new List<List<string>>();
        foreach (var open in new[] { TestStores.SqliteAsync, TestStores.PostgresAsync })
        {
            var (store, drop) = await open();
            try
            {
                await store.StoreAsync(records, CancellationToken.None);
                var lines = new List<string>();
                await foreach (var line in store.DumpAsync(CancellationToken.None))
                {
                    lines.Add(line);
                }
                dumps.Add(lines);
            }
            finally
            {
                await drop();
            }
        }
        Assert.True(dumps[0].Count > 10);
        Assert.Equal(dumps[0], dumps[1]);
    }
}
