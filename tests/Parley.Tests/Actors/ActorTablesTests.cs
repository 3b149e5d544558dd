using Parley.Actors;

namespace Parley.Tests.Actors;

/// <summary>
/// The shipped tables in data/actors test themselves: every name, alias and word resolves to its
/// row's code, and every row's example contains a phrase of that row.
/// </summary>
public sealed class ActorTablesTests
{
    public static TheoryData<string> Tables => ["countries.tsv", "organizations.tsv", "groups.tsv", "agents.tsv", "discards.tsv", "regions.tsv", "media.tsv"];

    private static readonly Dictionary<string, string[]> PhraseColumns = new()
    {
        ["countries.tsv"] = ["name", "official_name", "names", "adjectives", "demonyms", "former_names", "metonyms"],
        ["organizations.tsv"] = ["name", "aliases"],
        ["groups.tsv"] = ["name", "aliases"],
        ["agents.tsv"] = ["words"],
        ["discards.tsv"] = ["phrase"],
        ["regions.tsv"] = ["name", "names", "adjectives", "demonyms"],
        ["media.tsv"] = ["name", "aliases"],
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void Every_phrase_resolves_to_its_rows_code(string table)
    {
        var lexicon = ProjectLexicon.Lexicon;
        var failures = new List<string>();
        var phrases = 0;
        foreach (var row in Rows(table))
        {
            // Discarded phrases are recognised and deliberately uncoded.
            var fallback = table == "discards.tsv" ? "" : FallbackCode(row["code"]);
            foreach (var column in PhraseColumns[table])
            {
                foreach (var item in Split(row.GetValueOrDefault(column, "")))
                {
                    var phrase = item;
                    var expected = fallback;
                    if (column == "metonyms")
                    {
                        var equals = item.IndexOf('=');
                        phrase = equals < 0 ? item : item[..equals];
                        expected = fallback + (equals < 0 ? "GOV" : item[(equals + 1)..]);
                    }
                    phrases++;
                    var codes = lexicon.Lookup(phrase).Select(e => e.CodeOn(null)).ToList();
                    if (!codes.Contains(expected))
                    {
                        failures.Add($"{table}: '{phrase}' gives [{string.Join(", ", codes)}], expected {expected}");
                    }
                }
            }
        }
        Assert.True(phrases > 0);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void Every_row_has_an_example_that_uses_the_row(string table)
    {
        var lexicon = ProjectLexicon.Lexicon;
        var failures = new List<string>();
        foreach (var row in Rows(table))
        {
            var example = row.GetValueOrDefault("example", "");
            if (example.Length == 0)
            {
                failures.Add($"{table}: {row.GetValueOrDefault("code", "")} {row.GetValueOrDefault("name", row.GetValueOrDefault("words", row.GetValueOrDefault("phrase", "")))} has no example");
                continue;
            }
            var tokens = ProjectLexicon.Tokens(example);
            var found = false;
            for (var i = 0; i < tokens.Length && !found; i++)
            {
                // Any phrase starting here, not only the longest: "The Russian president" holds both an adjective and an agent.
                for (var end = i + 1; end <= tokens.Length && !found; end++)
                {
                    found = lexicon.Lookup(tokens.AsSpan(i, end - i)).Any(e => e.Example == example && e.Source == table);
                }
            }
            if (!found)
            {
                failures.Add($"{table}: example '{example}' contains no phrase of its row ({row.GetValueOrDefault("code", "")})");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Every_country_of_iso_3166_is_present_once()
    {
        var rows = Rows("countries.tsv").ToList();
        var alpha3 = rows.Select(r => r["alpha3"]).ToList();
        Assert.Equal(alpha3.Count, alpha3.Distinct().Count());
        Assert.True(rows.Count >= 249 + 7, $"{rows.Count} rows");
        Assert.All(rows, r => Assert.Matches("^[A-Z]{3}$", r["code"]));
        Assert.All(rows, r => Assert.Matches("^[A-Z]{2}$", r["alpha2"]));
    }

    [Fact]
    public void Agent_rows_say_whether_they_are_titles()
    {
        Assert.All(Rows("agents.tsv"), r => Assert.Contains(r["title"], new[] { "yes", "no" }));
        Assert.All(Rows("agents.tsv"), r => Assert.Contains(r["position"], new[] { "suffix", "prefix" }));
    }

    internal static IEnumerable<Dictionary<string, string>> Rows(string table)
    {
        string[]? header = null;
        foreach (var line in File.ReadLines(Path.Combine(ProjectLexicon.Folder, table)))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var fields = line.Split('\t');
            if (header is null)
            {
                header = fields;
                continue;
            }
            Assert.True(fields.Length == header.Length, $"{table}: '{line}' has {fields.Length} fields, the header {header.Length}");
            yield return header.Zip(fields).ToDictionary(p => p.First, p => p.Second.Trim());
        }
    }

    private static IEnumerable<string> Split(string list) =>
        list.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    // The code a row gives without a date: its unrestricted code.
    private static string FallbackCode(string codes) =>
        Split(codes).Last(c => !c.Contains(' ', StringComparison.Ordinal));
}
