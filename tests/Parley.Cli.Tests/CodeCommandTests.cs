using System.Text;
using System.Text.Json;
using Parley.Tests.Serialization;

namespace Parley.Cli.Tests;

public sealed class CodeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static List<JsonElement> Records(string stdout)
    {
        var records = new List<JsonElement>();
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.Empty(SchemaValidator.Errors(line));
            records.Add(JsonDocument.Parse(line).RootElement.Clone());
        }
        return records;
    }

    [ExampleArticleFact]
    public void The_example_article_gives_one_valid_record_with_only_the_boilerplate_line_removed()
    {
        var path = ExampleArticleFactAttribute.Path!;
        var result = ParleyProcess.Run(null, "code", path, "--published", "2022-04-20");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var record = Assert.Single(Records(result.Stdout));
        Assert.Equal("2022-04-20", record.GetProperty("published").GetString());
        var text = record.GetProperty("text").GetString()!;
        var removed = Assert.Single(record.GetProperty("removed").EnumerateArray().ToList());
        var removedText = text[removed.GetProperty("start").GetInt32()..removed.GetProperty("end").GetInt32()];
        Assert.StartsWith("For the latest news", removedText, StringComparison.Ordinal);
        Assert.EndsWith("head to The Hill.", removedText, StringComparison.Ordinal);
    }

    [ExampleArticleFact]
    public void The_example_article_is_split_into_sentences_where_a_reader_would()
    {
        var path = ExampleArticleFactAttribute.Path!;
        var result = ParleyProcess.Run(null, "code", path, "--published", "2022-04-20");
        var record = Assert.Single(Records(result.Stdout));
        var text = record.GetProperty("text").GetString()!;
        var sentences = record.GetProperty("sentences").EnumerateArray()
            .Select(s => text[s.GetProperty("start").GetInt32()..s.GetProperty("end").GetInt32()]).ToList();
        string[] openings =
        [
            "United Nations Secretary-General", "The request was made", "A separate request", "“The Secretary-General said",
            "“He noted that", "Guterres push for", "U.S. and European officials", "Austrian Chancellor Karl Nehammer",
            "He told news outlets", "“[Putin] thinks", "He doesn’t trust", "“So he is now", "Russia has been condemned",
            "Russia holds a permanent seat",
        ];
        Assert.Equal(openings.Length, sentences.Count);
        for (var i = 0; i < openings.Length; i++)
        {
            Assert.StartsWith(openings[i], sentences[i], StringComparison.Ordinal);
        }
        Assert.EndsWith("Nehammer told NBC’s Meet the Press on Sunday.", sentences[10], StringComparison.Ordinal);
        Assert.DoesNotContain(sentences, s => s.Contains("The Hill", StringComparison.Ordinal));
    }

    [Fact]
    public void Bad_inputs_are_reported_with_codes_and_the_rest_is_written_with_exit_code_1()
    {
        File.WriteAllText(Path.Combine(_dir, "a-good.txt"), "The council met on Monday. It agreed on a plan.");
        File.WriteAllBytes(Path.Combine(_dir, "b-empty.txt"), []);
        File.WriteAllBytes(Path.Combine(_dir, "c-binary.txt"), [0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1, 2, 3, 0, 0, 0, 0, 0xFF, 0xFE, 0, 9]);
        File.WriteAllText(Path.Combine(_dir, "d-lines.jsonl"),
            "{\"id\":\"j1\",\"text\":\"Ministers met in Paris.\"}\n" +
            "this is not json\n" +
            "{\"id\":\"j3\",\"title\":\"no text here\"}\n" +
            "{\"id\":\"j4\",\"text\":\"Talks resumed on Friday.\"}\n");
        File.WriteAllBytes(Path.Combine(_dir, "e-invalid.jsonl"), [.. "{\"id\":\"x\",\"text\":\"caf"u8, 0xC3, 0x28, 0xFF, .. "\"}\n"u8]);
        using (var big = File.Create(Path.Combine(_dir, "f-huge.txt")))
        {
            var line = Encoding.UTF8.GetBytes("The committee debated the budget for many hours without a vote.\n");
            for (long written = 0; written < 50L * 1024 * 1024; written += line.Length)
            {
                big.Write(line);
            }
        }

        var result = ParleyProcess.Run(null, "code", _dir);

        Assert.Equal(1, result.ExitCode);
        var records = Records(result.Stdout);
        var byStatus = records.GroupBy(r => r.GetProperty("status").GetString()!).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(3, byStatus["ok"].Count); // a-good, j1, j4
        var failures = byStatus["failed"];
        string Codes(JsonElement r) => string.Join(",", r.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()));
        string Messages(JsonElement r) => string.Join(" ", r.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("message").GetString()));
        void Expect(string code, string fileFragment)
        {
            Assert.Contains(failures, r => Codes(r).Contains(code, StringComparison.Ordinal) && Messages(r).Contains(fileFragment, StringComparison.Ordinal));
            Assert.Contains(code, result.Stderr, StringComparison.Ordinal);
        }
        Expect("E202", "b-empty.txt");
        Expect("E203", "c-binary.txt");
        Expect("E206", "d-lines.jsonl:2");
        Expect("E207", "d-lines.jsonl:3");
        Expect("E204", "e-invalid.jsonl:1");
        Expect("E205", "f-huge.txt");
        Assert.Equal(6, failures.Count);
    }

    [Fact]
    public void Output_order_follows_input_order()
    {
        var lines = new StringBuilder();
        for (var i = 0; i < 40; i++)
        {
            lines.Append("{\"id\":\"n").Append(i).Append("\",\"text\":\"Report number ").Append(i).Append(" says the talks went on.\"}\n");
        }
        var result = ParleyProcess.Run(lines.ToString(), "code", "-");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var ids = Records(result.Stdout).Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"n{i}"), ids);
    }

    [Theory]
    [InlineData("code", "--published", "20/04/2022", "x.txt")]
    [InlineData("code", "does-not-exist.txt")]
    [InlineData("code", "--format", "xml", "x.txt")]
    [InlineData("code", "--no-such-option")]
    [InlineData("frobnicate")]
    public void Usage_errors_exit_with_2_and_say_what_is_wrong(params string[] args)
    {
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "x.txt"), "Some text.");
        var result = ParleyProcess.Run(null, args);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("parley: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_examples()
    {
        var result = ParleyProcess.Run(null, "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("parley code ../shared/examples/un-guterres-putin.txt", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Exit codes", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_format_writes_one_array_of_valid_records()
    {
        var result = ParleyProcess.Run("{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"b\",\"text\":\"Two.\"}\n", "code", "--format", "json", "-");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var array = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(2, array.GetArrayLength());
        foreach (var record in array.EnumerateArray())
        {
            Assert.Empty(SchemaValidator.Errors(record.GetRawText()));
        }
    }
}
