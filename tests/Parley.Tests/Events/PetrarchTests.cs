using Parley.Events;
using Parley.Processing;
using Xunit.Abstractions;

namespace Parley.Tests.Events;

public sealed class PetrarchTests(ITestOutputHelper output)
{
    private static string? PetrarchDirectory
    {
        get
        {
            var shared = DataPaths.ResolveShared();
            var dir = shared is null ? null : Path.Combine(shared, "petrarch");
            return dir is not null && Directory.Exists(dir) ? dir : null;
        }
    }

    [Fact]
    public void Reads_verb_blocks_synsets_and_patterns_into_dependency_patterns()
    {
        const string text = """
            &TROOPS
            +TROOPS
            +ARMED_FORCES

            ---  ADD   [---]  ---
            ADD  # comment
            - * SANCTIONS [163]
            - * (TO {BANNED PARTIES}) $   [1722]

            --- INVADE [192] ---
            INVADE
            OCCUPY {OCCUPIES OCCUPIED}
            - * &TROOPS (INTO +) [1952A]
            """;
        var lexicon = PetrarchVerbReader.Parse(text, "test.verbs", CameoOntologyTests.Ontology, out var skipped);
        Assert.Equal(0, skipped);
        Assert.Equal(["troops", "forces"], lexicon.Synsets["TROOPS"]);
        var add = lexicon.Find("add", nominal: false);
        var sanctions = Assert.Single(add, p => p.Code == "163");
        Assert.Equal(SlotRelation.InPhrase, sanctions.Slots[0].Relation);
        Assert.Contains("sanctions", sanctions.Slots[0].Lemmas!);
        Assert.True(sanctions.Slots[0].MatchForm);
        var invade = lexicon.Find("invade", nominal: false);
        Assert.Contains(invade, p => p.Code == "192" && p.Slots.Count == 1);
        Assert.Contains(invade, p => p.Code == "1952" && p.Slots[1].Prepositions![0] == "into" && p.Slots[1].Role == SlotRole.Target);
        Assert.NotEmpty(lexicon.Find("occupy", nominal: false));
    }

    [Fact]
    public void Reads_reverse_codes_compound_subjects_and_private_codes()
    {
        const string text = """
            &PREPS_
            +AGAINST
            +ON

            --- VISIT  [032:033]  ---
            VISIT

            --- TALK  [040] ---
            TALK
            - % * [030:030]
            - * &PREPS RESOLUTION [174K]
            """;
        var mapped = PetrarchVerbReader.Parse(text, "test.verbs", CameoOntologyTests.Ontology, out _);
        Assert.Contains(mapped.Find("talk", nominal: false), p => p.Code == "174");
        var lexicon = PetrarchVerbReader.Parse(text, "test.verbs", CameoOntologyTests.Ontology, out var skipped, keepCodes: true);
        Assert.Equal(0, skipped);
        var visit = Assert.Single(lexicon.Find("visit", nominal: false));
        Assert.Equal(("032", "033"), (visit.Code, visit.ReverseCode));
        var talk = lexicon.Find("talk", nominal: false);
        Assert.Contains(talk, p => p.CompoundSubject && p.Slots.Count == 0 && p.ReverseCode == "030");
        var resolution = Assert.Single(talk, p => p.Code == "174K");
        Assert.Equal(["against", "on"], resolution.Slots[0].Lemmas!.Order(StringComparer.Ordinal));

        var ontology = CameoOntologyTests.Ontology.WithCodes(["174K", "903"]);
        Assert.Equal("17", ontology.Find("174K")!.Root);
        Assert.Equal(ontology.Find("174")!.Goldstein, ontology.Find("174K")!.Goldstein);
        Assert.Equal(0, ontology.Find("903")!.Quad);
        var coder = new EventCoder(lexicon, ontology);
        // Gondor and Arnor talk . // Gondor visited Arnor .
        var doc = ParsedDocs.Build("Gondor|Gondor|PROPN|4|nsubj and|and|CCONJ|3|cc Arnor|Arnor|PROPN|1|conj talk|talk|VERB|0|root .|.|PUNCT|4|punct"
            + " // Gondor|Gondor|PROPN|2|nsubj visited|visit|VERB|0|root Arnor|Arnor|PROPN|2|obj .|.|PUNCT|2|punct",
            ("GON", [1, 6]), ("ARN", [3, 8]));
        var coded = coder.Code(doc).Select(e => (e.Sentence, e.Source!.Code, e.Target!.Code, e.Code)).ToList();
        Assert.Equal([(0, "GON", "ARN", "030"), (0, "ARN", "GON", "030"), (1, "GON", "ARN", "032"), (1, "ARN", "GON", "033")], coded);
    }

    [Fact]
    public void A_multi_word_synonym_matches_only_with_its_words_before_the_head()
    {
        const string text = """
            &SANCT
            +TOTAL BOYCOTT
            +EMBARGO

            --- CALLED  [010] ---
            CALLED
            - * FOR &SANCT  [172]
            - * FOR  [096]
            """;
        var lexicon = PetrarchVerbReader.Parse(text, "test.verbs", CameoOntologyTests.Ontology, out _, keepCodes: true);
        var sanctions = Assert.Single(lexicon.Find("call", nominal: false), p => p.Code == "172");
        var words = Assert.Single(sanctions.Slots, s => s.Preceding is not null);
        Assert.Equal(["total"], Assert.Single(words.Preceding!["boycott"]));
        Assert.False(words.Preceding!.ContainsKey("embargo"));
        // Without "+" the pattern still takes its target from the verb's object.
        Assert.Equal((SlotRelation.Object, SlotRole.Target), (sanctions.Slots[^1].Relation, sanctions.Slots[^1].Role));
        var coder = new EventCoder(lexicon, CameoOntologyTests.Ontology.WithCodes(["096"]), new EventCoderOptions { TargetFromVerbPhrase = true });
        string Code(string adjective) => coder.Code(ParsedDocs.Build(
            $"Gondor|Gondor|PROPN|2|nsubj called|call|VERB|0|root for|for|ADP|6|case a|a|DET|6|det {adjective}|{adjective}|ADJ|6|amod "
            + "boycott|boycott|NOUN|2|obl against|against|ADP|8|case Arnor|Arnor|PROPN|6|nmod .|.|PUNCT|2|punct",
            ("GON", [1]), ("ARN", [8])))[0].Code;
        Assert.Equal("172", Code("total"));
        Assert.Equal("096", Code("partial"));
    }

    [Fact]
    public void Words_before_the_verb_match_backwards_and_underscores_join_them()
    {
        const string text = """
            &NOTAUX
            +DID N'T
            +WILL NOT

            --- QUARREL  [121] ---
            QUARREL
            - MOST_SURELY_&NOTAUX_EVER * [907]
            - &NOTAUX EVER * [905]
            - &NOTAUX * [904]
            - LATELY_* [025]
            """;
        var lexicon = PetrarchVerbReader.Parse(text, "test.verbs", CameoOntologyTests.Ontology, out var skipped, keepCodes: true);
        Assert.Equal(0, skipped);
        var coder = new EventCoder(lexicon, CameoOntologyTests.Ontology.WithCodes(["904", "905", "907"]),
            new EventCoderOptions { TargetFromVerbPhrase = true });
        // Harad <words> quarrel with Rhun .
        string Code(string words)
        {
            var before = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var verb = before.Length + 2;
            var parse = "Harad|Harad|PROPN|" + verb + "|nsubj "
                + string.Concat(before.Select(w => $"{w}|{w}|ADV|{verb}|advmod "))
                + $"quarrel|quarrel|VERB|0|root with|with|ADP|{verb + 2}|case Rhun|Rhun|PROPN|{verb}|obl .|.|PUNCT|{verb}|punct";
            var e = Assert.Single(coder.Code(ParsedDocs.Build(parse, ("HAR", [1]), ("RHU", [verb + 2]))));
            Assert.Equal(("HAR", "RHU"), (e.Source!.Code, e.Target!.Code));
            return e.Code;
        }
        Assert.Equal("907", Code("most surely did n't ever"));
        // "even" breaks the joined chain before "ever" but not the open gap of the 905 pattern.
        Assert.Equal("905", Code("most surely did n't even ever"));
        Assert.Equal("904", Code("surely will not"));
        Assert.Equal("025", Code("lately"));
        Assert.Equal("121", Code("lately did"));
        Assert.Equal("121", Code("surely"));
    }

    [Fact]
    public void Words_after_the_verb_match_in_order_as_written()
    {
        const string text = """
            &KINDS
            +TRADE
            +CULTURAL

            --- RESUME  [064] ---
            RESUME
            - * NEW_&KINDS_TIES [903]
            - * FRESH &KINDS TIES [904]
            - * TREATY [102]
            """;
        var lexicon = PetrarchVerbReader.Parse(text, "test.verbs", CameoOntologyTests.Ontology, out _, keepCodes: true);
        var coder = new EventCoder(lexicon, CameoOntologyTests.Ontology.WithCodes(["903", "904"]),
            new EventCoderOptions { TargetFromVerbPhrase = true });
        // Harad resumed <modifiers> <noun> with Rhun .
        string Code(string phrase)
        {
            var words = phrase.Split(' ');
            var noun = words.Length + 2;
            var parse = "Harad|Harad|PROPN|2|nsubj resumed|resume|VERB|0|root "
                + string.Concat(words[..^1].Select(w => $"{w}|{w}|ADJ|{noun}|amod "))
                + $"{words[^1]}|{words[^1]}|NOUN|2|obj with|with|ADP|{noun + 2}|case Rhun|Rhun|PROPN|{noun}|nmod .|.|PUNCT|2|punct";
            return Assert.Single(coder.Code(ParsedDocs.Build(parse, ("HAR", [1]), ("RHU", [noun + 2])))).Code;
        }
        Assert.Equal("903", Code("new trade ties"));
        Assert.Equal("064", Code("new global trade ties"));
        Assert.Equal("904", Code("fresh global cultural ties"));
        // Out of order, the words do not match.
        Assert.Equal("064", Code("trade fresh ties"));
        // No stemming: "treaty" is not "treaties".
        Assert.Equal("102", Code("treaty"));
        Assert.Equal("064", Code("treaties"));
    }

    [Fact]
    public void A_pronoun_subject_of_a_reported_clause_is_the_speaker_and_a_word_beats_a_bare_object()
    {
        const string text = """
            --- DENOUNCE  [122] ---
            DENOUNCE
            - STATED * [123]
            """;
        var lexicon = PetrarchVerbReader.Parse(text, "test.verbs", CameoOntologyTests.Ontology, out _);
        var coder = new EventCoder(lexicon, CameoOntologyTests.Ontology, new EventCoderOptions { TargetFromVerbPhrase = true });
        // <speaker> stated it denounced Rhun .
        List<string> Code(string speaker, string verb) => [.. coder.Code(ParsedDocs.Build(
            $"{speaker}|{speaker}|PROPN|2|nsubj {verb}|{verb}|VERB|0|root it|it|PRON|4|nsubj denounced|denounce|VERB|2|ccomp Rhun|Rhun|PROPN|4|obj .|.|PUNCT|2|punct",
            speaker == "Harad" ? [("HAR", [1]), ("RHU", [5])] : [("RHU", [5])]))
            .Select(e => $"{e.Source?.Code ?? "---"} {e.Target!.Code} {e.Code}")];
        Assert.Equal(["HAR RHU 123"], Code("Harad", "stated"));
        Assert.Equal(["HAR RHU 122"], Code("Harad", "hoped"));
        // A speaker that names no actor lends the pronoun nothing.
        Assert.Equal(["--- RHU 123"], Code("Someone", "stated"));
    }

    [Fact]
    public void A_verb_form_listed_apart_from_its_lemma_takes_its_own_patterns()
    {
        const string text = """
            --- LEAVE  [012] ---
            LEAVE

            --- LEFT  [032:033] ---
            LEFT
            """;
        var lexicon = PetrarchVerbReader.Parse(text, "test.verbs", CameoOntologyTests.Ontology, out _);
        var coder = new EventCoder(lexicon, CameoOntologyTests.Ontology, new EventCoderOptions { TargetFromVerbPhrase = true });
        List<string> Code(string form) => [.. coder.Code(ParsedDocs.Build(
            $"Gondor|Gondor|PROPN|2|nsubj {form}|leave|VERB|0|root for|for|ADP|4|case Arnor|Arnor|PROPN|2|obl .|.|PUNCT|2|punct",
            ("GON", [1]), ("ARN", [4]))).Select(e => $"{e.Source!.Code} {e.Target!.Code} {e.Code}")];
        Assert.Equal(["GON ARN 032", "ARN GON 033"], Code("left"));
        Assert.Equal(["GON ARN 012"], Code("leaves"));
    }

    [Fact]
    public void The_petrarch_dictionaries_code_a_hand_parsed_sentence()
    {
        if (PetrarchDirectory is null)
        {
            return;
        }
        var lexicon = PetrarchVerbReader.Read(Path.Combine(PetrarchDirectory, "dictionaries", "CAMEO.2.0.txt"),
            CameoOntologyTests.Ontology, out var skipped);
        output.WriteLine($"CAMEO.2.0: {lexicon.Patterns.Count} patterns, {lexicon.ExpandedCount} expanded, {skipped} lines skipped");
        Assert.True(lexicon.Patterns.Count > 3000);
        var coder = new EventCoder(lexicon, CameoOntologyTests.Ontology);
        // Germany invaded France . (PETRARCH-2's own test: DEU FRA 192)
        var doc = ParsedDocs.Build("Germany|Germany|PROPN|2|nsubj invaded|invade|VERB|0|root France|France|PROPN|2|obj .|.|PUNCT|2|punct",
            ("DEU", [1]), ("FRA", [3]));
        var e = Assert.Single(coder.Code(doc));
        Assert.Equal(("DEU", "FRA", "192"), (e.Source!.Code, e.Target!.Code, e.Code));
    }

    [Fact]
    public void Reads_the_unit_test_records_and_scores_sets_of_codings()
    {
        if (PetrarchDirectory is null)
        {
            return;
        }
        var records = PetrarchEvaluation.ReadRecords(Path.Combine(PetrarchDirectory, "validation", "PETR.UnitTest.records.xml"));
        Assert.Equal(284, records.Count);
        var demo = records.Find(r => r.Id == "DEMO-01")!;
        Assert.Contains(("ARN", "GON", "064"), demo.Expected);
        Assert.StartsWith("Arnor is about to restore full diplomatic ties with Gondor", demo.Text, StringComparison.Ordinal);
        // A coder that returns the expected codings for DEMO records only.
        var report = new StringWriter();
        var (passed, failed) = PetrarchEvaluation.Run(records, r => r.Category == "DEMO" ? r.Expected : [], report);
        var active = records.Count(r => r.Active);
        Assert.Equal(active, passed + failed);
        Assert.EndsWith($"{passed} passed, {failed} failed", report.ToString().TrimEnd(), StringComparison.Ordinal);
        output.WriteLine($"{records.Count} records, {active} active");
    }
}
