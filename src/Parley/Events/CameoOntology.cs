using System.Globalization;
using System.Text;
using Parley.Diagnostics;
using Parley.Model;

namespace Parley.Events;

/// <summary>
/// The CAMEO 1.1b3 event ontology: every code with its name, Goldstein weight, QuadClass and PLOVER
/// class. Read once from <c>data/cameo/cameo.tsv</c> (built by <see cref="Build"/> from the shared
/// CAMEO tables) and shared read-only across threads.
/// </summary>
public sealed class CameoOntology
{
    /// <summary>The ontology file's name inside <c>data/cameo/</c>.</summary>
    public const string FileName = "cameo.tsv";

    private const string Header = "code\tlevel\tname\tgoldstein\tgoldstein_from\tquad\tplover_type\tplover_mode\tplover_context";

    private readonly Dictionary<string, CameoCode> _byCode;
    private readonly List<CameoCode> _codes;

    private CameoOntology(List<CameoCode> codes)
    {
        _codes = codes;
        _byCode = new Dictionary<string, CameoCode>(codes.Count, StringComparer.Ordinal);
        foreach (var code in codes)
        {
            _byCode[code.Code] = code;
        }
    }

    /// <summary>Every code in codebook order.</summary>
    public IReadOnlyList<CameoCode> Codes => _codes;

    /// <summary>The code, or null when <paramref name="code"/> is not a CAMEO 1.1b3 code.</summary>
    public CameoCode? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>True when <paramref name="code"/> is a CAMEO 1.1b3 code.</summary>
    public bool Contains(string code) => _byCode.ContainsKey(code);

    /// <summary>
    /// The code, or its nearest ancestor in the ontology (<c>"1952"</c> → <c>"195"</c>), or null.
    /// Dictionaries written for later CAMEO variants use codes 1.1b3 does not have.
    /// </summary>
    public CameoCode? FindOrAncestor(string code)
    {
        for (var length = code.Length; length >= 2; length--)
        {
            if (_byCode.TryGetValue(code[..length], out var found))
            {
                return found;
            }
        }
        return null;
    }

    /// <summary>
    /// This ontology plus the codes of <paramref name="extra"/> it lacks, for dictionaries written
    /// against other CAMEO variants that must keep their own codes (<c>1717</c>, <c>174K</c>): each takes the
    /// weight, class and PLOVER type of its nearest ancestor and a name saying so; a code with no
    /// ancestor at all (a private code such as <c>903</c>) gets weight 0 and no class.
    /// </summary>
    public CameoOntology WithCodes(IEnumerable<string> extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        var codes = new List<CameoCode>(_codes);
        var added = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in extra)
        {
            if (code.Length < 2 || _byCode.ContainsKey(code) || !added.Add(code))
            {
                continue;
            }
            var ancestor = FindOrAncestor(code);
            codes.Add(ancestor is null
                ? new CameoCode(code, Math.Max(1, code.Length - 1), $"Dictionary code {code} (not in CAMEO 1.1b3)", 0, code, 0, null, null)
                : ancestor with { Code = code, Level = Math.Max(1, code.Length - 1), Name = $"{ancestor.Name} (dictionary code {code}, under {ancestor.Code})" });
        }
        return new CameoOntology(codes);
    }

    /// <summary>Loads the ontology from <c>cameo/cameo.tsv</c> under Parley's data folder.</summary>
    /// <exception cref="ParleyConfigurationException">E103 when the file is missing or malformed.</exception>
    public static CameoOntology LoadFromData(string dataDirectory) =>
        Load(Path.Combine(dataDirectory, "cameo", FileName));

    /// <summary>Loads the ontology from a file written by <see cref="Build"/>.</summary>
    /// <exception cref="ParleyConfigurationException">E103 when the file is missing or malformed.</exception>
    public static CameoOntology Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ParleyConfigurationException(DiagnosticCodes.DataMissing,
                $"The CAMEO ontology '{path}' does not exist; rebuild it as tools/cameo/README.md says.");
        }
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Reads the ontology from the text of a file written by <see cref="Build"/>.</summary>
    /// <exception cref="ParleyConfigurationException">E103 when a line is malformed.</exception>
    public static CameoOntology Parse(string text, string origin = "cameo.tsv")
    {
        ArgumentNullException.ThrowIfNull(text);
        var codes = new List<CameoCode>(320);
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("code\t", StringComparison.Ordinal))
            {
                continue;
            }
            var f = line.Split('\t');
            if (f.Length != 9
                || !int.TryParse(f[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var level)
                || !double.TryParse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var goldstein)
                || !int.TryParse(f[5], NumberStyles.Integer, CultureInfo.InvariantCulture, out var quad))
            {
                throw new ParleyConfigurationException(DiagnosticCodes.DataMissing,
                    $"{origin}:{lineNumber}: expected 9 tab-separated fields ({Header}).");
            }
            var plover = f[6].Length == 0 ? null : new PloverClass(f[6], f[7].Length == 0 ? null : f[7]);
            codes.Add(new CameoCode(f[0], level, f[2], goldstein, f[4], quad, plover, f[8].Length == 0 ? null : f[8]));
        }
        return new CameoOntology(codes);
    }

    /// <summary>
    /// Builds the text of <c>data/cameo/cameo.tsv</c> from the shared CAMEO tables
    /// (<c>CAMEO_event_codes.tsv</c>, <c>phoenix_goldstein_scale.tsv</c>, <c>quadclass.tsv</c>,
    /// <c>CAMEO2PLOVER-2021.txt</c> in <paramref name="cameoDirectory"/>). The same tables give the
    /// same bytes.
    /// </summary>
    public static string Build(string cameoDirectory)
    {
        var events = ReadTable(Path.Combine(cameoDirectory, "CAMEO_event_codes.tsv"));
        var goldstein = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var row in ReadTable(Path.Combine(cameoDirectory, "phoenix_goldstein_scale.tsv")))
        {
            if (row.Length >= 2 && row[0] != "code" && double.TryParse(row[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
            {
                goldstein[row[0]] = weight;
            }
        }
        var quads = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in ReadTable(Path.Combine(cameoDirectory, "quadclass.tsv")))
        {
            if (row.Length >= 5 && row[0] != "root" && int.TryParse(row[4], NumberStyles.Integer, CultureInfo.InvariantCulture, out var quad))
            {
                quads[row[0]] = quad;
            }
        }
        var plover = ReadPlover(Path.Combine(cameoDirectory, "CAMEO2PLOVER-2021.txt"));

        var sb = new StringBuilder();
        sb.Append("# CAMEO 1.1b3 event codes with Goldstein weight, QuadClass (GDELT convention) and PLOVER class.\n");
        sb.Append("# Built by CameoOntology.Build from the CAMEO codebook labels, the Phoenix Goldstein scale and the\n");
        sb.Append("# CAMEO-to-PLOVER table (see data/SOURCES.md). A code without its own weight or PLOVER row takes its\n");
        sb.Append("# nearest ancestor's; goldstein_from names the code the weight came from.\n");
        sb.Append(Header).Append('\n');
        foreach (var row in events)
        {
            if (row.Length < 3 || row[0] == "code")
            {
                continue;
            }
            var code = row[0];
            var weightFrom = Nearest(code, goldstein.ContainsKey) ?? throw new InvalidDataException($"No Goldstein weight for CAMEO {code} or its root.");
            var quadValue = quads.TryGetValue(code[..2], out var q) ? q : throw new InvalidDataException($"No QuadClass for CAMEO root {code[..2]}.");
            var ploverFrom = Nearest(code, plover.ContainsKey);
            var (type, mode, context) = ploverFrom is null ? (string.Empty, string.Empty, string.Empty) : plover[ploverFrom];
            sb.Append(code).Append('\t')
                .Append(row[1]).Append('\t')
                .Append(row[2].Trim()).Append('\t')
                .Append(goldstein[weightFrom].ToString("0.0##", CultureInfo.InvariantCulture)).Append('\t')
                .Append(weightFrom).Append('\t')
                .Append(quadValue.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(type).Append('\t').Append(mode).Append('\t').Append(context).Append('\n');
        }
        return sb.ToString();
    }

    // The code itself, else its parent (four digits → three), else its root.
    private static string? Nearest(string code, Func<string, bool> has)
    {
        for (var length = code.Length; length >= 2; length--)
        {
            if (has(code[..length]))
            {
                return code[..length];
            }
        }
        return null;
    }

    private static List<string[]> ReadTable(string path)
    {
        var rows = new List<string[]>();
        foreach (var line in File.ReadAllLines(path))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            rows.Add(line.Split('\t'));
        }
        return rows;
    }

    // Lines look like "0311: AGREE,  ,   economic # comment"; root lines ("03: AGREE") carry a type
    // only. A code listed twice keeps its first row.
    private static Dictionary<string, (string Type, string Mode, string Context)> ReadPlover(string path)
    {
        var map = new Dictionary<string, (string, string, string)>(StringComparer.Ordinal);
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                line = line[..hash];
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 2)
            {
                continue;
            }
            var code = line[..colon].Trim();
            if (code.Length is < 2 or > 4 || !IsDigits(code))
            {
                continue;
            }
            var parts = line[(colon + 1)..].Split(',');
            var type = parts[0].Trim();
            var mode = parts.Length > 1 ? parts[1].Trim() : string.Empty;
            var context = parts.Length > 2 ? string.Join(",", parts[2..]).Trim().Replace(" ", string.Empty, StringComparison.Ordinal) : string.Empty;
            if (type.Length > 0)
            {
                map.TryAdd(code, (type, mode, context));
            }
        }
        return map;
    }

    private static bool IsDigits(string s)
    {
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }
        return true;
    }
}
