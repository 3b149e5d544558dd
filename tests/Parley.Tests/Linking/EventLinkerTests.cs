using Parley.Linking;
using Parley.Model;
using Parley.Processing;
using Parley.Tests.Events;

namespace Parley.Tests.Linking;

public sealed class EventLinkerTests
{
    // "The envoy met the minister in Oslo on Friday ."
    private const string MetInOsloOnFriday =
        "The|the|DET|2|det envoy|envoy|NOUN|3|nsubj met|meet|VERB|0|root the|the|DET|5|det minister|minister|NOUN|3|obj "
        + "in|in|ADP|7|case Oslo|Oslo|PROPN|3|obl on|on|ADP|9|case Friday|Friday|PROPN|3|obl .|.|PUNCT|3|punct";

    // A parsed document published on 2023-03-14, so that a linker that fell back on the publication
    // date would show it.
    private static Document Parsed(string parse)
    {
        var parsed = ParsedDocs.Build(parse);
        var document = new Document(parsed.Id, parsed.Text)
        {
            Published = new DateOnly(2023, 3, 14),
            Tokens = parsed.Tokens,
            Sentences = parsed.Sentences,
            Analyses = parsed.Analyses,
        };
        document.AddLayers(parsed.Layers);
        return document;
    }

    private static Document Link(Document document)
    {
        document.AddLayers(Layers.Times | Layers.Places | Layers.Events | Layers.Quotes);
        var stage = new EventLinker();
        stage.Process(document, new StageContext(document, stage.Name));
        Assert.True(document.Layers.HasFlag(Layers.Links));
        Assert.Empty(DocumentInvariants.Violations(document));
        return document;
    }

    private static Mention Words(Document document, int first, int last) // 1-based, inclusive
    {
        var start = document.Tokens[first - 1].Start;
        var end = document.Tokens[last - 1].End;
        return new Mention(start, end, document.Text[start..end]);
    }

    private static void AddPlace(Document document, string id, string name, params int[] tokens)
    {
        var mentions = new List<Mention>();
        foreach (var t in tokens)
        {
            mentions.Add(Words(document, t, t));
        }
        document.Places.Add(new Place { Id = id, Name = name, Kind = "city", Mentions = mentions });
    }

    private static void AddTime(Document document, int first, int last, string value)
    {
        var span = Words(document, first, last);
        document.Times.Add(new TimeExpression(span.Start, span.End, span.Text, value, "day"));
    }

    private static CodedEvent AddEvent(Document document, string id, int sentence, int first, int last, string? place = null)
    {
        var coded = new CodedEvent
        {
            Id = id, Code = "040", Name = "Consult", Root = "04", Sentence = sentence, Trigger = Words(document, first, last),
            Rule = "test", Place = place,
        };
        document.Events.Add(coded);
        return coded;
    }

    [Fact]
    public void Declares_its_layers()
    {
        var stage = new EventLinker();
        Assert.Equal("link.v1", stage.Name);
        Assert.Equal(Layers.Links, stage.Provides);
        Assert.True(stage.Requires.HasFlag(Layers.Events));
        Assert.True(stage.Requires.HasFlag(Layers.Quotes));
    }

    [Fact]
    public void Takes_the_place_and_date_attached_to_the_predicate()
    {
        var document = Parsed(MetInOsloOnFriday);
        AddPlace(document, "p1", "Oslo", 7);
        AddTime(document, 9, 9, "2023-03-10");
        AddEvent(document, "e1", 0, 3, 3);
        var linked = Assert.Single(Link(document).Events);
        Assert.Equal("p1", linked.Place);
        Assert.Equal("2023-03-10", linked.Date);
    }

    [Fact]
    public void An_undated_event_stays_undated_rather_than_taking_the_publication_date()
    {
        var document = Parsed(MetInOsloOnFriday);
        AddPlace(document, "p1", "Oslo", 7);
        AddEvent(document, "e1", 0, 3, 3);
        var linked = Assert.Single(Link(document).Events);
        Assert.Equal("p1", linked.Place);
        Assert.Null(linked.Date);
    }

    [Fact]
    public void A_place_attached_to_another_word_of_the_trigger_counts()
    {
        // "The mayor asked to meet the governor in Tromsø ."
        var document = Parsed(
            "The|the|DET|2|det mayor|mayor|NOUN|3|nsubj asked|ask|VERB|0|root to|to|PART|5|mark meet|meet|VERB|3|xcomp "
            + "the|the|DET|7|det governor|governor|NOUN|5|obj in|in|ADP|9|case Tromsø|Tromsø|PROPN|5|obl .|.|PUNCT|3|punct");
        AddPlace(document, "p1", "Tromsø", 9);
        AddEvent(document, "e1", 0, 3, 5);
        Assert.Equal("p1", Assert.Single(Link(document).Events).Place);
    }

    // "The mayor asked to meet the governor in Tromsø to discuss prices in Bergen ." — parsed the way
    // a parser can go wrong, with "the governor in Tromsø" as the subject of "to discuss", so no
    // place hangs on the trigger or lies in its clause, and the sentence names two.
    private const string MeetGovernorInTromso =
        "The|the|DET|2|det mayor|mayor|NOUN|3|nsubj asked|ask|VERB|0|root to|to|PART|5|mark meet|meet|VERB|3|xcomp "
        + "the|the|DET|7|det governor|governor|NOUN|11|nsubj in|in|ADP|9|case Tromsø|Tromsø|PROPN|7|nmod "
        + "to|to|PART|11|mark discuss|discuss|VERB|5|advcl prices|price|NOUN|11|obj in|in|ADP|14|case Bergen|Bergen|PROPN|12|nmod "
        + ".|.|PUNCT|3|punct";

    [Theory]
    [InlineData(true, "p1")]
    [InlineData(false, null)]
    public void A_place_hung_on_the_target_actor_is_the_place_of_the_event(bool withTarget, string? expected)
    {
        var document = Parsed(MeetGovernorInTromso);
        AddPlace(document, "p1", "Tromsø", 9);
        AddPlace(document, "p2", "Bergen", 14);
        var coded = AddEvent(document, "e1", 0, 3, 5);
        if (withTarget)
        {
            var governor = Words(document, 6, 7);
            document.Events[0] = coded with { Target = new EventArgument(null, "NORGOV", governor.Start, governor.End, governor.Text) };
        }
        Assert.Equal(expected, Assert.Single(Link(document).Events).Place);
    }

    // "The ministers criticised Chile on Monday ." with Chile both the target actor and a place.
    private const string CriticisedChile =
        "The|the|DET|2|det ministers|minister|NOUN|3|nsubj criticised|criticise|VERB|0|root Chile|Chile|PROPN|3|obj "
        + "on|on|ADP|6|case Monday|Monday|PROPN|3|obl .|.|PUNCT|3|punct";

    [Theory]
    [InlineData("111", 3, null)]   // criticise: Chile took part, the criticism is not located there
    [InlineData("042", 1, "p1")]   // make a visit: the place visited is where it happened
    [InlineData("190", 4, "p1")]   // conventional force: what was attacked is where
    [InlineData("163", 4, null)]   // sanctions: material, but imposed from afar
    public void A_place_named_as_an_actor_locates_material_events_and_visits_only(string code, int quad, string? expected)
    {
        var document = Parsed(CriticisedChile);
        AddPlace(document, "p1", "Chile", 4);
        AddTime(document, 6, 6, "2023-03-13");
        var coded = AddEvent(document, "e1", 0, 3, 3);
        var chile = Words(document, 4, 4);
        document.Events[0] = coded with
        {
            Code = code, Root = code[..2], Quad = quad,
            Target = new EventArgument(null, "CHL", chile.Start, chile.End, chile.Text),
        };
        var linked = Assert.Single(Link(document).Events);
        Assert.Equal(expected, linked.Place);
        Assert.Equal("2023-03-13", linked.Date);
    }

    [Theory]
    [InlineData(true, null)]
    [InlineData(false, "p1")]
    public void A_place_word_that_names_an_actor_elsewhere_in_the_sentence_does_not_locate_a_statement(bool chileIsActor, string? expected)
    {
        // "The ministers criticised Chile on Monday ." coded with no target: the place word still
        // names an actor of the article, so it says who, not where.
        var document = Parsed(CriticisedChile);
        AddPlace(document, "p1", "Chile", 4);
        if (chileIsActor)
        {
            document.Actors.Add(new Actor { Id = "a1", Name = "Chile", Code = "CHL", Mentions = [Words(document, 4, 4)] });
        }
        var coded = AddEvent(document, "e1", 0, 3, 3);
        document.Events[0] = coded with { Code = "111", Root = "11", Quad = 3 };
        Assert.Equal(expected, Assert.Single(Link(document).Events).Place);
    }

    [Fact]
    public void Two_places_elsewhere_in_the_sentence_are_ambiguous()
    {
        // "Farmers protested after prices fell in Lyon and Dijon ."
        var document = Parsed(
            "Farmers|farmer|NOUN|2|nsubj protested|protest|VERB|0|root after|after|SCONJ|5|mark prices|price|NOUN|5|nsubj "
            + "fell|fall|VERB|2|advcl in|in|ADP|7|case Lyon|Lyon|PROPN|5|obl and|and|CCONJ|9|cc Dijon|Dijon|PROPN|7|conj .|.|PUNCT|2|punct");
        AddPlace(document, "p1", "Lyon", 7);
        AddPlace(document, "p2", "Dijon", 9);
        AddEvent(document, "e1", 0, 2, 2);
        Assert.Null(Assert.Single(Link(document).Events).Place);
    }

    [Fact]
    public void The_only_place_of_the_sentence_is_taken_when_nothing_closer_states_one()
    {
        // "Farmers protested after prices fell in Lyon ."
        var document = Parsed(
            "Farmers|farmer|NOUN|2|nsubj protested|protest|VERB|0|root after|after|SCONJ|5|mark prices|price|NOUN|5|nsubj "
            + "fell|fall|VERB|2|advcl in|in|ADP|7|case Lyon|Lyon|PROPN|5|obl .|.|PUNCT|2|punct");
        AddPlace(document, "p1", "Lyon", 7);
        AddEvent(document, "e1", 0, 2, 2);
        Assert.Equal("p1", Assert.Single(Link(document).Events).Place);
    }

    [Fact]
    public void A_place_the_coder_attached_is_kept()
    {
        var document = Parsed(MetInOsloOnFriday);
        AddPlace(document, "p1", "Oslo", 7);
        AddEvent(document, "e1", 0, 3, 3, place: "p9");
        Assert.Equal("p9", Assert.Single(Link(document).Events).Place);
    }

    [Fact]
    public void A_quotation_lists_the_events_coded_inside_it_and_a_reporting_date_does_not_date_them()
    {
        // “ Rebels attacked the depot , ” the colonel said on Monday .
        var document = Parsed(
            "“|“|PUNCT|3|punct Rebels|rebel|NOUN|3|nsubj attacked|attack|VERB|11|ccomp the|the|DET|5|det depot|depot|NOUN|3|obj "
            + ",|,|PUNCT|3|punct ”|”|PUNCT|3|punct the|the|DET|9|det colonel|colonel|NOUN|11|nsubj said|say|VERB|0|root "
            + "on|on|ADP|12|case Monday|Monday|PROPN|10|obl .|.|PUNCT|10|punct");
        AddTime(document, 12, 12, "2023-03-13");
        AddEvent(document, "e1", 0, 3, 3);
        var words = Words(document, 2, 5);
        document.Quotes.Add(new Quote { Id = "q1", Start = words.Start, End = words.End, Text = words.Text, Kind = "direct" });
        Link(document);
        Assert.Equal(["e1"], document.Quotes[0].Events);
        Assert.Null(document.Events[0].Date);
    }
}
