using Parley.Events;
using Parley.Model;

namespace Parley.Tests.Events;

/// <summary>
/// Sides a verb's event takes from elsewhere than its own dependents: the party an object noun names,
/// the other member of a coordinated subject with a noun of a bond, the noun a participle describes.
/// </summary>
public sealed class ObjectPartyTests
{
    private static EventCoder Coder => EventLexiconExampleTests.Coder;

    private static string Describe(List<CodedEvent> events) => EventLexiconExampleTests.Describe(events);

    [Fact]
    public void Coordinated_subjects_deepening_a_partnership_act_on_each_other()
    {
        // Gondor and Rohan deepened a partnership .
        var doc = ParsedDocs.Build(
            "Gondor|Gondor|PROPN|4|nsubj and|and|CCONJ|3|cc Rohan|Rohan|PROPN|1|conj deepened|deepen|VERB|0|root "
            + "a|a|DET|6|det partnership|partnership|NOUN|4|obj .|.|PUNCT|4|punct",
            ("GON", [1]), ("ROH", [3]));
        var events = Coder.Code(doc);
        var pairs = events.Select(e => (e.Source?.Code, e.Target?.Code)).ToList();
        Assert.True(pairs.Contains(("GON", "ROH")) && pairs.Contains(("ROH", "GON")), Describe(events));
        Assert.DoesNotContain(events, e => e.Target is null);
    }

    [Fact]
    public void The_agent_of_a_condemned_allegation_is_the_target()
    {
        // Gondor condemned allegations by Rohan .
        var doc = ParsedDocs.Build(
            "Gondor|Gondor|PROPN|2|nsubj condemned|condemn|VERB|0|root allegations|allegation|NOUN|2|obj "
            + "by|by|ADP|5|case Rohan|Rohan|PROPN|3|nmod .|.|PUNCT|2|punct",
            ("GON", [1]), ("ROH", [5]));
        var events = Coder.Code(doc);
        Assert.Contains(events, e => e.Code == "111" && e.Source?.Code == "GON" && e.Target?.Code == "ROH");
        // Rohan's allegation is an event of its own, with Rohan as its source.
        Assert.True(!events.Exists(e => e.Source is null), Describe(events));
    }

    [Fact]
    public void Condemning_as_unacceptable_the_claims_of_a_party_targets_it()
    {
        // Gondor denounced as false claims by Rohan .
        var doc = ParsedDocs.Build(
            "Gondor|Gondor|PROPN|2|nsubj denounced|denounce|VERB|0|root as|as|ADP|5|case false|false|ADJ|5|amod "
            + "claims|claim|NOUN|2|obl by|by|ADP|7|case Rohan|Rohan|PROPN|5|nmod .|.|PUNCT|2|punct",
            ("GON", [1]), ("ROH", [7]));
        var events = Coder.Code(doc);
        Assert.True(events.Exists(e => e.Code.StartsWith("11", StringComparison.Ordinal) && e.Source?.Code == "GON" && e.Target?.Code == "ROH"), Describe(events));
    }

    [Fact]
    public void An_agreement_with_a_party_makes_it_the_target_and_codes_no_event_without_a_source()
    {
        // Arnor lawmakers endorsed a trade agreement with Rohan .
        var doc = ParsedDocs.Build(
            "Arnor|Arnor|PROPN|2|compound lawmakers|lawmaker|NOUN|3|nsubj endorsed|endorse|VERB|0|root|VBD a|a|DET|6|det "
            + "trade|trade|NOUN|6|compound agreement|agreement|NOUN|3|obj with|with|ADP|8|case Rohan|Rohan|PROPN|6|nmod .|.|PUNCT|3|punct",
            ("ARNLEG", [1, 2]), ("ROH", [8]));
        var events = Coder.Code(doc);
        Assert.Contains(events, e => e.Code == "051" && e.Source?.Code == "ARNLEG" && e.Target?.Code == "ROH");
        Assert.DoesNotContain(events, e => e.Source is null);
    }

    [Theory]
    [InlineData("VBN")]
    [InlineData("VBD")]
    public void A_participle_describing_a_noun_takes_no_subject_from_the_main_clause(string tag)
    {
        // Rohan said Gondor officials accused of treason fled .
        var doc = ParsedDocs.Build(
            "Rohan|Rohan|PROPN|2|nsubj said|say|VERB|0|root|VBD Gondor|Gondor|PROPN|4|compound officials|official|NOUN|7|nsubj "
            + $"accused|accuse|VERB|2|parataxis|{tag} of|of|ADP|7|case treason|treason|NOUN|5|obl fled|flee|VERB|2|ccomp|VBD .|.|PUNCT|2|punct",
            ("ROH", [1]), ("GONGOV", [3, 4]));
        var events = Coder.Code(doc);
        Assert.DoesNotContain(events, e => e.Source?.Code == "ROH" && e.Code.StartsWith("11", StringComparison.Ordinal));
    }

    [Fact]
    public void A_release_codes_release_and_a_detention_years_ago_codes_nothing()
    {
        // Harad freed the governor , detained a year ago .
        var doc = ParsedDocs.Build(
            "Harad|Harad|PROPN|2|nsubj freed|free|VERB|0|root|VBD the|the|DET|4|det governor|governor|NOUN|2|obj ,|,|PUNCT|6|punct "
            + "detained|detain|VERB|2|conj|VBN a|a|DET|8|det year|year|NOUN|9|obl:unmarked ago|ago|ADV|6|advmod .|.|PUNCT|2|punct",
            ("HAR", [1]));
        var events = Coder.Code(doc);
        Assert.Contains(events, e => e.Code == "0841" && e.Source?.Code == "HAR");
        Assert.DoesNotContain(events, e => e.Code == "173");
    }

    [Fact]
    public void A_past_verb_the_parser_took_for_a_noun_still_codes_with_its_possessor_as_source()
    {
        // Gondor 's defence adviser met with Rohan envoys .
        var doc = ParsedDocs.Build(
            "Gondor|Gondor|PROPN|5|nmod:poss 's|'s|PART|1|case defence|defence|NOUN|4|compound adviser|adviser|NOUN|5|compound "
            + "met|met|NOUN|0|root|NN with|with|ADP|8|case Rohan|Rohan|PROPN|8|compound envoys|envoy|NOUN|5|nmod .|.|PUNCT|5|punct",
            ("GON", [1]), ("ROHGOV", [7, 8]));
        var events = Coder.Code(doc);
        Assert.True(events.Exists(e => e.Code.StartsWith("04", StringComparison.Ordinal) && e.Source?.Code == "GON" && e.Target?.Code == "ROHGOV"), Describe(events));
    }

    [Fact]
    public void A_visit_during_which_someone_acts_is_their_visit()
    {
        // Gondor envoys signed a memorandum during a visit to Rohan .
        var doc = ParsedDocs.Build(
            "Gondor|Gondor|PROPN|2|compound envoys|envoy|NOUN|3|nsubj signed|sign|VERB|0|root|VBD a|a|DET|5|det memorandum|memorandum|NOUN|3|obj "
            + "during|during|ADP|8|case a|a|DET|8|det visit|visit|NOUN|3|obl to|to|ADP|10|case Rohan|Rohan|PROPN|8|nmod .|.|PUNCT|3|punct",
            ("GONGOV", [1, 2]), ("ROH", [10]));
        var events = Coder.Code(doc);
        Assert.True(events.Exists(e => e.Code == "042" && e.Source?.Code == "GONGOV" && e.Target?.Code == "ROH"), Describe(events));
    }

    [Fact]
    public void An_attack_after_which_someone_acts_is_not_theirs()
    {
        // Gondor police arrested suspects after an attack on Rohan .
        var doc = ParsedDocs.Build(
            "Gondor|Gondor|PROPN|2|compound police|police|NOUN|3|nsubj arrested|arrest|VERB|0|root|VBD suspects|suspect|NOUN|3|obj "
            + "after|after|ADP|7|case an|a|DET|7|det attack|attack|NOUN|3|obl on|on|ADP|9|case Rohan|Rohan|PROPN|7|nmod .|.|PUNCT|3|punct",
            ("GONCOP", [1, 2]), ("ROH", [9]));
        var events = Coder.Code(doc);
        Assert.DoesNotContain(events, e => e.Code.StartsWith("19", StringComparison.Ordinal) && e.Source?.Code == "GONCOP");
    }
}
