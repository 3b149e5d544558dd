using System.Globalization;
using Parley.Diagnostics;

namespace Parley.Actors;

/// <summary>
/// Reads the project's actor tables: tab-separated, '#' comment lines, a header row naming the
/// columns (so columns are found by name), '|' between the values of a list column. Codes are
/// written <c>CODE</c> or, restricted to a period, <c>CODE 2009-01-20..2017-01-20</c> (either
/// side of <c>..</c> may be empty), several separated by '|', restricted ones tried first.
/// </summary>
internal static class ActorTableReader
{
    public const string Countries = "countries.tsv";
    public const string Organizations = "organizations.tsv";
    public const string Groups = "groups.tsv";
    public const string Agents = "agents.tsv";
    public const string Discards = "discards.tsv";
    public const string Regions = "regions.tsv";
    public const string Media = "media.tsv";
    public const string People = "people.tsv";

    public static void ReadFolder(string folder, ActorLexiconBuilder builder)
    {
        foreach (var name in (string[])[Countries, Organizations, Groups, Agents, Discards])
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                throw new ParleyConfigurationException(DiagnosticCodes.DataMissing,
                    $"Actor table '{path}' is missing; point {Processing.DataPaths.DataVariable} at Parley's data/ folder.");
            }
            using var reader = new StreamReader(path);
            Read(reader, name, builder);
        }
        // Regions, media and people came after the first five tables; a folder written before them still loads.
        foreach (var name in (string[])[Regions, Media, People])
        {
            var path = Path.Combine(folder, name);
            if (File.Exists(path))
            {
                using var reader = new StreamReader(path);
                Read(reader, name, builder);
            }
        }
    }

    public static void Read(TextReader reader, string source, ActorLexiconBuilder builder)
    {
        foreach (var row in Rows(reader, source))
        {
            switch (source)
            {
                case Countries:
                    AddCountry(row, builder);
                    break;
                case Organizations:
                    AddNamed(row, ActorKind.Organization, builder);
                    break;
                case Groups:
                    AddNamed(row, ActorKind.Group, builder);
                    break;
                case Agents:
                    AddAgent(row, builder);
                    break;
                case Discards:
                    AddDiscard(row, builder);
                    break;
                case Regions:
                    AddRegion(row, builder);
                    break;
                case Media:
                    AddMedia(row, builder);
                    break;
                case People:
                    builder.AddOffice(PersonOfficeRow(row));
                    break;
                default:
                    throw new ArgumentException($"Unknown actor table '{source}'.", nameof(source));
            }
        }
    }

    /// <summary>Parses the code syntax described on the class.</summary>
    public static List<DatedCode> ParseCodes(string text, string where)
    {
        var codes = new List<DatedCode>();
        foreach (var part in text.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var space = part.IndexOf(' ');
            if (space < 0)
            {
                codes.Add(new DatedCode(part, null, null));
                continue;
            }
            var period = part[(space + 1)..].Trim();
            var dots = period.IndexOf("..", StringComparison.Ordinal);
            if (dots < 0)
            {
                throw Malformed(where, $"period '{period}' needs the form FROM..UNTIL");
            }
            codes.Add(new DatedCode(part[..space], ParseDate(period[..dots], where), ParseDate(period[(dots + 2)..], where)));
        }
        if (codes.Count == 0)
        {
            throw Malformed(where, "no code");
        }
        // Restricted codes first, so that the unrestricted one is the fallback whatever the written order.
        var ordered = new List<DatedCode>(codes.Count);
        ordered.AddRange(codes.FindAll(c => !c.IsUnrestricted));
        ordered.AddRange(codes.FindAll(c => c.IsUnrestricted));
        return ordered;
    }

    private static DateOnly? ParseDate(string text, string where)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return null;
        }
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Malformed(where, $"'{text}' is not a yyyy-MM-dd date");
    }

    private static void AddCountry(Row row, ActorLexiconBuilder builder)
    {
        var code = row.Required("code");
        var alpha3 = row.Required("alpha3");
        var name = row.Required("name");
        var country = new ActorEntry
        {
            Name = name,
            Kind = ActorKind.Country,
            Codes = ParseCodes(code, row.Where),
            Country = alpha3,
            Source = row.Source,
            Example = row.Optional("example"),
        };
        AddAll(builder, country, name, row.Optional("official_name"), row.Optional("names"),
            row.Optional("adjectives"), row.Optional("demonyms"), row.Optional("former_names"));
        // Metonyms stand for the government unless a sector follows '=' ("the Pentagon=MIL").
        var bySector = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var item in row.Optional("metonyms").Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = item.IndexOf('=');
            var sector = equals < 0 ? "GOV" : item[(equals + 1)..].Trim();
            var phrase = equals < 0 ? item : item[..equals].Trim();
            if (!bySector.TryGetValue(sector, out var phrases))
            {
                bySector[sector] = phrases = [];
            }
            phrases.Add(phrase);
        }
        foreach (var (sector, phrases) in bySector)
        {
            var government = new ActorEntry
            {
                Name = $"{name} ({sector})",
                Kind = ActorKind.Country,
                Codes = ParseCodes(code + sector, row.Where),
                Country = alpha3,
                Sector = sector,
                Source = row.Source,
                Example = row.Optional("example"),
            };
            AddAll(builder, government, string.Join('|', phrases));
        }
    }

    private static void AddNamed(Row row, ActorKind kind, ActorLexiconBuilder builder)
    {
        var codes = ParseCodes(row.Required("code"), row.Where);
        var name = row.Required("name");
        // The fallback code is last after ParseCodes; it says what the actor is most of the time.
        var main = codes[^1].Code;
        var sector = row.Optional("sector");
        if (sector.Length == 0)
        {
            // IGOUNO, NGOHRI: the sector leads. HTIREB, LBNREB: a country, then the sector.
            sector = kind == ActorKind.Organization || main.Length < 6 ? main[..Math.Min(3, main.Length)] : main[3..6];
        }
        var parent = row.Optional("parent");
        var entry = new ActorEntry
        {
            Name = name,
            Kind = kind,
            Codes = codes,
            Country = NullIfEmpty(row.Optional("country")),
            Sector = sector,
            Role = NullIfEmpty(row.Optional("role")),
            Organization = kind == ActorKind.Organization ? (parent.Length > 0 ? parent : name) : null,
            Source = row.Source,
            Example = row.Optional("example"),
        };
        AddAll(builder, entry, name, row.Optional("aliases"));
    }

    private static void AddAgent(Row row, ActorLexiconBuilder builder)
    {
        var code = row.Required("code");
        var words = row.Required("words");
        var position = row.Optional("position");
        var title = row.Optional("title");
        var entry = new ActorEntry
        {
            Name = words.Split('|')[0].Trim(),
            Kind = ActorKind.Agent,
            Codes = ParseCodes(code, row.Where),
            Sector = code.Length >= 3 ? code[..3] : code,
            Role = NullIfEmpty(row.Optional("role")),
            IsTitle = title switch
            {
                "yes" => true,
                "no" or "" => false,
                _ => throw Malformed(row.Where, $"title must be yes or no, not '{title}'"),
            },
            AgentPosition = position switch
            {
                "suffix" or "" => AgentPosition.Suffix,
                "prefix" => AgentPosition.Prefix,
                _ => throw Malformed(row.Where, $"position must be suffix or prefix, not '{position}'"),
            },
            Source = row.Source,
            Example = row.Optional("example"),
        };
        AddAll(builder, entry, words);
    }

    // A region has a CAMEO code but no ISO country, so Country stays null.
    private static void AddRegion(Row row, ActorLexiconBuilder builder)
    {
        var name = row.Required("name");
        var entry = new ActorEntry
        {
            Name = name,
            Kind = ActorKind.Country,
            Codes = ParseCodes(row.Required("code"), row.Where),
            Source = row.Source,
            Example = row.Optional("example"),
        };
        AddAll(builder, entry, name, row.Optional("names"), row.Optional("adjectives"), row.Optional("demonyms"));
    }

    private static PersonOffice PersonOfficeRow(Row row) => new()
    {
        Code = row.Required("code"),
        Names = List(row.Required("names")),
        Surnames = List(row.Optional("surname")),
        From = ParseDate(row.Optional("from"), row.Where),
        Until = ParseDate(row.Optional("to"), row.Where),
        Role = row.Required("role"),
        Where = row.Where,
    };

    private static string[] List(string value) =>
        value.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static void AddMedia(Row row, ActorLexiconBuilder builder)
    {
        var name = row.Required("name");
        var entry = new ActorEntry
        {
            Name = name,
            Kind = ActorKind.Organization,
            Codes = ParseCodes(row.Required("code"), row.Where),
            Country = NullIfEmpty(row.Optional("country")),
            Sector = "MED",
            Organization = name,
            Source = row.Source,
            Example = row.Optional("example"),
        };
        AddAll(builder, entry, name, row.Optional("aliases"));
    }

    // A phrase that holds a name but names no actor ("New Mexico"): matched, so that the name
    // inside is not, and deliberately left uncoded.
    private static void AddDiscard(Row row, ActorLexiconBuilder builder)
    {
        var phrase = row.Required("phrase");
        var entry = new ActorEntry
        {
            Name = phrase,
            Kind = ActorKind.Unknown,
            Codes = [new DatedCode("", null, null)],
            Source = row.Source,
            Example = row.Optional("example"),
        };
        builder.Add(phrase, entry, matchCase: true);
    }

    private static void AddAll(ActorLexiconBuilder builder, ActorEntry entry, params string[] lists)
    {
        foreach (var list in lists)
        {
            foreach (var phrase in list.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                builder.Add(phrase, entry, matchCase: true);
            }
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static ParleyConfigurationException Malformed(string where, string problem) =>
        new(DiagnosticCodes.DataMissing, $"{where}: {problem}; fix the actor table.");

    private static IEnumerable<Row> Rows(TextReader reader, string source)
    {
        Dictionary<string, int>? columns = null;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#' || line.AsSpan().IsWhiteSpace())
            {
                continue;
            }
            var fields = line.Split('\t');
            if (columns is null)
            {
                columns = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < fields.Length; i++)
                {
                    columns[fields[i].Trim()] = i;
                }
                continue;
            }
            yield return new Row(source, lineNumber, fields, columns);
        }
    }

    private sealed class Row(string source, int line, string[] fields, Dictionary<string, int> columns)
    {
        public string Source => source;

        public string Where => $"{source}:{line}";

        public string Optional(string column) =>
            columns.TryGetValue(column, out var i) && i < fields.Length ? fields[i].Trim() : "";

        public string Required(string column)
        {
            var value = Optional(column);
            return value.Length > 0 ? value : throw Malformed(Where, $"column '{column}' is empty or missing");
        }
    }
}
