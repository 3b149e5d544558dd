using System.Text;
using Parley.Events;
using Parley.Model;
using Xunit.Abstractions;

namespace Parley.Tests.Events;

public sealed class EventLexiconExampleTests(ITestOutputHelper output)
{
    internal static EventLexicon Lexicon { get; } = EventLexicon.LoadFromData(CameoOntologyTests.DataDirectory);

    internal static EventCoder Coder { get; } = new(Lexicon, CameoOntologyTests.Ontology);

    [Fact]
    public void Every_pattern_has_an_example_with_roles()
    {
        var missing = new List<string>();
        foreach (var p in Lexicon.Patterns)
        {
            if (string.IsNullOrEmpty(p.Example) || (p.ExampleSource is null && p.ExampleTarget is null))
            {
                missing.Add(p.Id);
            }
        }
        Assert.Empty(missing);
    }

    [Fact]
    public void Covers_every_root_and_thousands_of_word_patterns()
    {
        var perRoot = new SortedDictionary<string, (int Entries, int Expanded)>(StringComparer.Ordinal);
        foreach (var p in Lexicon.Patterns)
        {
            var root = p.Code[..2];
            perRoot.TryGetValue(root, out var c);
            perRoot[root] = (c.Entries + 1, c.Expanded + p.ExpandedCount);
        }
        var sb = new StringBuilder();
        foreach (var (root, (entries, expanded)) in perRoot)
        {
            sb.Append(root).Append(": ").Append(entries).Append(" entries, ").Append(expanded).Append(" expanded\n");
        }
        sb.Append("total: ").Append(Lexicon.Patterns.Count).Append(" entries, ").Append(Lexicon.ExpandedCount).Append(" expanded");
        output.WriteLine(sb.ToString());
        Assert.Equal(20, perRoot.Count);
        Assert.True(Lexicon.ExpandedCount > 3000, $"only {Lexicon.ExpandedCount} word patterns");
    }

    [Fact]
    public void Every_example_codes_to_its_pattern_over_a_rule_built_parse()
    {
        var reader = new ExampleReader(Lexicon);
        var failures = new List<string>();
        var passed = 0;
        foreach (var p in Lexicon.Patterns)
        {
            if (p.Example is null)
            {
                continue;
            }
            var doc = reader.Read(p.Example);
            var events = Coder.Code(doc);
            if (Matches(events, p))
            {
                passed++;
            }
            else
            {
                failures.Add($"{p.Id} {p.Code} \"{p.Example}\" expected {p.ExampleSource ?? "-"} > {p.ExampleTarget ?? "-"}; got "
                    + Describe(events) + "\n    parse: " + Parse(doc));
            }
        }
        foreach (var f in failures)
        {
            output.WriteLine(f);
        }
        output.WriteLine($"{passed} passed, {failures.Count} failed");
        Assert.Empty(failures);
    }

    internal static bool Matches(List<CodedEvent> events, EventPattern p)
    {
        foreach (var e in events)
        {
            if (e.Code == p.Code && e.Source?.Text == p.ExampleSource && e.Target?.Text == p.ExampleTarget)
            {
                return true;
            }
        }
        return false;
    }

    internal static string Describe(List<CodedEvent> events)
    {
        if (events.Count == 0)
        {
            return "nothing";
        }
        var sb = new StringBuilder();
        foreach (var e in events)
        {
            sb.Append(e.Code).Append(' ').Append(e.Source?.Text ?? "-").Append(" > ").Append(e.Target?.Text ?? "-")
                .Append(" [").Append(e.Rule).Append("] ");
        }
        return sb.ToString();
    }

    internal static string Parse(Document doc)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < doc.Tokens.Length; i++)
        {
            var a = doc.Analyses[i];
            sb.Append(doc.TokenText(i)).Append('/').Append(a.Lemma).Append('/').Append(a.Upos).Append('/')
                .Append(a.Head).Append('/').Append(a.Relation).Append(' ');
        }
        return sb.ToString();
    }
}
