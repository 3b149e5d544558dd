using System.Globalization;
using System.Text;
using System.Xml;
using Parley.Model;

namespace Parley.Events;

/// <summary>
/// Compares the events Parley codes from PETRARCH-format sentences (<c>GigaWord.sample.PETR.xml</c>)
/// with what PETRARCH-2 coded from them (its tab-separated event output: date, source, target, code,
/// issues, sentence id …). Counts agreement per sentence on the exact (source, target, code), on the
/// dyad with the code's root, and on the countries of the dyad with the root; lists every sentence
/// where the two differ.
/// </summary>
public static class PetrarchComparison
{
    /// <summary>Reads the id, date and text of every <c>&lt;Sentence&gt;</c> of a PETRARCH input file.</summary>
    public static List<(string Id, DateOnly? Date, string Text)> ReadSentences(string path)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        var xml = new XmlDocument { XmlResolver = null };
        using (var reader = XmlReader.Create(path, settings))
        {
            xml.Load(reader);
        }
        var sentences = new List<(string, DateOnly?, string)>();
        foreach (XmlElement sentence in xml.GetElementsByTagName("Sentence"))
        {
            var textNode = sentence.GetElementsByTagName("Text");
            var text = textNode.Count > 0 ? string.Join(' ', textNode[0]!.InnerText.Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)) : string.Empty;
            DateOnly? date = DateOnly.TryParseExact(sentence.GetAttribute("date").Trim(), "yyyyMMdd", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var d) ? d : null;
            sentences.Add((sentence.GetAttribute("id").Trim(), date, text));
        }
        return sentences;
    }

    /// <summary>Reads PETRARCH-2's event lines as (sentence id, source, target, code).</summary>
    public static List<(string Id, string Source, string Target, string Code)> ReadEvents(string path)
    {
        var events = new List<(string, string, string, string)>();
        foreach (var line in File.ReadLines(path))
        {
            var f = line.Split('\t');
            if (f.Length >= 6)
            {
                events.Add((f[5].Trim(), f[1].Trim(), f[2].Trim(), f[3].Trim()));
            }
        }
        return events;
    }

    /// <summary>
    /// Codes each sentence with <paramref name="code"/> (text and date to coded document) and writes
    /// the disagreements and the agreement figures to <paramref name="report"/>; returns the figures.
    /// </summary>
    public static PetrarchAgreement Compare(IReadOnlyList<(string Id, DateOnly? Date, string Text)> sentences,
        IReadOnlyList<(string Id, string Source, string Target, string Code)> petrarch, Func<string, DateOnly?, Document> code, TextWriter report)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(petrarch);
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(report);
        int theirs = 0, ours = 0, exact = 0, root = 0, country = 0, both = 0, differ = 0;
        foreach (var (id, date, text) in sentences)
        {
            var expected = new List<(string Source, string Target, string Code)>();
            foreach (var e in petrarch)
            {
                if (e.Id == id)
                {
                    expected.Add((e.Source, e.Target, e.Code));
                }
            }
            var got = new List<(string Source, string Target, string Code)>();
            var doc = code(text, date);
            foreach (var e in doc.Events)
            {
                got.Add((e.Source?.Code ?? "---", e.Target?.Code ?? "---", e.Code));
            }
            theirs += expected.Count;
            ours += got.Count;
            exact += Matches(expected, got, (a, b) => a == b);
            root += Matches(expected, got, (a, b) => a.Source == b.Source && a.Target == b.Target && Root(a.Code) == Root(b.Code));
            country += Matches(expected, got, (a, b) => Country(a.Source) == Country(b.Source) && Country(a.Target) == Country(b.Target)
                && Root(a.Code) == Root(b.Code));
            if (expected.Count > 0 && got.Count > 0)
            {
                both++;
            }
            if (Matches(expected, got, (a, b) => a == b) != Math.Max(expected.Count, got.Count))
            {
                differ++;
                report.WriteLine($"{id}: {text}");
                report.WriteLine($"    PETRARCH-2 {Format(expected)}; Parley {Format(got)}");
            }
        }
        var agreement = new PetrarchAgreement(sentences.Count, theirs, ours, exact, root, country, both, differ);
        report.WriteLine(agreement.Format());
        return agreement;
    }

    // Greedy one-to-one matching: each of PETRARCH's events pairs with at most one of Parley's.
    private static int Matches(List<(string Source, string Target, string Code)> expected, List<(string Source, string Target, string Code)> got,
        Func<(string Source, string Target, string Code), (string Source, string Target, string Code), bool> same)
    {
        var used = new bool[got.Count];
        var matched = 0;
        foreach (var e in expected)
        {
            for (var i = 0; i < got.Count; i++)
            {
                if (!used[i] && same(e, got[i]))
                {
                    used[i] = true;
                    matched++;
                    break;
                }
            }
        }
        return matched;
    }

    private static string Root(string code) => code.Length >= 2 ? code[..2] : code;

    private static string Country(string actor) => actor.Length >= 3 ? actor[..3] : actor;

    private static string Format(List<(string Source, string Target, string Code)> events)
    {
        if (events.Count == 0)
        {
            return "no events";
        }
        var sb = new StringBuilder();
        foreach (var (s, t, c) in events)
        {
            sb.Append(sb.Length > 0 ? "; " : string.Empty).Append(s).Append(' ').Append(t).Append(' ').Append(c);
        }
        return sb.ToString();
    }
}
