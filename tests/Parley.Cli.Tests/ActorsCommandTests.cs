using System.Text.Json;

namespace Parley.Cli.Tests;

/// <summary>
/// The person knowledge base across runs (<c>parley code --kb</c>), <c>parley actors</c> with its
/// import and export, and PETRARCH dictionaries given with <c>--actors</c> and <c>--agents</c>.
/// </summary>
public sealed class ActorsCommandTests : IDisposable
{
    private const string Introduces =
        "Icelandic Prime Minister Sigrun Haldorsdottir opened a geothermal plant near the capital on Friday, promising cheaper heating for thousands of homes.\n";
    // The surname alone, inside the sentence, as a later article names the minister.
    private const string NamesOnlySurname = "The plant would be paid for by 2030, Haldorsdottir told reporters.\n";
    private const string Columns = "name\tcountry\tsector\trole\torganization\tcode\tfirst_seen\tlast_seen\tevidence\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("parley-actors-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static List<(string Name, string? Code, string? Role)> Actors(ParleyProcess.Result result)
    {
        Assert.True(result.ExitCode == 0, result.Stderr);
        var record = JsonDocument.Parse(result.Stdout.Split('\n')[0]).RootElement;
        return record.GetProperty("actors").EnumerateArray()
            .Select(a => (a.GetProperty("name").GetString()!, a.GetProperty("code").GetString(), a.GetProperty("role").GetString()))
            .ToList();
    }

    [Fact]
    public void A_role_learned_in_one_run_codes_the_surname_in_a_later_run_but_not_before_the_role_began()
    {
        var kb = Path.Combine(_dir, "people.kb");
        var first = ParleyProcess.Run(null, "code", Write("plant.txt", Introduces), "--published", "2024-02-09", "--kb", kb);
        Assert.Contains(Actors(first), a => a is { Name: "Sigrun Haldorsdottir", Code: "ISLGOV", Role: "Prime Minister" });
        Assert.Contains("1 new", first.Stderr, StringComparison.Ordinal);
        var saved = File.ReadAllText(kb);
        Assert.Contains("Sigrun Haldorsdottir\tISL\tGOV\tPrime Minister\t\tISLGOV\t2024-02-09\t2024-02-09\tplant\n", saved, StringComparison.Ordinal);

        var later = Write("later.txt", NamesOnlySurname);
        var after = Actors(ParleyProcess.Run(null, "code", later, "--published", "2024-03-10", "--kb", kb));
        Assert.Contains(after, a => a is { Name: "Sigrun Haldorsdottir", Code: "ISLGOV", Role: "Prime Minister" });

        // Years before the role was first seen, the same words are not assumed to name the prime minister.
        var before = Actors(ParleyProcess.Run(null, "code", later, "--published", "2021-06-01", "--kb", kb, "--kb-readonly"));
        Assert.Contains(before, a => a.Name == "Haldorsdottir");
        Assert.DoesNotContain(before, a => a.Code == "ISLGOV");

        // Without --kb nothing is remembered between runs.
        Assert.DoesNotContain(Actors(ParleyProcess.Run(null, "code", later, "--published", "2024-03-10")), a => a.Code == "ISLGOV");
        Assert.Equal(saved, File.ReadAllText(kb));
    }

    [Fact]
    public void The_learned_base_and_the_records_do_not_depend_on_parallelism()
    {
        var articles = Path.Combine(_dir, "articles");
        Directory.CreateDirectory(articles);
        string[] countries = ["Icelandic", "Norwegian", "Chilean", "Kenyan", "Peruvian", "Austrian"];
        string[] names = ["Sigrun Haldorsdottir", "Ingrid Solberg-Haug", "Rosa Valdivia", "Amani Odhiambo", "Marco Quispe", "Lena Gruber"];
        for (var i = 0; i < countries.Length; i++)
        {
            File.WriteAllText(Path.Combine(articles, $"{i:D2}.jsonl"),
                $"{{\"id\":\"x{i}\",\"published\":\"2023-0{i + 1}-15\",\"text\":\"{countries[i]} Foreign Minister {names[i]} met envoys in Geneva. {names[(i + 1) % names.Length].Split(' ')[^1]} was not there.\"}}\n");
        }
        string Run(int parallel)
        {
            var kb = Path.Combine(_dir, $"p{parallel}.kb");
            var result = ParleyProcess.Run(null, "code", articles, "--kb", kb, "--parallel", parallel.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(result.ExitCode == 0, result.Stderr);
            return result.Stdout + File.ReadAllText(kb);
        }
        var one = Run(1);
        Assert.Equal(one, Run(4));
        Assert.Contains("Marco Quispe\tPER\tGOV\tForeign Minister", one, StringComparison.Ordinal);
    }

    [Fact]
    public void Actors_shows_what_the_base_knows_about_a_name_and_why()
    {
        var kb = Write("people.kb", "# parley person knowledge base v1\n" + Columns
            + "Sigrun Haldorsdottir\tISL\tGOV\tPrime Minister\t\tISLGOV\t2024-02-09\t2024-05-01\tplant\n"
            + "Sigrun Haldorsdottir\tISL\tLEG\tMember of Parliament\t\tISLLEG\t2016-01-10\t2019-11-30\told-1\n"
            + "Jon Haldorsdottir\tISL\tBUS\tChief Executive\tNordurorka\tISLBUS\t2024-01-01\t2024-01-01\tfirm-7\n");

        var all = ParleyProcess.Run(null, "actors", "Haldorsdottir", "--kb", kb);
        Assert.True(all.ExitCode == 0, all.Stderr);
        var lines = all.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("# ", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("Sigrun Haldorsdottir\tISLGOV\tPrime Minister (country ISL, sector GOV)\tseen 2024-02-09 to 2024-05-01, first in 'plant'\tapplies 2024-01-10 to 2025-05-01", StringComparison.Ordinal));

        var in2017 = ParleyProcess.Run(null, "actors", "Sigrun Haldorsdottir", "--kb", kb, "--on", "2017-03-01");
        var line = Assert.Single(in2017.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1));
        Assert.Contains("ISLLEG", line, StringComparison.Ordinal);

        var both = ParleyProcess.Run(null, "actors", "Haldorsdottir", "--kb", kb, "--on", "2024-02-20");
        Assert.Contains("2 people match 'Haldorsdottir'", both.Stderr, StringComparison.Ordinal);

        var unknown = ParleyProcess.Run(null, "actors", "Gruber", "--kb", kb);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("'Gruber' is not in", unknown.Stderr, StringComparison.Ordinal);

        var missing = ParleyProcess.Run(null, "actors", "Gruber");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("E104", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_merges_and_counts_and_export_writes_the_same_facts()
    {
        var kb = Path.Combine(_dir, "here.kb");
        var first = Write("there.kb", "# parley person knowledge base v1\n" + Columns
            + "Rosa Valdivia\tCHL\tGOV\tForeign Minister\t\tCHLGOV\t2023-02-01\t2023-03-01\tx1\n"
            + "Amani Odhiambo\tKEN\tGOV\tPresident\t\tKENGOV\t2023-05-01\t2023-05-01\tk1\n");
        var imported = ParleyProcess.Run(null, "actors", "--kb", kb, "--import", first);
        Assert.True(imported.ExitCode == 0, imported.Stderr);
        Assert.Contains("2 facts (2 new, 0 widened, 0 already known)", imported.Stderr, StringComparison.Ordinal);

        var second = Write("again.kb", "# parley person knowledge base v1\n" + Columns
            + "Rosa Valdivia\tCHL\tGOV\tForeign Minister\t\tCHLGOV\t2023-01-10\t2023-02-15\tx0\n"
            + "Amani Odhiambo\tKEN\tGOV\tPresident\t\tKENGOV\t2023-05-01\t2023-05-01\tk9\n"
            + "Marco Quispe\tPER\tGOV\tForeign Minister\t\tPERGOV\t2023-06-01\t2023-06-01\tq1\n");
        var merged = ParleyProcess.Run(null, "actors", "--kb", kb, "--import", second);
        Assert.Contains("3 facts (1 new, 1 widened, 1 already known)", merged.Stderr, StringComparison.Ordinal);
        Assert.Contains("3 people, 3 facts", merged.Stderr, StringComparison.Ordinal);

        var exported = Path.Combine(_dir, "out.kb");
        Assert.Equal(0, ParleyProcess.Run(null, "actors", "--kb", kb, "--export", exported).ExitCode);
        var text = File.ReadAllText(exported);
        Assert.Equal(File.ReadAllText(kb), text);
        // The widened fact keeps the earlier evidence and both ends of the period.
        Assert.Contains("Rosa Valdivia\tCHL\tGOV\tForeign Minister\t\tCHLGOV\t2023-01-10\t2023-03-01\tx0\n", text, StringComparison.Ordinal);
        Assert.Equal(text, ParleyProcess.Run(null, "actors", "--kb", kb, "--export", "-").Stdout);
    }

    [Fact]
    public void A_malformed_file_is_refused_with_its_line_and_changes_nothing()
    {
        var kb = Write("here.kb", "# parley person knowledge base v1\n" + Columns
            + "Rosa Valdivia\tCHL\tGOV\tForeign Minister\t\tCHLGOV\t2023-02-01\t2023-03-01\tx1\n");
        var before = File.ReadAllText(kb);
        var bad = Write("bad.kb", "# parley person knowledge base v1\n" + Columns
            + "Marco Quispe\tPER\tGOV\tForeign Minister\t\tPERGOV\t2023-06-01\t2023-06-01\tq1\n"
            + "Lena Gruber\tAUT\tGOV\n");
        var result = ParleyProcess.Run(null, "actors", "--kb", kb, "--import", bad);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"E103: {bad}:4: expected 9 tab-separated fields, found 3", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(kb));

        var code = ParleyProcess.Run(null, "code", Write("a.txt", NamesOnlySurname), "--kb", bad);
        Assert.Equal(3, code.ExitCode);
        Assert.Contains($"{bad}:4:", code.Stderr, StringComparison.Ordinal);
        Assert.Empty(code.Stdout);

        var readOnlyMissing = ParleyProcess.Run(null, "code", Write("b.txt", NamesOnlySurname), "--kb", Path.Combine(_dir, "none.kb"), "--kb-readonly");
        Assert.Equal(3, readOnlyMissing.ExitCode);
        Assert.Contains("does not exist", readOnlyMissing.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--kb-readonly", "--kb-readonly needs --kb FILE")]
    [InlineData("--actors-only", "--actors-only needs at least one --actors FILE")]
    public void Options_that_need_another_are_usage_errors(string option, string message)
    {
        var result = ParleyProcess.Run(null, "code", Write("a.txt", NamesOnlySurname), option);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"E104: {message}", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void Petrarch_dictionaries_code_beside_or_instead_of_the_built_in_tables_and_bad_lines_are_warnings()
    {
        // A small dictionary in PETRARCH's format: a date-restricted person, a synonym, an agent, and two broken lines.
        var actors = Write("test.actors.txt", """
            [ZMB]
            ZEMBLA [ZMB]
            +ZEMBLAN
            KARL_OTTO_VANDERLAAN [ZMBGOV 20100101-20151231] [ZMBELI >20160101]
            BROKEN_ENTRY [ZMBGOV 2015-13]
            """);
        var agents = Write("test.agents.txt", """
            HARBOUR_MASTER [~GOV]
            FISHERMEN {FISHERMEN}
            """);
        var text = Write("a.txt", "Karl Otto Vanderlaan met the Zemblan harbour master in the port on Monday.\n");
        string[] dictionaries = ["--actors", actors, "--agents", agents];

        var in2012 = ParleyProcess.Run(null, ["code", text, "--published", "2012-05-01", .. dictionaries]);
        var coded = Actors(in2012);
        Assert.Contains(coded, a => a is { Name: "Karl Otto Vanderlaan", Code: "ZMBGOV" });
        Assert.Contains(coded, a => a.Code == "ZMBGOV" && a.Name != "Karl Otto Vanderlaan");
        Assert.Contains("W307 test.actors.txt:1: code block with no phrase", in2012.Stderr, StringComparison.Ordinal);
        Assert.Contains("W307 test.actors.txt:5: unreadable date", in2012.Stderr, StringComparison.Ordinal);
        Assert.Contains("W307 test.agents.txt:2:", in2012.Stderr, StringComparison.Ordinal);
        var versions = JsonDocument.Parse(in2012.Stdout.Split('\n')[0]).RootElement.GetProperty("versions").GetProperty("lexicons").GetString();
        Assert.Matches("^[0-9a-z.]+\\+dictionaries\\.[0-9a-f]{12}$", versions);

        Assert.Contains(Actors(ParleyProcess.Run(null, ["code", text, "--published", "2017-05-01", .. dictionaries])),
            a => a is { Name: "Karl Otto Vanderlaan", Code: "ZMBELI" });

        // Instead of the built-in tables: a country the dictionary lacks is no longer coded.
        var iceland = Write("b.txt", "Iceland protested to Zembla on Monday.\n");
        Assert.Contains(Actors(ParleyProcess.Run(null, ["code", iceland, "--published", "2012-05-01", .. dictionaries])), a => a.Code == "ISL");
        var only = Actors(ParleyProcess.Run(null, ["code", iceland, "--published", "2012-05-01", "--actors-only", .. dictionaries]));
        Assert.DoesNotContain(only, a => a.Code == "ISL");
        Assert.Contains(only, a => a.Code == "ZMB");

        var missing = ParleyProcess.Run(null, "code", text, "--actors", Path.Combine(_dir, "nowhere.txt"));
        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("E103", missing.Stderr, StringComparison.Ordinal);
    }
}
