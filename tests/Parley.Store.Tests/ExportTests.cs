using DuckDB.NET.Data;
using Parley.Store.Export;

namespace Parley.Store.Tests;

public sealed class ExportTests : IAsyncLifetime
{
    private IEventStore _store = null!;
    private Func<Task> _drop = null!;
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-export-").FullName;

    public async Task InitializeAsync()
    {
        (_store, _drop) = await TestStores.SqliteAsync();
        await _store.StoreAsync(
        [
            Articles.Record("nor-1", Articles.MeetingReport, "nordic.example", "2021-03-02", Articles.Meeting()),
            Articles.Record("chl-1", Articles.OtherMeetingReport, "andes.example", "2021-03-03", Articles.Meeting(), Articles.Meeting("e2", place: null, root: "04", code: "040")),
        ], CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _drop();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void The_gdelt_event_table_has_its_61_columns_in_order()
    {
        Assert.Equal(61, GdeltTables.EventColumns.Count);
        Assert.Equal("GLOBALEVENTID", GdeltTables.EventColumns[0]);
        Assert.Equal(["Actor1Code", "Actor1Name"], GdeltTables.EventColumns.Skip(5).Take(2));
        Assert.Equal("IsRootEvent", GdeltTables.EventColumns[25]);
        Assert.Equal("EventCode", GdeltTables.EventColumns[26]);
        Assert.Equal("AvgTone", GdeltTables.EventColumns[34]);
        Assert.Equal("ActionGeo_Type", GdeltTables.EventColumns[51]);
        Assert.Equal(["ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL"], GdeltTables.EventColumns.Skip(56));
        Assert.Equal(16, GdeltTables.MentionColumns.Count);
    }

    [Fact]
    public async Task A_gdelt_row_puts_each_value_in_its_column()
    {
        var merged = await _store.QueryAsync(new EventQuery { Root = "03" }, CancellationToken.None).FirstAsync();
        var row = GdeltTables.EventRow(merged);
        Assert.Equal(61, row.Length);
        string Column(string name) => DelimitedText.Format(row[GdeltTables.EventColumns.ToList().IndexOf(name)]);
        Assert.Equal("20210302", Column("SQLDATE"));
        Assert.Equal("NORGOV", Column("Actor1Code"));
        Assert.Equal("GOV", Column("Actor1Type1Code"));
        Assert.Equal("CHL", Column("Actor2CountryCode"));
        Assert.Equal("036", Column("EventCode"));
        Assert.Equal("03", Column("EventRootCode"));
        Assert.Equal("2", Column("NumArticles"));
        Assert.Equal("4", Column("ActionGeo_Type"));
        Assert.Equal("59.91", Column("ActionGeo_Lat"));
        Assert.Equal("https://nordic.example/news/nor-1", Column("SOURCEURL"));
        Assert.Equal(16, GdeltTables.MentionRow(await _store.MentionsAsync(CancellationToken.None).FirstAsync(), merged.Date).Length);
    }

    [Fact]
    public async Task Parquet_opens_in_duckdb_with_the_expected_types()
    {
        var events = Path.Combine(_dir, "events.parquet");
        var mentions = Path.Combine(_dir, "mentions.parquet");
        await using (var stream = File.Create(events))
        {
            await ParquetTables.WriteAsync(stream, EventTables.Events, _store.QueryAsync(new EventQuery(), CancellationToken.None), CancellationToken.None);
        }
        await using (var stream = File.Create(mentions))
        {
            await ParquetTables.WriteAsync(stream, EventTables.Mentions, _store.MentionsAsync(CancellationToken.None), CancellationToken.None);
        }
        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        using var describe = duck.CreateCommand();
        describe.CommandText = $"DESCRIBE SELECT * FROM read_parquet('{events}')";
        var types = new Dictionary<string, string>();
        using (var reader = describe.ExecuteReader())
        {
            while (reader.Read())
            {
                types[reader.GetString(0)] = reader.GetString(1);
            }
        }
        Assert.Equal(EventTables.Events.Select(c => c.Name), types.Keys);
        Assert.Equal("VARCHAR", types["id"]);
        Assert.Equal("INTEGER", types["quad"]);
        Assert.Equal("INTEGER", types["independent"]);
        Assert.Equal("DOUBLE", types["goldstein"]);
        Assert.Equal("DOUBLE", types["lat"]);
        using var query = duck.CreateCommand();
        query.CommandText = $"SELECT count(*), CAST(sum(articles) AS BIGINT), count(lat) FROM read_parquet('{events}')";
        using (var reader = query.ExecuteReader())
        {
            Assert.True(reader.Read());
            Assert.Equal((2L, 3L, 1L), (Convert.ToInt64(reader.GetValue(0)), Convert.ToInt64(reader.GetValue(1)), Convert.ToInt64(reader.GetValue(2))));
        }
        query.CommandText = $"SELECT count(*), count(DISTINCT eventId) FROM read_parquet('{mentions}')";
        using (var reader = query.ExecuteReader())
        {
            Assert.True(reader.Read());
            Assert.Equal((3L, 2L), (Convert.ToInt64(reader.GetValue(0)), Convert.ToInt64(reader.GetValue(1))));
        }
    }
}
