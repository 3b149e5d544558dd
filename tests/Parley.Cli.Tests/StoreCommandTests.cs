using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Parley.Store;

namespace Parley.Cli.Tests;

public sealed class StoreCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-store-cli-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static readonly string[] Subjects = ["The Finnish government", "Brazil's foreign minister", "The mayor of Lyon", "Kenyan police", "The Indian navy", "Canada's prime minister"];
    private static readonly string[] Verbs = ["criticised", "praised", "met", "accused", "thanked", "visited"];
    private static readonly string[] Objects = ["the Japanese ambassador", "officials in Poland", "the Egyptian army", "Mexican diplomats", "the Turkish president", "a delegation from Peru"];

    /// <summary>JSON lines of <paramref name="count"/> short distinct articles, generated from word lists so each has its own text.</summary>
    private string WriteArticles(int count)
    {
        var path = Path.Combine(_dir, "articles.jsonl");
        var lines = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var text = new StringBuilder();
            for (var s = 0; s < 6; s++)
            {
                var k = (i * 7) + (s * 3);
                text.Append(CultureInfo.InvariantCulture, $"{Subjects[k % 6]} {Verbs[(k / 6) % 6]} {Objects[(k / 36 + s) % 6]} on Monday in report {i}, paragraph {s}. ");
            }
            lines.Append(JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["id"] = $"story-{i:D4}", ["text"] = text.ToString(), ["published"] = $"2021-0{1 + (i % 9)}-1{i % 10}", ["source"] = $"outlet{i % 5}.example",
            })).Append('\n');
        }
        File.WriteAllText(path, lines.ToString());
        return path;
    }

    private static async Task<List<string>> DumpAsync(string database)
    {
        await using var store = new SqliteEventStore(database);
        var lines = new List<string>();
        await foreach (var line in store.DumpAsync(CancellationToken.None))
        {
            lines.Add(line);
        }
        return lines;
    }

    [Fact]
    public async Task Ingesting_the_same_input_twice_stores_nothing_new()
    {
        var input = WriteArticles(12);
        var db = Path.Combine(_dir, "twice.db");
        var first = ParleyProcess.Run(null, "ingest", input, "--store", db);
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Contains("12 new", first.Stderr, StringComparison.Ordinal);
        var stored = await DumpAsync(db);
        var second = ParleyProcess.Run(null, "ingest", input, "--store", db);
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Contains("0 new", second.Stderr, StringComparison.Ordinal);
        Assert.Contains("12 unchanged", second.Stderr, StringComparison.Ordinal);
        Assert.Equal(stored, await DumpAsync(db));
    }

    [Fact]
    public async Task An_ingest_killed_mid_run_and_rerun_equals_a_clean_run_row_for_row()
    {
        const int Articles = 400;
        var input = WriteArticles(Articles);
        var clean = Path.Combine(_dir, "clean.db");
        var run = ParleyProcess.Run(null, "ingest", input, "--store", clean, "--parallel", "1");
        Assert.True(run.ExitCode == 0, run.Stderr);

        var killed = Path.Combine(_dir, "killed.db");
        using (var process = ParleyProcess.Start("ingest", input, "--store", killed, "--parallel", "1"))
        {
            var storedAtKill = 0L;
            var deadline = DateTime.UtcNow.AddMinutes(4);
            while (storedAtKill == 0 && !process.HasExited && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
                storedAtKill = CountArticles(killed);
            }
            Assert.False(process.HasExited, "the ingest finished before it could be killed; give it more articles");
            process.Kill(entireProcessTree: true); // SIGKILL: no cleanup runs
            process.WaitForExit();
            Assert.InRange(storedAtKill, 1, Articles - 1);
        }
        Assert.InRange(CountArticles(killed), 1, Articles - 1);
        var rerun = ParleyProcess.Run(null, "ingest", input, "--store", killed, "--parallel", "1");
        Assert.True(rerun.ExitCode == 0, rerun.Stderr);
        Assert.Equal(await DumpAsync(clean), await DumpAsync(killed));
    }

    private static long CountArticles(string database)
    {
        if (!File.Exists(database))
        {
            return 0;
        }
        try
        {
            using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM articles";
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0; // the schema is not there yet
        }
    }

    [Theory]
    [InlineData("--from", "2019-13-45", "E107")]
    [InlineData("--goldstein", "high:low", "E107")]
    [InlineData("--near", "91,0,10", "E107")]
    [InlineData("--code", "abc", "E107")]
    [InlineData("--colour", "red", "E104")]
    public void A_malformed_query_is_a_coded_usage_error_without_a_stack_trace(string option, string value, string code)
    {
        var db = Path.Combine(_dir, "query.db");
        var result = ParleyProcess.Run(null, "query", option, value, "--store", db);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(code, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_postgres_store_is_a_configuration_error()
    {
        var result = ParleyProcess.Run(null, "query", "--store", "postgres://nobody@127.0.0.1:1/none");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("E106", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_show_and_export_read_what_ingest_stored()
    {
        var input = WriteArticles(30);
        var db = Path.Combine(_dir, "read.db");
        Assert.Equal(0, ParleyProcess.Run(null, "ingest", input, "--store", db).ExitCode);
        var all = ParleyProcess.Run(null, "query", "--store", db, "--format", "jsonl");
        Assert.True(all.ExitCode == 0, all.Stderr);
        var events = all.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var csv = ParleyProcess.Run(null, "query", "--store", db, "--format", "csv");
        Assert.Equal(events.Count + 1, csv.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var gdelt = ParleyProcess.Run(null, "export", "--format", "gdelt", "--store", db);
        Assert.True(gdelt.ExitCode == 0, gdelt.Stderr);
        var rows = gdelt.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(events.Count, rows.Length);
        Assert.All(rows, row => Assert.Equal(61, row.Split('\t').Length));
        if (events.Count > 0)
        {
            var id = events[0].GetProperty("id").GetString()!;
            var show = ParleyProcess.Run(null, "show", "event", id, "--store", db);
            Assert.True(show.ExitCode == 0, show.Stderr);
            Assert.StartsWith($"event {id}:", show.Stdout, StringComparison.Ordinal);
            Assert.Contains("first mention", show.Stdout, StringComparison.Ordinal);
        }
        var missing = ParleyProcess.Run(null, "show", "event", "ffffffffffffffff", "--store", db);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("E107", missing.Stderr, StringComparison.Ordinal);
    }
}
