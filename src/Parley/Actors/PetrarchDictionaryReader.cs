using System.Text;
using Parley.Diagnostics;

namespace Parley.Actors;

/// <summary>
/// Reads PETRARCH/TABARI actor and agent dictionaries into an <see cref="ActorLexiconBuilder"/>,
/// so that users' existing dictionaries code the same as in PETRARCH. Problems in a dictionary
/// (a group with no code, an unreadable date) are reported as warnings, each starting with
/// <see cref="DiagnosticCodes.DictionaryEntrySkipped"/> and giving file and line, and the entry or
/// code block is skipped; only a missing file is an error.
/// </summary>
/// <remarks>
/// Actor syntax: a phrase (words joined by '_' or spaces) starts a group; <c>+phrase</c> lines add
/// synonyms; code blocks follow on the same line or on indented lines:
/// <c>[USA]</c>, <c>[USAGOV 090120-170120]</c>, <c>[SWEGOV &gt;730915]</c>, <c>[HOB &lt; 950601]</c>,
/// <c>[---]</c> (recognised, not coded). Six-digit dates are <c>YYMMDD</c> with years below 30 in
/// the 2000s; eight-digit dates <c>YYYYMMDD</c>. <c>&lt;D</c> means before D, <c>&gt;D</c> from D on,
/// ranges include both ends; restricted blocks are tried in file order, the unrestricted one is
/// the fallback. Comments: <c>#</c> to end of line, <c>&lt;!-- … --&gt;</c> (possibly over lines).
/// A phrase defined again in the same file replaces the earlier definition, as in PETRARCH.
/// Agent syntax: <c>PHRASE {PLURAL} [~GOV]</c> (code after the actor's) or <c>[NGO~]</c> (before);
/// without braces a regular English plural of the last word is added, <c>{}</c> adds none;
/// <c>!NAME! = A, B</c> defines a substitution set used inside phrases (<c>CONGRESS!PERSON!</c>).
/// Words without a trailing '_' are matched whole, not as stems (TABARI's stem matching is not
/// supported).
/// </remarks>
public static class PetrarchDictionaryReader
{
    /// <summary>The Phoenix actor dictionaries <see cref="LoadPhoenix"/> reads, in order.</summary>
    public static IReadOnlyList<string> PhoenixActorFiles { get; } =
        ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"];

    /// <summary>The Phoenix agent dictionary <see cref="LoadPhoenix"/> reads.</summary>
    public const string PhoenixAgentFile = "Phoenix.agents.txt";

    /// <summary>
    /// Reads the three Phoenix actor dictionaries and the Phoenix agent dictionary from
    /// <paramref name="folder"/> into <paramref name="builder"/>.
    /// </summary>
    /// <exception cref="ParleyConfigurationException">A dictionary file is missing (E103).</exception>
    public static ActorLexiconBuilder LoadPhoenix(string folder, ActorLexiconBuilder builder, ICollection<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        foreach (var file in PhoenixActorFiles)
        {
            ReadActorsFile(Path.Combine(folder, file), builder, warnings);
        }
        ReadAgentsFile(Path.Combine(folder, PhoenixAgentFile), builder, warnings);
        return builder;
    }

    /// <summary>Reads an actor dictionary file; returns the number of actor groups read.</summary>
    /// <exception cref="ParleyConfigurationException">The file is missing (E103).</exception>
    public static int ReadActorsFile(string path, ActorLexiconBuilder builder, ICollection<string>? warnings = null)
    {
        using var reader = Open(path);
        return ReadActors(reader, Path.GetFileName(path), builder, warnings);
    }

    /// <summary>Reads an agent dictionary file; returns the number of agent lines read.</summary>
    /// <exception cref="ParleyConfigurationException">The file is missing (E103).</exception>
    public static int ReadAgentsFile(string path, ActorLexiconBuilder builder, ICollection<string>? warnings = null)
    {
        using var reader = Open(path);
        return ReadAgents(reader, Path.GetFileName(path), builder, warnings);
    }

    /// <summary>Reads actor dictionary text; <paramref name="source"/> names it in entries and warnings.</summary>
    public static int ReadActors(TextReader reader, string source, ActorLexiconBuilder builder, ICollection<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(builder);
        var lines = new CommentStripper(reader);
        var names = new List<string>();
        var codes = new List<DatedCode>();
        var groupLine = 0;
        var groups = 0;

        void Close()
        {
            if (names.Count == 0)
            {
                return;
            }
            if (codes.Count == 0)
            {
                warnings?.Add($"{DiagnosticCodes.DictionaryEntrySkipped} {source}:{groupLine}: '{names[0]}' has no code; skipped.");
            }
            else
            {
                var fallback = FallbackCode(codes);
                var entry = new ActorEntry
                {
                    Name = Display(names[0]),
                    Kind = KindOf(codes, fallback),
                    Codes = [.. codes],
                    Country = CameoCodes.CountryOf(fallback),
                    Sector = CameoCodes.SectorOf(fallback),
                    Source = source,
                };
                foreach (var name in names)
                {
                    builder.Add(name, entry, replace: true);
                }
                groups++;
            }
            names.Clear();
            codes.Clear();
        }

        while (lines.Next() is { } line)
        {
            var text = line.AsSpan().Trim();
            if (text.IsEmpty)
            {
                continue;
            }
            var bracket = text.IndexOf('[');
            var phrase = (bracket < 0 ? text : text[..bracket]).Trim();
            if (text[0] == '+')
            {
                if (names.Count == 0)
                {
                    warnings?.Add($"{DiagnosticCodes.DictionaryEntrySkipped} {source}:{lines.LineNumber}: synonym '{phrase[1..]}' has no phrase before it; skipped.");
                    continue;
                }
                AddName(names, phrase[1..]);
            }
            else if (text[0] != '[')
            {
                // PETRARCH: consecutive phrase lines with no code between them share the codes that follow.
                if (codes.Count > 0)
                {
                    Close();
                }
                if (names.Count == 0)
                {
                    groupLine = lines.LineNumber;
                }
                AddName(names, phrase);
            }
            else if (names.Count == 0)
            {
                warnings?.Add($"{DiagnosticCodes.DictionaryEntrySkipped} {source}:{lines.LineNumber}: code block with no phrase before it; skipped.");
                continue;
            }
            if (bracket >= 0)
            {
                ParseCodeBlocks(text[bracket..], codes, source, lines.LineNumber, warnings);
            }
        }
        Close();
        return groups;
    }

    /// <summary>Reads agent dictionary text; <paramref name="source"/> names it in entries and warnings.</summary>
    public static int ReadAgents(TextReader reader, string source, ActorLexiconBuilder builder, ICollection<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(builder);
        var lines = new CommentStripper(reader);
        var substitutions = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var count = 0;
        while (lines.Next() is { } raw)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var equals = line.IndexOf('=');
            if (line[0] == '!' && equals > 0)
            {
                var name = line[..equals].Trim();
                substitutions[name] = line[(equals + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                continue;
            }
            var open = line.IndexOf('[');
            var close = line.IndexOf(']', Math.Max(open, 0));
            if (open < 0 || close < 0)
            {
                warnings?.Add($"{DiagnosticCodes.DictionaryEntrySkipped} {source}:{lines.LineNumber}: agent line has no [code]; skipped.");
                continue;
            }
            var block = line[(open + 1)..close].Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            var position = block.EndsWith('~') ? AgentPosition.Prefix : AgentPosition.Suffix;
            var code = block.Trim('~');
            if (code.Length == 0 || code.Contains('~', StringComparison.Ordinal))
            {
                warnings?.Add($"{DiagnosticCodes.DictionaryEntrySkipped} {source}:{lines.LineNumber}: agent code '{block}' is not ~CODE or CODE~; skipped.");
                continue;
            }
            var head = line[..open];
            string? plural = null;
            var hasBraces = false;
            var brace = head.IndexOf('{');
            if (brace >= 0)
            {
                hasBraces = true;
                var braceEnd = head.IndexOf('}', brace);
                plural = (braceEnd < 0 ? head[(brace + 1)..] : head[(brace + 1)..braceEnd]).Trim();
                head = head[..brace];
            }
            var phrase = head.Trim();
            if (phrase.Length == 0)
            {
                warnings?.Add($"{DiagnosticCodes.DictionaryEntrySkipped} {source}:{lines.LineNumber}: agent line has no phrase; skipped.");
                continue;
            }
            var entry = new ActorEntry
            {
                Name = Display(phrase),
                Kind = ActorKind.Agent,
                Codes = [new DatedCode(code, null, null)],
                Sector = code.Length >= 3 ? code[..3] : code,
                AgentPosition = position,
                Source = source,
            };
            var substituted = phrase.Contains('!', StringComparison.Ordinal);
            foreach (var form in Expand(phrase, substitutions, source, lines.LineNumber, warnings))
            {
                builder.Add(form, entry, replace: true);
                // Substitution sets already list plural forms (MINISTERS, MEN).
                if (!hasBraces && !substituted)
                {
                    builder.Add(RegularPlural(form), entry, replace: true);
                }
            }
            if (!string.IsNullOrEmpty(plural))
            {
                foreach (var form in Expand(plural, substitutions, source, lines.LineNumber, warnings))
                {
                    builder.Add(form, entry, replace: true);
                }
            }
            count++;
        }
        return count;
    }

    /// <summary>
    /// The regular English plural of a phrase's last word: <c>-y</c> after a consonant becomes
    /// <c>-ies</c>, <c>-s -x -z -ch -sh</c> take <c>-es</c>, others <c>-s</c>.
    /// </summary>
    public static string RegularPlural(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var word = phrase.TrimEnd('_', ' ');
        if (word.Length == 0)
        {
            return phrase;
        }
        var upper = char.IsUpper(word[^1]);
        string Suffix(string s) => upper ? s.ToUpperInvariant() : s;
        var last = char.ToLowerInvariant(word[^1]);
        var beforeLast = word.Length > 1 ? char.ToLowerInvariant(word[^2]) : ' ';
        if (last == 'y' && beforeLast is not ('a' or 'e' or 'i' or 'o' or 'u'))
        {
            return word[..^1] + Suffix("ies");
        }
        if (last is 's' or 'x' or 'z' || (last == 'h' && beforeLast is 'c' or 's'))
        {
            return word + Suffix("es");
        }
        return word + Suffix("s");
    }

    private static StreamReader Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new ParleyConfigurationException(DiagnosticCodes.DataMissing,
                $"PETRARCH dictionary '{path}' does not exist; give the folder that holds the dictionaries.");
        }
        // PETRARCH dictionaries are UTF-8 with a few Latin-1 leftovers; those decode as U+FFFD and simply never match.
        return new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
    }

    private static void AddName(List<string> names, ReadOnlySpan<char> phrase)
    {
        var trimmed = phrase.Trim();
        if (!trimmed.IsEmpty && !trimmed.Trim('_').IsEmpty)
        {
            names.Add(trimmed.ToString());
        }
    }

    private static string Display(string phrase) =>
        string.Join(' ', LexiconText.SplitPhrase(phrase));

    // The code CodeOn falls back to: the first unrestricted one, else the last listed.
    private static string FallbackCode(List<DatedCode> codes)
    {
        foreach (var code in codes)
        {
            if (code.IsUnrestricted && code.Code.Length > 0)
            {
                return code.Code;
            }
        }
        for (var i = codes.Count - 1; i >= 0; i--)
        {
            if (codes[i].Code.Length > 0)
            {
                return codes[i].Code;
            }
        }
        return "";
    }

    // PETRARCH dictionaries do not say what an entry names; this follows CAMEO code shape:
    // date-restricted codes belong to office holders, a bare three-letter code to a country.
    private static ActorKind KindOf(List<DatedCode> codes, string fallback)
    {
        foreach (var code in codes)
        {
            if (!code.IsUnrestricted)
            {
                return ActorKind.Person;
            }
        }
        if (fallback.Length == 3 && CameoCodes.CountryOf(fallback) is not null)
        {
            return ActorKind.Country;
        }
        return fallback.StartsWith("IGO", StringComparison.Ordinal) || fallback.StartsWith("NGO", StringComparison.Ordinal)
            || fallback.StartsWith("MNC", StringComparison.Ordinal)
            ? ActorKind.Organization
            : ActorKind.Unknown;
    }

    private static void ParseCodeBlocks(ReadOnlySpan<char> text, List<DatedCode> codes, string source, int line, ICollection<string>? warnings)
    {
        while (true)
        {
            var open = text.IndexOf('[');
            if (open < 0)
            {
                return;
            }
            var close = text[open..].IndexOf(']');
            if (close < 0)
            {
                warnings?.Add($"{DiagnosticCodes.DictionaryEntrySkipped} {source}:{line}: unclosed code block; skipped.");
                return;
            }
            var block = text.Slice(open + 1, close - 1).Trim();
            if (ParseCodeBlock(block, source, line, warnings) is { } code)
            {
                codes.Add(code);
            }
            text = text[(open + close + 1)..];
        }
    }

    private static DatedCode? ParseCodeBlock(ReadOnlySpan<char> block, string source, int line, ICollection<string>? warnings)
    {
        var end = 0;
        while (end < block.Length && !char.IsWhiteSpace(block[end]) && block[end] is not ('<' or '>'))
        {
            end++;
        }
        var code = block[..end].ToString().ToUpperInvariant();
        // "[FRO/BIL/SAM]": a name that stands for several actors at once keeps all their codes
        // (the event coder codes each); a trailing or leading slash is dropped.
        code = code.Trim('/');
        if (!code.Any(char.IsAsciiLetterOrDigit))
        {
            code = ""; // [---]: recognised, not coded
        }
        var period = block[end..].ToString().Replace(" ", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal);
        if (period.Length == 0)
        {
            return new DatedCode(code, null, null);
        }
        DateOnly? from = null, until = null;
        var ok = true;
        if (period[0] == '<')
        {
            ok = TryParseDate(period[1..], out var d);
            until = ok ? d.AddDays(-1) : null;
        }
        else if (period[0] == '>')
        {
            ok = TryParseDate(period[1..], out var d);
            from = ok ? d : null;
        }
        else if (period.IndexOf('-') is var dash and > 0)
        {
            ok = TryParseDate(period[..dash], out var a) & TryParseDate(period[(dash + 1)..], out var b);
            if (ok)
            {
                (from, until) = (a, b);
            }
        }
        else
        {
            // A bare date (seen in Phoenix files, e.g. [USAGOV 19820101]): read as "from then on".
            ok = TryParseDate(period, out var d);
            from = ok ? d : null;
        }
        if (!ok)
        {
            warnings?.Add($"{DiagnosticCodes.DictionaryEntrySkipped} {source}:{line}: unreadable date in [{block.ToString()}]; code block skipped.");
            return null;
        }
        return new DatedCode(code, from, until);
    }

    private static bool TryParseDate(string digits, out DateOnly date)
    {
        date = default;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        int year, month, day;
        if (digits.Length == 6)
        {
            var yy = int.Parse(digits.AsSpan(0, 2), provider: null);
            year = yy < 30 ? 2000 + yy : 1900 + yy;
            month = int.Parse(digits.AsSpan(2, 2), provider: null);
            day = int.Parse(digits.AsSpan(4, 2), provider: null);
        }
        else if (digits.Length == 8)
        {
            year = int.Parse(digits.AsSpan(0, 4), provider: null);
            month = int.Parse(digits.AsSpan(4, 2), provider: null);
            day = int.Parse(digits.AsSpan(6, 2), provider: null);
        }
        else
        {
            return false;
        }
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month))
        {
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    private static List<string> Expand(string phrase, Dictionary<string, string[]> substitutions, string source, int line, ICollection<string>? warnings)
    {
        var start = phrase.IndexOf('!');
        var end = start < 0 ? -1 : phrase.IndexOf('!', start + 1);
        if (end < 0)
        {
            return [phrase];
        }
        var name = phrase[start..(end + 1)];
        if (!substitutions.TryGetValue(name, out var values))
        {
            warnings?.Add($"{DiagnosticCodes.DictionaryEntrySkipped} {source}:{line}: unknown substitution set {name}; phrase skipped.");
            return [];
        }
        var expanded = new List<string>();
        foreach (var value in values)
        {
            expanded.AddRange(Expand(phrase[..start] + value + phrase[(end + 1)..], substitutions, source, line, warnings));
        }
        return expanded;
    }

    // Yields lines with '#' comments and <!-- … --> blocks removed, tracking line numbers.
    private sealed class CommentStripper(TextReader reader)
    {
        private bool _inBlock;

        public int LineNumber { get; private set; }

        public string? Next()
        {
            while (reader.ReadLine() is { } line)
            {
                LineNumber++;
                if (_inBlock)
                {
                    var close = line.IndexOf("-->", StringComparison.Ordinal);
                    if (close < 0)
                    {
                        continue;
                    }
                    _inBlock = false;
                    line = line[(close + 3)..];
                }
                var open = line.IndexOf("<!", StringComparison.Ordinal);
                if (open >= 0)
                {
                    var close = line.IndexOf("-->", open, StringComparison.Ordinal);
                    if (close < 0)
                    {
                        _inBlock = true;
                        line = line[..open];
                    }
                    else
                    {
                        line = line[..open] + line[(close + 3)..];
                    }
                }
                var hash = line.IndexOf('#');
                return hash >= 0 ? line[..hash] : line;
            }
            return null;
        }
    }
}
