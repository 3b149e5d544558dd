using System.Globalization;
using System.Xml;

namespace Parley.Events;

/// <summary>
/// Runs the PETRARCH unit-test records (<c>PETR.UnitTest.records.xml</c>) from their raw text and
/// scores them as the suite does: a record passes when the set of (source, target, code) Parley
/// codes equals the expected set. The analysis from text to a coded document is a seam
/// (<c>code</c>): Parley's own segmentation, tagger, parser and actor coder with the suite's
/// dictionaries, then <see cref="EventCoder"/>.
/// </summary>
public static class PetrarchEvaluation
{
    /// <summary>
    /// Reads every <c>&lt;Sentence&gt;</c> record of the suite file, with the <c>require_dyad</c> and
    /// <c>new_actor_length</c> switches its <c>&lt;Config&gt;</c> elements set before it (PETRARCH's
    /// defaults: dyads required, no new actors).
    /// </summary>
    public static List<PetrarchRecord> ReadRecords(string path)
    {
        var records = new List<PetrarchRecord>();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        var xml = new XmlDocument { XmlResolver = null };
        using (var reader = XmlReader.Create(path, settings))
        {
            xml.Load(reader);
        }
        var requireDyad = true;
        var newActorLength = 0;
        // Config switches hold from where they stand to the next that changes them: walk in document order.
        foreach (XmlElement sentence in xml.SelectNodes("//Config|//Sentence")!)
        {
            if (sentence.Name == "Config")
            {
                var value = sentence.GetAttribute("value");
                switch (sentence.GetAttribute("option"))
                {
                    case "require_dyad":
                        requireDyad = !value.Equals("false", StringComparison.OrdinalIgnoreCase);
                        break;
                    case "new_actor_length":
                        newActorLength = int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var length) ? length : 0;
                        break;
                }
                continue;
            }
            var expected = new HashSet<(string, string, string)>();
            var error = false;
            foreach (XmlElement coding in sentence.GetElementsByTagName("EventCoding"))
            {
                if (coding.HasAttribute("error"))
                {
                    error = true;
                }
                else if (coding.HasAttribute("eventcode"))
                {
                    expected.Add((coding.GetAttribute("sourcecode"), coding.GetAttribute("targetcode"), coding.GetAttribute("eventcode")));
                }
            }
            var textNode = sentence.GetElementsByTagName("Text");
            var text = textNode.Count > 0 ? Collapse(textNode[0]!.InnerText) : string.Empty;
            DateOnly? date = DateOnly.TryParseExact(sentence.GetAttribute("date"), "yyyyMMdd", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var d) ? d : null;
            var active = sentence.GetAttribute("sentence") == "true" && !error;
            records.Add(new PetrarchRecord(sentence.GetAttribute("id"), sentence.GetAttribute("category"), date, text, expected, active,
                requireDyad, newActorLength));
        }
        return records;
    }

    /// <summary>
    /// Codes every active record with <paramref name="code"/> and writes each failure (expected and
    /// got) and a last line <c>N passed, M failed</c> to <paramref name="report"/>. A record whose
    /// coding throws counts as failed with the reason; the run goes on.
    /// </summary>
    public static (int Passed, int Failed) Run(IEnumerable<PetrarchRecord> records,
        Func<PetrarchRecord, IEnumerable<(string Source, string Target, string Code)>> code, TextWriter report)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(report);
        int passed = 0, failed = 0;
        foreach (var record in records)
        {
            if (!record.Active)
            {
                continue;
            }
            HashSet<(string, string, string)> got;
            try
            {
                got = [.. code(record)];
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failed++;
                report.WriteLine($"{record.Id}: failed to code: {ex.Message}");
                continue;
            }
            if (got.SetEquals(record.Expected))
            {
                passed++;
            }
            else
            {
                failed++;
                report.WriteLine($"{record.Id} [{record.Category}] {record.Text}");
                report.WriteLine($"    expected {Format(record.Expected)}; got {Format(got)}");
            }
        }
        report.WriteLine($"{passed} passed, {failed} failed");
        return (passed, failed);
    }

    private static string Format(IEnumerable<(string Source, string Target, string Code)> codings)
    {
        var items = new List<string>();
        foreach (var (s, t, c) in codings)
        {
            items.Add($"{s} {t} {c}");
        }
        items.Sort(StringComparer.Ordinal);
        return items.Count == 0 ? "no events" : string.Join("; ", items);
    }

    private static string Collapse(string text) => string.Join(' ', text.Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
