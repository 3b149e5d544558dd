using Parley.Events;
using Parley.Model;
using Parley.Processing;
using Xunit.Abstractions;

namespace Parley.Tests.Events;

/// <summary>
/// Who acts in infinitives hanging on nouns, the modes plan and threat nouns give, and one-sided
/// events that a full event of the same sentence already says: hand-built parses of the shapes the
/// tagger and parser produce, then sentences of their own through the standard pipeline.
/// </summary>
public sealed class ClauseSubjectAndModeTests(ITestOutputHelper output)
{
    private static EventCoder Coder => EventLexiconExampleTests.Coder;

    private static string Describe(List<CodedEvent> events) => EventLexiconExampleTests.Describe(events);

    [Fact]
    public void A_verb_tagged_as_a_noun_lends_its_subject_to_the_infinitive_it_governs()
    {
        // Rohan plans to attack Mordor . ("plans" tagged a noun, the infinitive an acl)
        var doc = ParsedDocs.Build(
            "Rohan|Rohan|PROPN|2|nsubj plans|plan|NOUN|0|root to|to|PART|4|mark attack|attack|VERB|2|acl Mordor|Mordor|PROPN|4|obj .|.|PUNCT|2|punct",
            ("ROH", [1]), ("MOR", [5]));
        var events = Coder.Code(doc);
        var e = Assert.Single(events, x => x.Code == "190");
        Assert.Equal("ROH", e.Source?.Code);
        Assert.Equal("MOR", e.Target?.Code);
        Assert.Equal(EventModes.Intended, e.Mode);
    }

    [Fact]
    public void The_complement_of_a_linking_verb_takes_the_linking_verbs_subject()
    {
        // Arnor became the first state to recognize Umbar .
        var doc = ParsedDocs.Build(
            "Arnor|Arnor|PROPN|2|nsubj became|become|VERB|0|root the|the|DET|5|det first|first|ADJ|5|amod state|state|NOUN|2|xcomp "
            + "to|to|PART|7|mark recognize|recognize|VERB|5|acl Umbar|Umbar|PROPN|7|obj .|.|PUNCT|2|punct",
            ("ARN", [1]), ("UMB", [8]));
        var events = Coder.Code(doc);
        Assert.Contains(events, x => x.Source?.Code == "ARN" && x.Target?.Code == "UMB" && x.Code.StartsWith("05", StringComparison.Ordinal));
    }

    [Fact]
    public void A_conjunct_without_a_subject_shares_the_nearest_earlier_conjuncts_subject()
    {
        // Rohan praised Gondor , Mordor has shelled Arnor , attacked Umbar . ("attacked" joined to the
        // first verb, as parsers do with a long list of clauses)
        var doc = ParsedDocs.Build(
            "Rohan|Rohan|PROPN|2|nsubj praised|praise|VERB|0|root Gondor|Gondor|PROPN|2|obj ,|,|PUNCT|7|punct "
            + "Mordor|Mordor|PROPN|7|nsubj has|have|AUX|7|aux shelled|shell|VERB|2|conj Arnor|Arnor|PROPN|7|obj ,|,|PUNCT|10|punct "
            + "attacked|attack|VERB|2|conj Umbar|Umbar|PROPN|10|obj .|.|PUNCT|2|punct",
            ("ROH", [1]), ("GON", [3]), ("MOR", [5]), ("ARN", [8]), ("UMB", [11]));
        var events = Coder.Code(doc);
        output.WriteLine(Describe(events));
        var attack = Assert.Single(events, x => x.Target?.Code == "UMB");
        Assert.Equal("MOR", attack.Source?.Code);
        Assert.Contains(events, x => x.Source?.Code == "ROH" && x.Target?.Code == "GON");
    }

    [Fact]
    public void A_verb_with_a_possessor_is_a_misread_noun_and_not_a_predicate()
    {
        // Eomer told Rohan 's Meet the Press . (a programme's name tagged as the verb "meet")
        var doc = ParsedDocs.Build(
            "Eomer|Eomer|PROPN|2|nsubj told|tell|VERB|0|root Rohan|Rohan|PROPN|5|nmod:poss 's|'s|PART|3|case "
            + "Meet|meet|VERB|2|iobj the|the|DET|7|det Press|press|NOUN|5|obj .|.|PUNCT|2|punct",
            ("GON", [1]), ("ROH", [3]), ("ROHMED", [5, 6, 7]));
        var events = Coder.Code(doc);
        output.WriteLine(Describe(events));
        Assert.DoesNotContain(events, x => x.Code.StartsWith("04", StringComparison.Ordinal));
    }

    [Theory]
    // Rohan praised Gondor as Mordor has shelled Arnor , attacked Umbar . ("attacked" hung on the first
    // verb instead of the clause it follows: Mordor attacked)
    [InlineData("Rohan|Rohan|PROPN|2|nsubj praised|praise|VERB|0|root Gondor|Gondor|PROPN|2|obj as|as|SCONJ|7|mark "
        + "Mordor|Mordor|PROPN|7|nsubj has|have|AUX|7|aux shelled|shell|VERB|2|advcl Arnor|Arnor|PROPN|7|obj ,|,|PUNCT|10|punct "
        + "attacked|attack|VERB|2|conj Umbar|Umbar|PROPN|10|obj .|.|PUNCT|2|punct", 8, 11, "MOR")]
    // Rohan praised Gondor as Mordor shelled Arnor , and attacked Umbar . (joined by "and": Rohan attacked)
    [InlineData("Rohan|Rohan|PROPN|2|nsubj praised|praise|VERB|0|root Gondor|Gondor|PROPN|2|obj as|as|SCONJ|6|mark "
        + "Mordor|Mordor|PROPN|6|nsubj shelled|shell|VERB|2|advcl Arnor|Arnor|PROPN|6|obj ,|,|PUNCT|10|punct "
        + "and|and|CCONJ|10|cc attacked|attack|VERB|2|conj Umbar|Umbar|PROPN|10|obj .|.|PUNCT|2|punct", 7, 11, "ROH")]
    public void A_conjunct_after_an_adverbial_clause_continues_it_only_when_joined_by_a_comma_alone(string parsed, int arnor, int umbar, string attacker)
    {
        var doc = ParsedDocs.Build(parsed, ("ROH", [1]), ("GON", [3]), ("MOR", [5]), ("ARN", [arnor]), ("UMB", [umbar]));
        var events = Coder.Code(doc);
        output.WriteLine(Describe(events));
        var attack = Assert.Single(events, x => x.Target?.Code == "UMB");
        Assert.Equal(attacker, attack.Source?.Code);
    }

    [Theory]
    // Rohan rejected plans to attack Mordor . (the infinitive hung on the verb: the plan is not Rohan's)
    [InlineData("Rohan|Rohan|PROPN|2|nsubj rejected|reject|VERB|0|root plans|plan|NOUN|2|obj to|to|PART|5|mark attack|attack|VERB|2|advcl Mordor|Mordor|PROPN|5|obj .|.|PUNCT|2|punct", null)]
    // Rohan announced plans to attack Mordor . (after a light verb the plan is the subject's)
    [InlineData("Rohan|Rohan|PROPN|2|nsubj announced|announce|VERB|0|root plans|plan|NOUN|2|obj to|to|PART|5|mark attack|attack|VERB|2|advcl Mordor|Mordor|PROPN|5|obj .|.|PUNCT|2|punct", "ROH")]
    public void An_infinitive_after_a_plan_noun_is_intended_and_belongs_to_the_plans_owner(string parse, string? source)
    {
        var doc = ParsedDocs.Build(parse, ("ROH", [1]), ("MOR", [6]));
        var events = Coder.Code(doc);
        var e = Assert.Single(events, x => x.Code == "190");
        Assert.Equal(source, e.Source?.Code);
        Assert.Equal("MOR", e.Target?.Code);
        Assert.Equal(EventModes.Intended, e.Mode);
    }

    [Fact]
    public void A_light_verbs_object_does_not_take_the_subject_from_an_infinitive()
    {
        // Rohan took steps to expel Mordor's envoys .
        var doc = ParsedDocs.Build(
            "Rohan|Rohan|PROPN|2|nsubj took|take|VERB|0|root steps|step|NOUN|2|obj to|to|PART|5|mark expel|expel|VERB|2|xcomp "
            + "Mordor|Mordor|PROPN|8|nmod:poss 's|'s|PART|6|case envoys|envoy|NOUN|5|obj .|.|PUNCT|2|punct",
            ("ROH", [1]), ("MOR", [6]));
        var events = Coder.Code(doc);
        Assert.Contains(events, x => x.Source?.Code == "ROH" && x.Target?.Code == "MOR" && x.Code.StartsWith("1", StringComparison.Ordinal));
    }

    [Theory]
    // Rohan warned of a threat to invade Mordor .
    [InlineData("Rohan|Rohan|PROPN|2|nsubj warned|warn|VERB|0|root of|of|ADP|5|case a|a|DET|5|det threat|threat|NOUN|2|obl to|to|PART|7|mark invade|invade|VERB|5|acl Mordor|Mordor|PROPN|7|obj .|.|PUNCT|2|punct", 8, EventModes.Hypothetical)]
    // Rohan drew up plans for an invasion of Mordor .
    [InlineData("Rohan|Rohan|PROPN|2|nsubj drew|draw|VERB|0|root up|up|ADP|2|compound:prt plans|plan|NOUN|2|obj for|for|ADP|7|case an|a|DET|7|det invasion|invasion|NOUN|4|nmod of|of|ADP|9|case Mordor|Mordor|PROPN|7|nmod .|.|PUNCT|2|punct", 9, EventModes.Intended)]
    public void Threat_and_plan_nouns_set_the_mode_of_the_event_they_govern(string parse, int target, string mode)
    {
        var doc = ParsedDocs.Build(parse, ("ROH", [1]), ("MOR", [target]));
        var events = Coder.Code(doc);
        var e = Assert.Single(events, x => x.Target?.Code == "MOR" && x.Code.StartsWith("19", StringComparison.Ordinal));
        Assert.Equal(mode, e.Mode);
    }

    [Fact]
    public void A_one_sided_event_is_dropped_when_a_full_event_of_the_same_code_says_it_and_ids_stay_consecutive()
    {
        // Rohan attacked Mordor after an assault on Mordor . // Harad attacked Umbar .
        var doc = ParsedDocs.Build(
            "Rohan|Rohan|PROPN|2|nsubj attacked|attack|VERB|0|root Mordor|Mordor|PROPN|2|obj after|after|ADP|6|case an|a|DET|6|det "
            + "assault|assault|NOUN|2|obl on|on|ADP|8|case Mordor|Mordor|PROPN|6|nmod .|.|PUNCT|2|punct"
            + " // Harad|Harad|PROPN|2|nsubj attacked|attack|VERB|0|root Umbar|Umbar|PROPN|2|obj .|.|PUNCT|2|punct",
            ("ROH", [1]), ("MOR", [3, 8]), ("HAR", [10]), ("UMB", [12]));
        var events = Coder.Code(doc);
        Assert.True(events.Count == 2, Describe(events));
        Assert.Equal(("ROH", "MOR", "e1"), (events[0].Source?.Code, events[0].Target?.Code, events[0].Id));
        Assert.Equal(("HAR", "UMB", "e2"), (events[1].Source?.Code, events[1].Target?.Code, events[1].Id));
        Assert.Empty(DocumentInvariants.Violations(doc));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Sentences_of_their_own_code_through_the_standard_pipeline()
    {
        var stages = StandardStages.Create(CameoOntologyTests.DataDirectory);
        if (stages.Missing.Count > 0)
        {
            output.WriteLine("models missing; skipped: " + string.Join(", ", stages.Missing));
            return;
        }
        var cases = new (string Text, string Source, string Target, string Root, string Mode)[]
        {
            ("The Kenyan foreign minister has requested to meet Ethiopian Prime Minister Abiy Ahmed in Nairobi.", "KEN", "ETH", "03", EventModes.Asserted),
            ("Indian Prime Minister Narendra Modi, who met with Chinese President Xi Jinping last week, criticized Pakistan.", "IND", "CHN", "04", EventModes.Asserted),
            ("Iran was condemned by the European Union over its nuclear programme.", "IGOEUR", "IRN", "11", EventModes.Asserted),
            ("Brazil did not meet Argentina at the summit.", "BRA", "ARG", "04", EventModes.Negated),
            ("France plans to impose sanctions on Mali.", "FRA", "MLI", "16", EventModes.Intended),
            ("Canada was quick in condemning China over the arrests.", "CAN", "CHN", "11", EventModes.Asserted),
            ("The talks between India and Pakistan resumed on Monday.", "IND", "PAK", "04", EventModes.Asserted),
            ("Vietnam made a request for the Chinese envoy to visit Hanoi.", "CHN", "VNM", "04", EventModes.Intended),
        };
        var failures = new List<string>();
        foreach (var (text, source, target, root, mode) in cases)
        {
            var doc = new Document("own", text);
            stages.Pipeline.Process(doc);
            var ok = doc.Events.Exists(e => e.Source?.Code?.StartsWith(source, StringComparison.Ordinal) == true
                && e.Target?.Code?.StartsWith(target, StringComparison.Ordinal) == true && e.Root == root && e.Mode == mode);
            if (!ok)
            {
                failures.Add($"{text} expected {source} > {target} {root}x {mode}; got {Describe(doc.Events)}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // Israel rejected plans to attack Lebanon: the attack is not Israel's, and not done.
        var rejected = new Document("own", "Israel rejected plans to attack Lebanon.");
        stages.Pipeline.Process(rejected);
        Assert.DoesNotContain(rejected.Events, e => e.Root == "19" && e.Source is not null);
        Assert.Contains(rejected.Events, e => e.Root == "19" && e.Target?.Code == "LBN" && e.Mode == EventModes.Intended);
    }
}
