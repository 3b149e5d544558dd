using Parley.Actors;
using Parley.Events;

namespace Parley.Tests.Events;

public sealed class PetrarchPhraseTests
{
    private static ActorPhraseCoder Actors(string dictionary, string agents = "")
    {
        var builder = new ActorLexiconBuilder();
        PetrarchDictionaryReader.ReadActors(new StringReader(dictionary), "test.actors", builder);
        PetrarchDictionaryReader.ReadAgents(new StringReader(agents), "test.agents", builder);
        return new ActorPhraseCoder(builder.Build());
    }

    // The actors NounPhraseActors finds in the document, as "CODE: mention | mention".
    private static List<string> PhraseActors(Parley.Model.Document doc, ActorPhraseCoder actors)
    {
        NounPhraseActors.Add(doc, actors, null);
        return doc.Actors.Select(a => $"{a.Code}: {string.Join(" | ", a.Mentions.Select(m => m.Text))}").ToList();
    }

    private static string Coded(EventCoder coder, string conll, (string, int[])[] actors) =>
        string.Join("; ", coder.Code(ParsedDocs.Build(conll, actors)).Select(e => $"{e.Source?.Code} {e.Target?.Code} {e.Code}"));

    private static EventCoder Coder(string verbs) =>
        new(PetrarchVerbReader.Parse(verbs, "test.verbs", CameoOntologyTests.Ontology, out _),
            CameoOntologyTests.Ontology, new EventCoderOptions { TargetFromVerbPhrase = true });

    [Fact]
    public void Two_subjects_the_parser_failed_to_join_both_act()
    {
        const string text = """
            --- STORM  [190] ---
            STORM
            """;
        var coder = Coder(text);
        // Harad and Umbar stormed Rhun . — "Umbar" parsed as a second subject, not a conjunct.
        var doc = ParsedDocs.Build("Harad|Harad|PROPN|4|nsubj and|and|CCONJ|3|cc Umbar|Umbar|PROPN|4|nsubj stormed|storm|VERB|0|root"
            + " Rhun|Rhun|PROPN|4|obj .|.|PUNCT|4|punct", ("HAR", [1]), ("UMB", [3]), ("RHU", [5]));
        var coded = coder.Code(doc).Select(e => $"{e.Source!.Code} {e.Target!.Code} {e.Code}").ToList();
        Assert.Equal(["HAR RHU 190", "UMB RHU 190"], coded);
    }

    [Fact]
    public void A_name_made_only_by_the_whole_phrase_is_taken_whole()
    {
        var actors = Actors("""
            WARDEN OF EAST MARCH  [EMW]
            RHUN  [RHU]
            """);
        // The Warden of East March met envoys . / Ties with Rhun grew .
        var doc = ParsedDocs.Build("The|the|DET|2|det Warden|Warden|PROPN|6|nsubj of|of|ADP|5|case East|East|PROPN|5|compound"
            + " March|March|PROPN|2|nmod met|meet|VERB|0|root envoys|envoy|NOUN|6|obj .|.|PUNCT|6|punct"
            + " // Ties|tie|NOUN|4|nsubj with|with|ADP|3|case Rhun|Rhun|PROPN|1|nmod grew|grow|VERB|0|root .|.|PUNCT|4|punct");
        var found = PhraseActors(doc, actors);
        Assert.Equal(["EMW: The Warden of East March", "RHU: Rhun"], found);
    }

    [Fact]
    public void Adjectives_joined_by_and_do_not_split_a_phrase_and_underscores_join_words()
    {
        var actors = Actors("""
            HARAD  [HAR]
            EAST MARCH  [EMA]
            """, "ENVOY  [~GOV]");
        // Harad 's brave and loyal envoy Tarcil spoke . / East_March spoke .
        var doc = ParsedDocs.Build("Harad|Harad|PROPN|7|nmod:poss 's|'s|PART|1|case brave|brave|ADJ|6|amod and|and|CCONJ|5|cc loyal|loyal|ADJ|3|conj"
            + " envoy|envoy|NOUN|7|compound Tarcil|Tarcil|PROPN|8|nsubj spoke|speak|VERB|0|root .|.|PUNCT|8|punct"
            + " // East_March|East_March|PROPN|2|nsubj spoke|speak|VERB|0|root .|.|PUNCT|2|punct");
        var found = PhraseActors(doc, actors);
        Assert.Contains("HARGOV: Harad 's brave and loyal envoy Tarcil", found);
        Assert.Contains("EMA: East_March", found);
        Assert.DoesNotContain(found, f => f.StartsWith("GOV", StringComparison.Ordinal));
    }

    [Fact]
    public void A_conjunction_between_adjectives_joins_no_actors_wherever_the_parser_hung_it()
    {
        var actors = Actors("""
            HARAD  [HAR]
            """, "ENVOY  [~GOV]");
        // Harad 's brave and loyal envoy Tarcil spoke . — "brave" and "and" hung on the name, "loyal" on the envoy.
        var doc = ParsedDocs.Build("Harad|Harad|PROPN|7|nmod:poss 's|'s|PART|1|case brave|brave|ADJ|7|amod and|and|CCONJ|7|cc loyal|loyal|ADJ|6|amod"
            + " envoy|envoy|NOUN|7|compound Tarcil|Tarcil|PROPN|8|nsubj spoke|speak|VERB|0|root .|.|PUNCT|8|punct");
        var found = PhraseActors(doc, actors);
        Assert.Contains("HARGOV: Harad 's brave and loyal envoy Tarcil", found);
        Assert.DoesNotContain(found, f => f.StartsWith("HAR: Harad 's brave", StringComparison.Ordinal));
    }

    [Fact]
    public void An_agent_of_coordinated_countries_belongs_to_each_and_each_acts()
    {
        var actors = Actors("""
            HARAD  [HAR]
            UMBAR  [UMB]
            RHUN  [RHU]
            GONDOR  [GON]
            """, "ENVOY  [~GOV]");
        // The envoys of Harad , Umbar and Rhun visited Gondor .
        var doc = ParsedDocs.Build("The|the|DET|2|det envoys|envoy|NOUN|9|nsubj of|of|ADP|4|case Harad|Harad|PROPN|2|nmod ,|,|PUNCT|6|punct"
            + " Umbar|Umbar|PROPN|4|conj and|and|CCONJ|8|cc Rhun|Rhun|PROPN|4|conj visited|visit|VERB|0|root Gondor|Gondor|PROPN|9|obj .|.|PUNCT|9|punct");
        var found = PhraseActors(doc, actors);
        Assert.Equal(["HARGOV: The envoys of Harad", "UMBGOV: Umbar", "RHUGOV: Rhun", "GON: Gondor"], found);
        const string verbs = """
            --- VISIT  [042] ---
            VISIT
            """;
        var coder = new EventCoder(PetrarchVerbReader.Parse(verbs, "test.verbs", CameoOntologyTests.Ontology, out _),
            CameoOntologyTests.Ontology, new EventCoderOptions { TargetFromVerbPhrase = true });
        var coded = coder.Code(doc).Select(e => $"{e.Source!.Code} {e.Target!.Code} {e.Code}").ToList();
        Assert.Equal(["HARGOV GON 042", "UMBGOV GON 042", "RHUGOV GON 042"], coded);
    }

    [Fact]
    public void A_name_for_several_actors_codes_an_event_for_each()
    {
        var actors = Actors("""
            TWINS  [TWA/TWB]
            GONDOR  [GON]
            """);
        // Twins visited Gondor .
        var doc = ParsedDocs.Build("Twins|Twins|PROPN|2|nsubj visited|visit|VERB|0|root Gondor|Gondor|PROPN|2|obj .|.|PUNCT|2|punct");
        NounPhraseActors.Add(doc, actors, null);
        const string verbs = """
            --- VISIT  [042:043] ---
            VISIT
            """;
        var coder = new EventCoder(PetrarchVerbReader.Parse(verbs, "test.verbs", CameoOntologyTests.Ontology, out _),
            CameoOntologyTests.Ontology, new EventCoderOptions { TargetFromVerbPhrase = true });
        var coded = coder.Code(doc).Select(e => $"{e.Source!.Code} {e.Target!.Code} {e.Code}").ToList();
        Assert.Equal(["TWA GON 042", "GON TWA 043", "TWB GON 042", "GON TWB 043"], coded);
    }

    [Fact]
    public void A_pattern_word_is_found_deep_in_the_verb_phrase()
    {
        const string verbs = """
            --- WELCOME  [041] ---
            WELCOME
            - * PLEDGES FROM [913]
            """;
        var coder = new EventCoder(PetrarchVerbReader.Parse(verbs, "test.verbs", CameoOntologyTests.Ontology, out _, keepCodes: true),
            CameoOntologyTests.Ontology.WithCodes(["913"]), new EventCoderOptions { TargetFromVerbPhrase = true });
        // Harad welcomed pledges on trade issues sent from Rhun .
        var doc = ParsedDocs.Build("Harad|Harad|PROPN|2|nsubj welcomed|welcome|VERB|0|root pledges|pledge|NOUN|2|obj on|on|ADP|6|case"
            + " trade|trade|NOUN|6|compound issues|issue|NOUN|3|nmod sent|send|VERB|6|acl from|from|ADP|9|case Rhun|Rhun|PROPN|7|obl .|.|PUNCT|2|punct",
            ("HAR", [1]), ("RHU", [9]));
        var e = Assert.Single(coder.Code(doc));
        Assert.Equal(("HAR", "RHU", "913"), (e.Source!.Code, e.Target!.Code, e.Code));
    }

    [Fact]
    public void A_with_phrase_is_not_part_of_a_name_and_a_passive_borrows_no_doer()
    {
        var actors = Actors("""
            HARAD  [HAR]
            UMBAR  [UMB]
            RHUN  [RHU]
            """);
        // Harad feasted Umbar with Rhun and was praised by nobody in Rhun .
        var doc = ParsedDocs.Build("Harad|Harad|PROPN|2|nsubj feasted|feast|VERB|0|root Umbar|Umbar|PROPN|2|obj with|with|ADP|5|case"
            + " Rhun|Rhun|PROPN|3|nmod and|and|CCONJ|8|cc was|be|AUX|8|aux:pass praised|praise|VERB|2|conj in|in|ADP|10|case"
            + " Rhun|Rhun|PROPN|8|obl .|.|PUNCT|2|punct");
        var found = PhraseActors(doc, actors);
        Assert.Equal(["HAR: Harad", "UMB: Umbar", "RHU: Rhun | Rhun"], found);
        const string verbs = """
            --- FEAST  [---] ---
            FEAST
            - * WITH + [044]

            --- PRAISE  [051] ---
            PRAISE
            """;
        var coder = new EventCoder(PetrarchVerbReader.Parse(verbs, "test.verbs", CameoOntologyTests.Ontology, out _),
            CameoOntologyTests.Ontology, new EventCoderOptions { RequireDyad = true, TargetFromVerbPhrase = true });
        var coded = coder.Code(doc).Select(e => $"{e.Source!.Code} {e.Target!.Code} {e.Code}").ToList();
        // "was praised" has no agent: Harad, the subject of "feasted", is not its doer.
        Assert.Equal(["HAR RHU 044"], coded);
    }
    [Fact]
    public void A_verb_of_several_words_needs_its_words_and_takes_the_block_patterns()
    {
        const string text = """
            --- SEAL  [1721] ---
            SEAL
            +FENCE_IN {+FENCED_IN +FENCES_IN }
            BUG_+WATCH
            - * FOR REPAIRS [071]
            """;
        var coder = Coder(text);
        string Code(string conll, params (string, int[])[] actors) => Coded(coder, conll, actors);
        // Harad fenced in Rhun .
        Assert.Equal("HAR RHU 1721", Code("Harad|Harad|PROPN|2|nsubj fenced|fence|VERB|0|root in|in|ADP|2|compound:prt"
            + " Rhun|Rhun|PROPN|2|obj .|.|PUNCT|2|punct", ("HAR", [1]), ("RHU", [4])));
        // Harad fenced Rhun . — without its particle the verb is not the one listed.
        Assert.Equal("", Code("Harad|Harad|PROPN|2|nsubj fenced|fence|VERB|0|root Rhun|Rhun|PROPN|2|obj .|.|PUNCT|2|punct",
            ("HAR", [1]), ("RHU", [3])));
        // Harad fenced in Rhun for repairs .
        Assert.Equal("HAR RHU 071", Code("Harad|Harad|PROPN|2|nsubj fenced|fence|VERB|0|root in|in|ADP|2|compound:prt"
            + " Rhun|Rhun|PROPN|2|obj for|for|ADP|6|case repairs|repair|NOUN|2|obl .|.|PUNCT|2|punct", ("HAR", [1]), ("RHU", [4])));
        // Harad bug watched Rhun . / Harad watched Rhun .
        Assert.Equal("HAR RHU 1721", Code("Harad|Harad|PROPN|3|nsubj bug|bug|NOUN|3|compound watched|watch|VERB|0|root"
            + " Rhun|Rhun|PROPN|3|obj .|.|PUNCT|3|punct", ("HAR", [1]), ("RHU", [4])));
        Assert.Equal("", Code("Harad|Harad|PROPN|2|nsubj watched|watch|VERB|0|root Rhun|Rhun|PROPN|2|obj .|.|PUNCT|2|punct",
            ("HAR", [1]), ("RHU", [3])));
    }

    // A verb dictionary with one pattern: VISIT codes 042.
    private const string Visit = """
        --- VISIT  [042] ---
        VISIT
        """;

    [Fact]
    public void A_report_before_its_speaker_is_not_the_speakers_act_and_a_name_parsed_as_root_acts()
    {
        var coder = Coder(Visit);
        // Harad on Monday visited Rhun , officials said . — parsed with "Harad" as the root.
        var doc = ParsedDocs.Build("Harad|Harad|PROPN|0|root on|on|ADP|3|case Monday|Monday|PROPN|1|nmod visited|visit|VERB|8|ccomp"
            + " Rhun|Rhun|PROPN|4|obj ,|,|PUNCT|8|punct officials|official|NOUN|8|nsubj said|say|VERB|1|parataxis .|.|PUNCT|8|punct",
            ("HAR", [1]), ("RHU", [5]), ("OFF", [7]));
        var e = Assert.Single(coder.Code(doc));
        Assert.Equal(("HAR", "RHU", "042"), (e.Source!.Code, e.Target!.Code, e.Code));
        // Officials said Harad visited Rhun . — a report after its verb keeps its own subject.
        doc = ParsedDocs.Build("Officials|official|NOUN|2|nsubj said|say|VERB|0|root Harad|Harad|PROPN|4|nsubj visited|visit|VERB|2|ccomp"
            + " Rhun|Rhun|PROPN|4|obj .|.|PUNCT|2|punct", ("OFF", [1]), ("HAR", [3]), ("RHU", [5]));
        e = Assert.Single(coder.Code(doc));
        Assert.Equal(("HAR", "RHU", "042"), (e.Source!.Code, e.Target!.Code, e.Code));
    }

    [Fact]
    public void A_report_before_its_speaker_parsed_as_an_adverbial_clause_is_not_the_speakers_act()
    {
        var coder = Coder(Visit);
        // Harad on Monday visited Rhun , officials said . — "visited" hung on "said" as an adverbial clause.
        var doc = ParsedDocs.Build("Harad|Harad|PROPN|0|root on|on|ADP|3|case Monday|Monday|PROPN|1|nmod visited|visit|VERB|8|advcl|VBD"
            + " Rhun|Rhun|PROPN|4|obj ,|,|PUNCT|8|punct officials|official|NOUN|8|nsubj said|say|VERB|1|parataxis|VBD .|.|PUNCT|8|punct",
            ("HAR", [1]), ("RHU", [5]), ("OFF", [7]));
        var e = Assert.Single(coder.Code(doc));
        Assert.Equal(("HAR", "RHU", "042"), (e.Source!.Code, e.Target!.Code, e.Code));
    }

    [Fact]
    public void A_name_in_a_list_parsed_as_an_apposition_is_one_more_member()
    {
        const string text = """
            --- STORM  [190] ---
            STORM
            """;
        var coder = Coder(text);
        // Harad , Umbar and Khand stormed Rhun . — "Umbar" parsed as an apposition of "Harad".
        var doc = ParsedDocs.Build("Harad|Harad|PROPN|6|nsubj ,|,|PUNCT|3|punct Umbar|Umbar|PROPN|1|appos and|and|CCONJ|5|cc"
            + " Khand|Khand|PROPN|1|conj stormed|storm|VERB|0|root Rhun|Rhun|PROPN|6|obj .|.|PUNCT|6|punct",
            ("HAR", [1]), ("UMB", [3]), ("KHA", [5]), ("RHU", [7]));
        var coded = coder.Code(doc).Select(e => $"{e.Source!.Code} {e.Target!.Code} {e.Code}").Order().ToList();
        Assert.Equal(["HAR RHU 190", "KHA RHU 190", "UMB RHU 190"], coded);
        // Harad , the kingdom , stormed Rhun . — an apposition with no conjunct after it is the same side.
        doc = ParsedDocs.Build("Harad|Harad|PROPN|6|nsubj ,|,|PUNCT|4|punct the|the|DET|4|det Umbar|Umbar|PROPN|1|appos ,|,|PUNCT|4|punct"
            + " stormed|storm|VERB|0|root Rhun|Rhun|PROPN|6|obj .|.|PUNCT|6|punct", ("HAR", [1]), ("UMB", [4]), ("RHU", [7]));
        coded = coder.Code(doc).Select(e => $"{e.Source!.Code} {e.Target!.Code} {e.Code}").ToList();
        Assert.Equal(["HAR RHU 190"], coded);
    }

    [Fact]
    public void The_subject_of_a_passive_does_the_infinitive_it_governs()
    {
        const string text = """
            --- ATTACK  [190] ---
            ATTACK
            """;
        var coder = Coder(text);
        // Harad was seen to attack Rhun .
        var doc = ParsedDocs.Build("Harad|Harad|PROPN|3|nsubj:pass was|be|AUX|3|aux:pass seen|see|VERB|0|root to|to|PART|5|mark"
            + " attack|attack|VERB|3|xcomp Rhun|Rhun|PROPN|5|obj .|.|PUNCT|3|punct", ("HAR", [1]), ("RHU", [6]));
        var e = Assert.Single(coder.Code(doc));
        Assert.Equal(("HAR", "RHU", "190"), (e.Source!.Code, e.Target!.Code, e.Code));
        // Rhun was attacked . — a passive with no agent still names no doer.
        doc = ParsedDocs.Build("Rhun|Rhun|PROPN|3|nsubj:pass was|be|AUX|3|aux:pass attacked|attack|VERB|0|root .|.|PUNCT|3|punct", ("RHU", [1]));
        Assert.DoesNotContain(coder.Code(doc), x => x.Source is not null);
    }

    [Fact]
    public void A_verb_with_its_own_subject_hung_on_a_noun_is_not_part_of_its_name()
    {
        var actors = Actors("""
            HARAD  [HAR]
            """, "GUARD  [~MIL]\nFARMER  [~AGR]");
        // Harad guards seized farmers today . — parsed with "seized" as a modifier of "farmers".
        var doc = ParsedDocs.Build("Harad|Harad|PROPN|2|compound guards|guard|NOUN|3|nsubj seized|seize|VERB|4|amod"
            + " farmers|farmer|NOUN|5|nsubj today|today|NOUN|0|root .|.|PUNCT|5|punct");
        var found = PhraseActors(doc, actors);
        Assert.Equal(["HARMIL: Harad guards", "AGR: farmers"], found);
    }
    [Fact]
    public void A_target_marked_before_the_verb_is_its_subject_and_the_source_follows()
    {
        var coder = Coder("""
            --- RECEIVE  [033] ---
            RECEIVE
            - + * GRAIN $  [071]
            - + * IN $  [075]
            """);
        string Code(string conll, params (string, int[])[] actors) => Coded(coder, conll, actors);
        // Harad received grain from Rhun .
        Assert.Equal("RHU HAR 071", Code("Harad|Harad|PROPN|2|nsubj received|receive|VERB|0|root grain|grain|NOUN|2|obj"
            + " from|from|ADP|5|case Rhun|Rhun|PROPN|3|nmod .|.|PUNCT|2|punct", ("HAR", [1]), ("RHU", [5])));
        // Harad received Rhun . — no in-phrase, so the pattern that needs one does not apply.
        Assert.Equal("HAR RHU 033", Code("Harad|Harad|PROPN|2|nsubj received|receive|VERB|0|root Rhun|Rhun|PROPN|2|obj .|.|PUNCT|2|punct",
            ("HAR", [1]), ("RHU", [3])));
    }

    [Fact]
    public void A_subject_with_a_preposition_is_a_misparsed_oblique()
    {
        var coder = Coder("""
            --- ATTACK  [190] ---
            ATTACK
            """);
        // Harad on Monday attacked Rhun . — parsed with "Monday" as the subject and "Harad" as the root.
        Assert.Equal("HAR RHU 190", Coded(coder, "Harad|Harad|PROPN|0|root on|on|ADP|3|case Monday|Monday|PROPN|4|nsubj"
            + " attacked|attack|VERB|1|parataxis Rhun|Rhun|PROPN|4|obj .|.|PUNCT|4|punct", [("HAR", [1]), ("RHU", [5])]));
    }
    [Fact]
    public void The_target_is_found_in_a_purpose_infinitive_but_not_in_a_time_clause()
    {
        var coder = Coder("""
            --- SIGN  [081] ---
            SIGN
            """);
        // Harad signed a pact to supply Rhun .
        Assert.Equal("HAR RHU 081", Coded(coder, "Harad|Harad|PROPN|2|nsubj signed|sign|VERB|0|root a|a|DET|4|det pact|pact|NOUN|2|obj"
            + " to|to|PART|6|mark supply|supply|VERB|2|advcl Rhun|Rhun|PROPN|6|obj .|.|PUNCT|2|punct", [("HAR", [1]), ("RHU", [7])]));
        // Harad signed a pact after Umbar left Rhun .
        Assert.DoesNotContain("RHU", Coded(coder, "Harad|Harad|PROPN|2|nsubj signed|sign|VERB|0|root a|a|DET|4|det pact|pact|NOUN|2|obj"
            + " after|after|SCONJ|7|mark Umbar|Umbar|PROPN|7|nsubj left|leave|VERB|2|advcl Rhun|Rhun|PROPN|7|obj .|.|PUNCT|2|punct",
            [("HAR", [1]), ("RHU", [8])]), StringComparison.Ordinal);
    }
    [Fact]
    public void Coordinated_subjects_restoring_ties_act_on_each_other()
    {
        var coder = Coder("""
            --- RESTORE  [064] ---
            RESTORE
            """);
        // Harad and Rhun restored ties .
        Assert.Equal("HAR RHU 064; RHU HAR 064", Coded(coder, "Harad|Harad|PROPN|4|nsubj and|and|CCONJ|3|cc Rhun|Rhun|PROPN|1|conj"
            + " restored|restore|VERB|0|root ties|tie|NOUN|4|obj .|.|PUNCT|4|punct", [("HAR", [1]), ("RHU", [3])]));
        // Harad and Rhun restored order . — not a mutual act.
        Assert.DoesNotContain("HAR RHU", Coded(coder, "Harad|Harad|PROPN|4|nsubj and|and|CCONJ|3|cc Rhun|Rhun|PROPN|1|conj"
            + " restored|restore|VERB|0|root order|order|NOUN|4|obj .|.|PUNCT|4|punct", [("HAR", [1]), ("RHU", [3])]), StringComparison.Ordinal);
    }
}
