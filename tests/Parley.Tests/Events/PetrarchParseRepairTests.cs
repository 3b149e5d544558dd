using Parley.Actors;
using Parley.Events;

namespace Parley.Tests.Events;

/// <summary>
/// Parse errors the PETRARCH-style coder reads through: hand-built parses of the shapes the tagger
/// and parser produce on news sentences, coded with small dictionaries written here.
/// </summary>
public sealed class PetrarchParseRepairTests
{
    private static EventCoder Coder(string verbs) =>
        new(PetrarchVerbReader.Parse(verbs, "test.verbs", CameoOntologyTests.Ontology, out _),
            CameoOntologyTests.Ontology, new EventCoderOptions { TargetFromVerbPhrase = true });

    private static List<string> Coded(EventCoder coder, string conll, params (string, int[])[] actors) =>
        coder.Code(ParsedDocs.Build(conll, actors)).Select(e => $"{e.Source?.Code ?? "-"} {e.Target?.Code ?? "-"} {e.Code}").ToList();

    [Fact]
    public void A_news_agency_whose_name_was_read_as_the_subject_of_its_own_relative_clause_is_the_speaker()
    {
        var coder = Coder("""
            --- SAY  [010] ---
            SAY
            """);
        // Harad signed the pact , the state news agency HNA said on Monday . ("HNA" parsed as the subject of "said", a relative clause on "agency")
        const string parse = "Harad|Harad|PROPN|2|nsubj signed|sign|VERB|0|root the|the|DET|4|det pact|pact|NOUN|2|obj ,|,|PUNCT|9|punct"
            + " the|the|DET|9|det state|state|NOUN|9|compound news|news|NOUN|9|compound agency|agency|NOUN|4|appos HNA|HNA|PROPN|11|nsubj"
            + " said|say|VERB|9|acl:relcl on|on|ADP|13|case Monday|Monday|PROPN|11|obl .|.|PUNCT|2|punct";
        Assert.Equal(["GOV - 010"], Coded(coder, parse, ("HAR", [1]), ("GOV", [6, 7, 8, 9])));
        // A name that is someone itself speaks for itself.
        Assert.Equal(["HAR - 010"], Coded(coder, parse, ("HAR", [1, 10]), ("GOV", [6, 7, 8, 9])));
    }

    [Fact]
    public void A_noun_hung_as_a_modifier_on_punctuation_heads_a_phrase_of_its_own()
    {
        var builder = new ActorLexiconBuilder();
        PetrarchDictionaryReader.ReadActors(new StringReader("HARAD  [HAR]"), "test.actors", builder);
        PetrarchDictionaryReader.ReadAgents(new StringReader("OFFICIAL  [~GOV]"), "test.agents", builder);
        var actors = new ActorPhraseCoder(builder.Build());
        // Harad signed , the official agency said . ("agency" an amod of the full stop)
        var doc = ParsedDocs.Build("Harad|Harad|PROPN|2|nsubj signed|sign|VERB|0|root ,|,|PUNCT|6|punct the|the|DET|6|det official|official|ADJ|6|amod"
            + " agency|agency|NOUN|8|amod said|say|VERB|2|parataxis .|.|PUNCT|2|punct");
        NounPhraseActors.Add(doc, actors, null);
        Assert.Equal(["HAR: Harad", "GOV: the official agency"], doc.Actors.Select(a => $"{a.Code}: {string.Join(" | ", a.Mentions.Select(m => m.Text))}"));
    }
    [Theory]
    // Rohan launched an offensive against besieged Harad . ("against besieged" read as a clause)
    [InlineData("Rohan|Rohan|PROPN|2|nsubj launched|launch|VERB|0|root an|a|DET|4|det offensive|offensive|NOUN|2|obj against|against|ADP|6|case"
        + " besieged|besiege|VERB|2|advcl|VBN Harad|Harad|PROPN|6|obj .|.|PUNCT|2|punct", "ROH HAR 190")]
    // Rohan postponed his annual deer hunting trip in Harad . ("hunting" read as a clause after the object)
    [InlineData("Rohan|Rohan|PROPN|2|nsubj postponed|postpone|VERB|0|root his|his|PRON|5|nmod:poss annual|annual|ADJ|5|amod deer|deer|NOUN|2|obj"
        + " hunting|hunt|VERB|2|advcl|VBG trip|trip|NOUN|6|obj in|in|ADP|9|case Harad|Harad|PROPN|6|obl .|.|PUNCT|2|punct", "ROH HAR 190")]
    // Rohan postponed the raid while visiting Harad . (a clause with its own marker is no part of the verb's phrase)
    [InlineData("Rohan|Rohan|PROPN|2|nsubj postponed|postpone|VERB|0|root the|the|DET|4|det raid|raid|NOUN|2|obj while|while|SCONJ|6|mark"
        + " visiting|visit|VERB|2|advcl|VBG Harad|Harad|PROPN|6|obj .|.|PUNCT|2|punct", "ROH - 190")]
    public void A_phrase_the_parser_read_as_an_adverbial_clause_still_gives_the_target(string parse, string expected)
    {
        var coder = Coder("""
            --- LAUNCH  [190] ---
            LAUNCH
            POSTPONE
            """);
        Assert.Equal([expected], Coded(coder, parse, ("ROH", [1]), ("HAR", [parse.Split(' ').Length - 1])));
    }

    [Fact]
    public void A_clause_opened_by_that_is_a_complement_even_when_the_parser_hung_it_as_parataxis()
    {
        var coder = Coder("""
            --- EXPRESS  [020] ---
            EXPRESS
            - * HOPES  [024]
            """);
        // Rohan expressed hopes that Harad could be drawn in . (the that-clause read as parataxis, then as the complement it is)
        const string tail = " could|could|AUX|8|aux be|be|AUX|8|aux:pass drawn|draw|VERB|2|{0} in|in|ADP|8|compound:prt .|.|PUNCT|2|punct";
        const string head = "Rohan|Rohan|PROPN|2|nsubj expressed|express|VERB|0|root hopes|hope|NOUN|2|obj that|that|SCONJ|8|mark Harad|Harad|PROPN|8|nsubj:pass";
        var complement = Coded(coder, head + string.Format(System.Globalization.CultureInfo.InvariantCulture, tail, "ccomp"), ("ROH", [1]), ("HAR", [5]));
        Assert.Equal(["ROH HAR 024"], complement);
        Assert.Equal(complement, Coded(coder, head + string.Format(System.Globalization.CultureInfo.InvariantCulture, tail, "parataxis"), ("ROH", [1]), ("HAR", [5])));
        // Without the subordinator a parataxis clause stays apart: the event has no target from it.
        var apart = head.Replace("that|that|SCONJ|8|mark", "then|then|ADV|8|advmod", StringComparison.Ordinal);
        Assert.Equal(["ROH - 024"], Coded(coder, apart + string.Format(System.Globalization.CultureInfo.InvariantCulture, tail, "parataxis"), ("ROH", [1]), ("HAR", [5])));
    }

    [Fact]
    public void An_indirect_object_with_no_direct_object_beside_it_is_read_as_the_object()
    {
        var coder = Coder("""
            --- WARN  [160] ---
            WARN
            - * THEIR ^ ABOUT +  [162]
            """);
        // Rohan warned their people about Harad . ("people" read as an indirect object with "about Harad" under it)
        const string parse = "Rohan|Rohan|PROPN|2|nsubj warned|warn|VERB|0|root their|their|PRON|4|nmod:poss people|people|NOUN|2|{0}"
            + " about|about|ADP|6|case Harad|Harad|PROPN|4|nmod .|.|PUNCT|2|punct";
        var asObject = Coded(coder, string.Format(System.Globalization.CultureInfo.InvariantCulture, parse, "obj"), ("ROH", [1]), ("HAR", [6]));
        Assert.Equal(["ROH HAR 162"], asObject);
        Assert.Equal(asObject, Coded(coder, string.Format(System.Globalization.CultureInfo.InvariantCulture, parse, "iobj"), ("ROH", [1]), ("HAR", [6])));
    }

    [Fact]
    public void A_target_named_before_the_verb_may_be_the_subject_an_infinitive_shares()
    {
        var coder = Coder("""
            --- YIELD  [080] ---
            YIELD
            - + * TO $  [083]
            """);
        // Harad was urged to yield to Rohan . (the pattern puts the target before the verb; "yield" has no subject of its own)
        Assert.Equal(["ROH HAR 083"], Coded(coder, "Harad|Harad|PROPN|3|nsubj:pass was|be|AUX|3|aux:pass urged|urge|VERB|0|root|VBN to|to|PART|5|mark"
            + " yield|yield|VERB|3|xcomp to|to|ADP|7|case Rohan|Rohan|PROPN|5|obl .|.|PUNCT|3|punct", ("HAR", [1]), ("ROH", [7])));
    }
    [Theory]
    // Rohan met Harad two years after Umbar attacked Harad . (a past event recalled: background)
    [InlineData("years", "ROH HAR 040")]
    // Rohan met Harad two days after Umbar attacked Harad . (days: still the news)
    [InlineData("days", "ROH HAR 040; UMB HAR 190")]
    public void A_clause_dated_years_before_the_news_is_not_coded(string unit, string expected)
    {
        var coder = Coder("""
            --- MEET  [040] ---
            MEET

            --- ATTACK  [190] ---
            ATTACK
            """);
        var parse = "Rohan|Rohan|PROPN|2|nsubj met|meet|VERB|0|root Harad|Harad|PROPN|2|obj two|two|NUM|5|nummod "
            + $"{unit}|{unit.TrimEnd('s')}|NOUN|8|nmod:unmarked after|after|SCONJ|8|mark Umbar|Umbar|PROPN|8|nsubj attacked|attack|VERB|2|advcl"
            + " Harad|Harad|PROPN|8|obj .|.|PUNCT|2|punct";
        Assert.Equal(expected, string.Join("; ", Coded(coder, parse, ("ROH", [1]), ("HAR", [3, 9]), ("UMB", [7]))));
    }

    [Theory]
    // Rohan signed , an official said today . (nothing after the verb but a time word)
    [InlineData("today|today|NOUN|6|obl:unmarked .|.|PUNCT|2|punct", "")]
    [InlineData("today|today|NOUN|6|ccomp .|.|PUNCT|2|punct", "")]
    // Rohan signed , an official said on Monday .
    [InlineData("on|on|ADP|8|case Monday|Monday|PROPN|6|obl .|.|PUNCT|2|punct", "GOV - 010")]
    public void In_petrarch_mode_a_verb_with_no_phrase_after_it_codes_no_one_sided_event(string end, string expected)
    {
        var coder = Coder("""
            --- SAY  [010] ---
            SAY
            """);
        var parse = "Rohan|Rohan|PROPN|2|nsubj signed|sign|VERB|0|root ,|,|PUNCT|6|punct an|a|DET|5|det official|official|NOUN|6|nsubj said|say|VERB|2|parataxis " + end;
        Assert.Equal(expected, string.Join("; ", Coded(coder, parse, ("ROH", [1]), ("GOV", [4, 5]))));
    }
    [Fact]
    public void A_caret_passes_over_a_noun_phrase_before_the_role()
    {
        var coder = Coder("""
            --- CELEBRATE  [040] ---
            CELEBRATE
            - * FEAST IN ^ +  [043]
            """);
        // Rohan celebrated the feast in Edoras with envoys of Harad .
        var parse = "Rohan|Rohan|PROPN|2|nsubj celebrated|celebrate|VERB|0|root the|the|DET|4|det feast|feast|NOUN|2|obj in|in|ADP|6|case"
            + " Edoras|Edoras|PROPN|4|nmod with|with|ADP|8|case envoys|envoy|NOUN|2|obl of|of|ADP|10|case Harad|Harad|PROPN|8|nmod .|.|PUNCT|2|punct";
        Assert.Equal(["ROH HAR 043"], Coded(coder, parse, ("ROH", [1]), ("EDO", [6]), ("HAR", [10])));
    }

    [Fact]
    public void A_word_read_as_a_passive_auxiliary_that_is_no_form_of_be_leaves_the_clause_active()
    {
        var coder = Coder("""
            --- CONDEMN  [122] ---
            CONDEMN
            """);
        // The Board Walks condemned Harad . ("Walks" read as a passive auxiliary, "Board" as a passive subject)
        var parse = "The|the|DET|2|det Board|Board|PROPN|4|nsubj:pass Walks|walk|AUX|4|aux:pass condemned|condemn|VERB|0|root|VBN"
            + " Harad|Harad|PROPN|4|obj .|.|PUNCT|4|punct";
        Assert.Equal(["BRD HAR 122"], Coded(coder, parse, ("BRD", [1, 2, 3]), ("HAR", [5])));
    }
    [Fact]
    public void A_past_form_read_as_an_adjective_between_two_actors_is_the_verb()
    {
        var coder = Coder("""
            --- DETAIN  [173] ---
            DETAIN
            """);
        // Rohan police detained Harad traders yesterday . ("detained" an adjective of "traders", "yesterday" the root)
        var parse = "Rohan|Rohan|ADJ|2|amod police|police|NOUN|6|nsubj detained|detained|ADJ|5|amod|VBN Harad|Harad|PROPN|5|compound"
            + " traders|trader|NOUN|2|conj yesterday|yesterday|NOUN|0|root .|.|PUNCT|6|punct";
        Assert.Equal(["ROHCOP HARBUS 173"], Coded(coder, parse, ("ROHCOP", [1, 2]), ("HARBUS", [4, 5])));
        // Rohan freed the detained traders . (after a determiner it is an adjective)
        var adjective = "Rohan|Rohan|PROPN|2|nsubj freed|free|VERB|0|root the|the|DET|5|det detained|detained|ADJ|5|amod|VBN"
            + " traders|trader|NOUN|2|obj .|.|PUNCT|2|punct";
        Assert.Empty(Coded(coder, adjective, ("ROH", [1]), ("HARBUS", [5])));
    }
    [Fact]
    public void A_lemma_cut_below_a_doubled_final_consonant_still_finds_its_verb()
    {
        var coder = Coder("""
            --- BOYCOTT  [191] ---
            BOYCOTT
            """);
        // Rohan boycotted Harad . (lemmatised "boycot")
        Assert.Equal(["ROH HAR 191"], Coded(coder, "Rohan|Rohan|PROPN|2|nsubj boycotted|boycot|VERB|0|root Harad|Harad|PROPN|2|obj .|.|PUNCT|2|punct",
            ("ROH", [1]), ("HAR", [3])));
    }
    [Theory]
    [InlineData("a Relief Rohan envoy", "NGOROHGOV")]
    [InlineData("the Rohan Islamist media", "ROHMUSMED")]
    [InlineData("the Rohan envoy", "ROHGOV")]
    public void Every_agent_of_a_phrase_adds_its_code(string phrase, string expected)
    {
        var builder = new ActorLexiconBuilder();
        PetrarchDictionaryReader.ReadActors(new StringReader("ROHAN  [ROH]"), "test.actors", builder);
        PetrarchDictionaryReader.ReadAgents(new StringReader("RELIEF  [NGO~]\nENVOY  [~GOV]\nISLAMIST  [~MUS]\nMEDIA  [~MED]"), "test.agents", builder);
        Assert.Equal([expected], new ActorPhraseCoder(builder.Build()).Code(phrase, null));
    }
}
