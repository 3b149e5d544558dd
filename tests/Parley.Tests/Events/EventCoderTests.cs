using Parley.Events;
using Parley.Model;
using Parley.Processing;

namespace Parley.Tests.Events;

public sealed class EventCoderTests
{
    private static EventCoder Coder => EventLexiconExampleTests.Coder;

    private static string Describe(List<CodedEvent> events) => EventLexiconExampleTests.Describe(events);

    private static CodedEvent Single(List<CodedEvent> events, string code)
    {
        var found = events.FindAll(e => e.Code == code);
        Assert.True(found.Count == 1, $"expected one {code}, got {Describe(events)}");
        return found[0];
    }

    [Fact]
    public void Request_to_meet_codes_intent_to_meet_once_with_the_complement_as_part_of_the_trigger()
    {
        // Elrond has requested to meet Gondorian Steward Denethor Ecthelion in Osgiliath .
        var doc = ParsedDocs.Build(
            "Elrond|Elrond|PROPN|3|nsubj has|have|AUX|3|aux requested|request|VERB|0|root to|to|PART|5|mark " +
            "meet|meet|VERB|3|xcomp Gondorian|Gondorian|ADJ|9|amod Steward|steward|PROPN|9|compound Denethor|Denethor|PROPN|9|compound " +
            "Ecthelion|Ecthelion|PROPN|5|obj in|in|ADP|11|case Osgiliath|Osgiliath|PROPN|5|obl .|.|PUNCT|3|punct",
            ("IGOELF", [1]), ("GONGOV", [6, 7, 8, 9]));
        var events = Coder.Code(doc);
        var e = Single(events, "036");
        Assert.Equal("IGOELF", e.Source!.Code);
        Assert.Equal("GONGOV", e.Target!.Code);
        Assert.Equal("Gondorian Steward Denethor Ecthelion", e.Target.Text);
        Assert.Equal("requested to meet", e.Trigger.Text);
        Assert.Equal(EventModes.Asserted, e.Mode);
        Assert.Equal("AGREE", e.Plover!.Type);
        Assert.Equal(1, e.Quad);
        Assert.DoesNotContain(events, x => x.Code.StartsWith("04", StringComparison.Ordinal));
    }

    [Fact]
    public void Passive_voice_takes_the_by_agent_as_source_and_the_subject_as_target()
    {
        // Mordor has been condemned by other member states .
        var doc = ParsedDocs.Build(
            "Mordor|Mordor|PROPN|4|nsubj:pass has|have|AUX|4|aux been|be|AUX|4|aux:pass condemned|condemn|VERB|0|root|VBN " +
            "by|by|ADP|8|case other|other|ADJ|8|amod member|member|NOUN|8|compound states|state|NOUN|4|obl:agent .|.|PUNCT|4|punct",
            ("MOR", [1]), ("IGO", [7, 8]));
        var e = Single(Coder.Code(doc), "111");
        Assert.Equal("IGO", e.Source!.Code);
        Assert.Equal("MOR", e.Target!.Code);
    }

    [Fact]
    public void Coordination_on_both_sides_gives_one_event_per_pair()
    {
        // Gondor and Arnor condemned Mordor and Harad .
        var doc = ParsedDocs.Build(
            "Gondor|Gondor|PROPN|4|nsubj and|and|CCONJ|3|cc Arnor|Arnor|PROPN|1|conj condemned|condemn|VERB|0|root " +
            "Mordor|Mordor|PROPN|4|obj and|and|CCONJ|7|cc Harad|Harad|PROPN|5|conj .|.|PUNCT|4|punct",
            ("GON", [1]), ("ARN", [3]), ("MOR", [5]), ("HAR", [7]));
        var events = Coder.Code(doc).FindAll(e => e.Code == "111");
        Assert.Equal(4, events.Count);
        Assert.Contains(events, e => e.Source!.Code == "ARN" && e.Target!.Code == "HAR");
    }

    [Theory]
    [InlineData("Gondor|Gondor|PROPN|4|nsubj did|do|AUX|4|aux not|not|PART|4|advmod attack|attack|VERB|0|root Mordor|Mordor|PROPN|4|obj", "negated")]
    [InlineData("Gondor|Gondor|PROPN|2|nsubj plans|plan|VERB|0|root to|to|PART|4|mark attack|attack|VERB|2|xcomp Mordor|Mordor|PROPN|4|obj", "intended")]
    [InlineData("Gondor|Gondor|PROPN|3|nsubj would|would|AUX|3|aux attack|attack|VERB|0|root Mordor|Mordor|PROPN|3|obj", "hypothetical")]
    [InlineData("Gondor|Gondor|PROPN|2|nsubj threatened|threaten|VERB|0|root to|to|PART|4|mark invade|invade|VERB|2|xcomp Mordor|Mordor|PROPN|4|obj", "asserted")]
    [InlineData("Gondor|Gondor|PROPN|2|nsubj attacked|attack|VERB|0|root Mordor|Mordor|PROPN|2|obj", "asserted")]
    public void Mode_follows_negation_intent_condition_and_report(string parse, string mode)
    {
        var doc = ParsedDocs.Build(parse, ("GON", [1]), ("MOR", [doc_last(parse)]));
        var events = Coder.Code(doc);
        Assert.NotEmpty(events);
        Assert.Equal(mode, events[0].Mode);
        Assert.Equal("GON", events[0].Source!.Code);
        Assert.Equal("MOR", events[0].Target!.Code);
    }

    private static int doc_last(string parse) => parse.Split(' ').Length;

    [Fact]
    public void Events_in_reported_speech_are_reported()
    {
        // Arnor said Gondor attacked Mordor .
        var doc = ParsedDocs.Build(
            "Arnor|Arnor|PROPN|2|nsubj said|say|VERB|0|root Gondor|Gondor|PROPN|4|nsubj attacked|attack|VERB|2|ccomp Mordor|Mordor|PROPN|4|obj",
            ("ARN", [1]), ("GON", [3]), ("MOR", [5]));
        var e = Single(Coder.Code(doc), "190");
        Assert.Equal(EventModes.Reported, e.Mode);
        Assert.Equal("GON", e.Source!.Code);
    }

    [Fact]
    public void A_nominal_event_under_a_light_verb_takes_the_verbs_subject_and_a_possessor_for_the_target()
    {
        // the Russian leader has directed an intensive , renewed assault on Ukraine 's eastern territory .
        var doc = ParsedDocs.Build(
            "the|the|DET|3|det Russian|Russian|ADJ|3|amod leader|leader|NOUN|5|nsubj has|have|AUX|5|aux directed|direct|VERB|0|root " +
            "an|a|DET|10|det intensive|intensive|ADJ|10|amod ,|,|PUNCT|9|punct renewed|renew|VERB|10|amod assault|assault|NOUN|5|obj " +
            "on|on|ADP|15|case Ukraine|Ukraine|PROPN|15|nmod:poss 's|'s|PART|12|case eastern|eastern|ADJ|15|amod territory|territory|NOUN|10|nmod",
            ("RUSGOV", [1, 2, 3]), ("UKR", [12]));
        var e = Single(Coder.Code(doc), "190");
        Assert.Equal("RUSGOV", e.Source!.Code);
        Assert.Equal("UKR", e.Target!.Code);
        Assert.Equal("directed an intensive , renewed assault", e.Trigger.Text);
    }

    [Fact]
    public void An_adjective_read_as_a_lone_noun_before_a_comma_does_not_cut_the_nominal_event_from_its_light_verb()
    {
        // the Russian leader has directed an intensive , renewed assault on Ukraine and forces warn .
        // ("intensive" tagged a noun and taken as the object; "assault" hung as the subject of "warn")
        var doc = ParsedDocs.Build(
            "the|the|DET|3|det Russian|Russian|ADJ|3|amod leader|leader|NOUN|5|nsubj has|have|AUX|5|aux directed|direct|VERB|0|root " +
            "an|a|DET|7|det intensive|intensive|NOUN|5|obj ,|,|PUNCT|10|punct renewed|renew|VERB|10|amod assault|assault|NOUN|16|nsubj " +
            "on|on|ADP|12|case Ukraine|Ukraine|PROPN|10|nmod and|and|CCONJ|14|cc forces|force|NOUN|12|conj .|.|PUNCT|5|punct warn|warn|VERB|5|conj",
            ("RUSGOV", [1, 2, 3]), ("UKR", [12]));
        var e = Single(Coder.Code(doc), "190");
        Assert.Equal("RUSGOV", e.Source!.Code);
        Assert.Equal("UKR", e.Target!.Code);
        // A noun with words of its own before the comma is a phrase of its own, and cuts the scan.
        var own = ParsedDocs.Build(
            "the|the|DET|3|det Russian|Russian|ADJ|3|amod leader|leader|NOUN|5|nsubj has|have|AUX|5|aux directed|direct|VERB|0|root " +
            "an|a|DET|8|det army|army|NOUN|8|compound unit|unit|NOUN|5|obj ,|,|PUNCT|11|punct renewed|renew|VERB|11|amod assault|assault|NOUN|17|nsubj " +
            "on|on|ADP|13|case Ukraine|Ukraine|PROPN|11|nmod and|and|CCONJ|15|cc forces|force|NOUN|13|conj .|.|PUNCT|5|punct warn|warn|VERB|5|conj",
            ("RUSGOV", [1, 2, 3]), ("UKR", [13]));
        Assert.DoesNotContain(Coder.Code(own), x => x.Code == "190" && x.Source?.Code == "RUSGOV");
    }

    [Fact]
    public void A_for_phrase_hung_beside_the_infinitive_on_the_same_noun_names_who_is_to_act()
    {
        // Vietnam made a request for the Chinese envoy to visit Hanoi . ("envoy" and "visit" both hung on "request")
        var doc = ParsedDocs.Build(
            "Vietnam|Vietnam|PROPN|2|nsubj made|make|VERB|0|root a|a|DET|4|det request|request|NOUN|2|obj for|for|ADP|8|case the|the|DET|8|det " +
            "Chinese|Chinese|ADJ|8|amod envoy|envoy|NOUN|4|nmod to|to|PART|10|mark visit|visit|VERB|4|acl Hanoi|Hanoi|PROPN|10|obj .|.|PUNCT|2|punct",
            ("VNM", [1]), ("CHNGOV", [7, 8]), ("VNMGOV", [11]));
        var events = Coder.Code(doc);
        Assert.Contains(events, e => e.Root == "04" && e.Source?.Code == "CHNGOV" && e.Target?.Code == "VNMGOV" && e.Mode == EventModes.Intended);
        Assert.DoesNotContain(events, e => e.Root == "04" && e.Source?.Code == "VNM");
    }

    [Fact]
    public void A_possessive_nominal_event_takes_the_possessor_as_source()
    {
        // Gondor 's invasion of Mordor continued .
        var doc = ParsedDocs.Build(
            "Gondor|Gondor|PROPN|3|nmod:poss 's|'s|PART|1|case invasion|invasion|NOUN|6|nsubj of|of|ADP|5|case Mordor|Mordor|PROPN|3|nmod continued|continue|VERB|0|root",
            ("GON", [1]), ("MOR", [5]));
        var e = Single(Coder.Code(doc), "192");
        Assert.Equal("GON", e.Source!.Code);
        Assert.Equal("MOR", e.Target!.Code);
    }

    [Fact]
    public void A_relative_clause_takes_the_noun_it_modifies_as_subject()
    {
        // Gondor , which attacked Mordor , protested .
        var doc = ParsedDocs.Build(
            "Gondor|Gondor|PROPN|7|nsubj ,|,|PUNCT|4|punct which|which|PRON|4|nsubj attacked|attack|VERB|1|acl:relcl Mordor|Mordor|PROPN|4|obj ,|,|PUNCT|4|punct protested|protest|VERB|0|root",
            ("GON", [1]), ("MOR", [5]));
        var e = Single(Coder.Code(doc), "190");
        Assert.Equal("GON", e.Source!.Code);
        Assert.Equal("MOR", e.Target!.Code);
    }

    [Fact]
    public void Nothing_is_coded_from_removed_text_and_require_dyad_drops_one_sided_events()
    {
        var parse = "Gondor|Gondor|PROPN|2|nsubj protested|protest|VERB|0|root";
        var doc = ParsedDocs.Build(parse, ("GON", [1]));
        Assert.Single(Coder.Code(doc));
        var dyadic = new EventCoder(Coder.Lexicon, Coder.Ontology, new EventCoderOptions { RequireDyad = true });
        Assert.Empty(dyadic.Code(doc));
        var removed = ParsedDocs.Build(parse, ("GON", [1]));
        removed.Removed.Add(new RemovedSpan(0, removed.Text.Length, "boilerplate"));
        Assert.Empty(Coder.Code(removed));
    }

    [Fact]
    public void No_event_without_an_actor_and_one_event_per_source_target_code_in_a_sentence()
    {
        var doc = ParsedDocs.Build(
            "officials|official|NOUN|2|nsubj condemned|condemn|VERB|0|root violence|violence|NOUN|2|obj // " +
            "Gondor|Gondor|PROPN|2|nsubj condemned|condemn|VERB|0|root Mordor|Mordor|PROPN|2|obj and|and|CCONJ|5|cc denounced|denounce|VERB|2|conj Mordor|Mordor|PROPN|5|obj",
            ("GON", [4]), ("MOR", [6, 9]));
        var events = Coder.Code(doc);
        Assert.Single(events);
        Assert.Equal(1, events[0].Sentence);
    }

    [Fact]
    public void The_stage_declares_its_layers_adds_events_and_keeps_the_document_consistent()
    {
        var stage = new VerbPatternCoder(Coder);
        Assert.Equal("events.patterns.v1", stage.Name);
        Assert.Equal(Layers.Tokens | Layers.Sentences | Layers.Tags | Layers.Dependencies | Layers.Actors, stage.Requires);
        Assert.Equal(Layers.Events, stage.Provides);
        var doc = ParsedDocs.Build("Gondor|Gondor|PROPN|2|nsubj attacked|attack|VERB|0|root Mordor|Mordor|PROPN|2|obj", ("GON", [1]), ("MOR", [3]));
        stage.Process(doc, new StageContext(doc, stage.Name));
        Assert.True((doc.Layers & Layers.Events) != 0);
        var e = Assert.Single(doc.Events);
        Assert.Equal("e1", e.Id);
        Assert.Equal(-10.0, e.Goldstein);
        Assert.Equal("Use conventional military force, not specified below", e.Name);
        Assert.Equal("19", e.Root);
        Assert.Empty(DocumentInvariants.Violations(doc));
    }

    [Fact]
    public void The_subject_of_a_copular_noun_meets_and_a_with_phrase_under_the_object_is_the_target()
    {
        // Arnor was the first envoy to meet face-to-face with Rohan .  ("with Rohan" hung on "face-to-face")
        var doc = ParsedDocs.Build(
            "Arnor|Arnor|PROPN|5|nsubj was|be|AUX|5|cop the|the|DET|5|det first|first|ADJ|5|amod envoy|envoy|NOUN|0|root " +
            "to|to|PART|7|mark meet|meet|VERB|5|advcl face-to-face|face-to-face|NOUN|7|obl with|with|ADP|10|case " +
            "Rohan|Rohan|PROPN|8|nmod .|.|PUNCT|5|punct",
            ("ARN", [1]), ("ROH", [10]));
        var e = Single(Coder.Code(doc), "040");
        Assert.Equal(("ARN", "ROH"), (e.Source!.Code, e.Target!.Code));
    }

    [Fact]
    public void An_actor_right_after_the_trigger_is_the_object_the_parse_lost()
    {
        // Elrond asked to meet Steward Denethor soon .  (the parser made "Denethor" the subject of "soon")
        var doc = ParsedDocs.Build(
            "Elrond|Elrond|PROPN|2|nsubj asked|ask|VERB|0|root to|to|PART|4|mark meet|meet|VERB|2|xcomp " +
            "Steward|steward|PROPN|6|compound Denethor|Denethor|PROPN|7|nsubj soon|soon|ADV|2|advmod .|.|PUNCT|2|punct",
            ("IGOELF", [1]), ("GONGOV", [6]));
        var e = Single(Coder.Code(doc), "036");
        Assert.Equal(("IGOELF", "GONGOV"), (e.Source!.Code, e.Target!.Code));
        var trace = new EventCodingTrace();
        Coder.Code(doc, 1, trace);
        Assert.Contains(trace.Notes, n => n.Message.Contains("right after the trigger", StringComparison.Ordinal));
    }

    [Fact]
    public void A_to_infinitive_takes_no_subject_of_its_own_from_the_parser()
    {
        // Gondor plans to discuss trade to end Harad's blockade .  ("Harad" wrongly the nsubj of "end")
        var doc = ParsedDocs.Build(
            "Gondor|Gondor|PROPN|2|nsubj plans|plan|VERB|0|root to|to|PART|4|mark discuss|discuss|VERB|2|xcomp " +
            "trade|trade|NOUN|4|obj to|to|PART|7|mark end|end|VERB|4|advcl Harad|Harad|PROPN|7|nsubj 's|'s|PART|8|case " +
            "blockade|blockade|NOUN|7|obj .|.|PUNCT|2|punct",
            ("GON", [1]), ("HAR", [8]));
        var events = Coder.Code(doc);
        Assert.DoesNotContain(events, e => e.Source?.Code == "HAR");
    }

    [Fact]
    public void Describing_someone_as_isolated_codes_no_event()
    {
        // Rohan described Mordor as isolated .
        var doc = ParsedDocs.Build(
            "Rohan|Rohan|PROPN|2|nsubj described|describe|VERB|0|root Mordor|Mordor|PROPN|2|obj as|as|ADV|5|advmod " +
            "isolated|isolate|VERB|2|xcomp|VBN .|.|PUNCT|2|punct",
            ("ROH", [1]), ("MOR", [3]));
        Assert.DoesNotContain(Coder.Code(doc), e => e.Code.StartsWith("16", StringComparison.Ordinal));
    }

    [Fact]
    public void A_request_for_someone_to_visit_is_intended()
    {
        // A request was made for the envoy to visit Rohan .
        var doc = ParsedDocs.Build(
            "A|a|DET|2|det request|request|NOUN|4|nsubj:pass was|be|AUX|4|aux:pass made|make|VERB|0|root|VBN " +
            "for|for|ADP|7|case the|the|DET|7|det envoy|envoy|NOUN|4|obl to|to|PART|9|mark visit|visit|VERB|7|acl " +
            "Rohan|Rohan|PROPN|9|obj .|.|PUNCT|4|punct",
            ("IGOELF", [7]), ("ROH", [10]));
        var e = Single(Coder.Code(doc), "042");
        Assert.Equal(EventModes.Intended, e.Mode);
    }

    [Fact]
    public void Coordinated_subjects_of_a_reciprocal_verb_meet_each_other()
    {
        // Gondor and Rohan met yesterday .
        var doc = ParsedDocs.Build(
            "Gondor|Gondor|PROPN|4|nsubj and|and|CCONJ|3|cc Rohan|Rohan|PROPN|1|conj met|meet|VERB|0|root yesterday|yesterday|NOUN|4|obl:unmarked .|.|PUNCT|4|punct",
            ("GON", [1]), ("ROH", [3]));
        var trace = new EventCodingTrace();
        var events = Coder.Code(doc, 1, trace);
        Assert.True(events.TrueForAll(e => e.Target is not null), string.Join(" | ", trace.Notes.Select(n => n.Message)) + " || " + Describe(events));
        var pairs = events.Where(e => e.Code == "040").Select(e => (e.Source!.Code, e.Target!.Code)).ToList();
        Assert.Equal([("GON", "ROH"), ("ROH", "GON")], pairs);
    }
}
