using Parley.Model;
using Parley.Processing;
using Parley.Quotes;

namespace Parley.Linking;

/// <summary>
/// Gives each coded event the place and the date stated with it, and each quotation the events coded
/// inside it. A place or date is taken, in order of preference, from an oblique or nominal modifier of
/// the event's predicate ("met in Geneva on March 3"), from the predicate's clause, and from the
/// sentence only when the sentence names exactly one; otherwise the event keeps none. The publication
/// date is never used: an undated event stays undated. Places and dates the event coder already
/// attached are kept.
/// </summary>
public sealed class EventLinker : IStage
{
    /// <summary>The stage's versioned name.</summary>
    public const string StageName = "link.v1";

    /// <inheritdoc />
    public string Name => StageName;

    /// <inheritdoc />
    public Layers Requires => Layers.Tokens | Layers.Sentences | Layers.Times | Layers.Events | Layers.Quotes;

    /// <inheritdoc />
    public Layers Provides => Layers.Links;

    /// <inheritdoc />
    public void Process(Document document, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        if (document.Events.Count > 0)
        {
            LinkEvents(document);
        }
        LinkQuotes(document);
        document.AddLayers(Layers.Links);
    }

    private static void LinkEvents(Document document)
    {
        var tokens = document.Tokens;
        // Token -> place id and token -> time index (resolved times only); -1 / null elsewhere.
        var placeAt = new string?[tokens.Length];
        foreach (var place in document.Places)
        {
            foreach (var mention in place.Mentions)
            {
                Mark(tokens, mention.Start, mention.End, place.Id, placeAt);
            }
        }
        var timeAt = new string?[tokens.Length];
        foreach (var time in document.Times)
        {
            if (time.Value is not null)
            {
                Mark(tokens, time.Start, time.End, time.Value, timeAt);
            }
        }
        // Tokens that name an actor: a place named there says who took part ("condemned Russia").
        var actorAt = new string?[tokens.Length];
        foreach (var actor in document.Actors)
        {
            foreach (var mention in actor.Mentions)
            {
                Mark(tokens, mention.Start, mention.End, actor.Id, actorAt);
            }
        }
        var parse = document.Analyses.Length == tokens.Length && tokens.Length > 0 ? new ParseView(document.Analyses) : null;
        for (var e = 0; e < document.Events.Count; e++)
        {
            var coded = document.Events[e];
            if (coded.Sentence < 0 || coded.Sentence >= document.Sentences.Length || (coded.Place is not null && coded.Date is not null))
            {
                continue;
            }
            var sentence = document.Sentences[coded.Sentence];
            var trigger = TriggerTokens(document, sentence, coded.Trigger);
            var predicate = PredicateOf(document, parse, trigger);
            var quoted = InQuote(document, coded.Trigger.Start);
            var target = ArgumentHead(document, parse, sentence, coded.Target);
            var participants = ParticipantsNamedByPlace(coded, actorAt);
            var place = coded.Place ?? Find(document, parse, sentence, trigger, predicate, target, quoted, placeAt, participants);
            var date = coded.Date ?? Find(document, parse, sentence, trigger, predicate, target, quoted, timeAt, default);
            if (!ReferenceEquals(place, coded.Place) || !ReferenceEquals(date, coded.Date))
            {
                document.Events[e] = coded with { Place = place, Date = date };
            }
        }
    }

    // The words that name the event's actors and any other actor, when a place named there says who
    // took part rather than where: in a verbal event ("Russia was condemned … and its participation
    // suspended", "Kenya said") the country is a participant, and the statement is not located in it.
    // In a material event ("shelled Kharkiv") and in a visit ("visited Kyiv", "Norway hosted …") the
    // place named as an actor is where it happened, so nothing is excluded. A place attached to the
    // predicate ("criticised Chile in Geneva") is taken either way.
    private static Participants ParticipantsNamedByPlace(CodedEvent coded, string?[] actorAt)
    {
        // Reducing relations (16: sanctions, suspensions, cut ties) is material in QuadClass but done
        // from afar: "suspended Russia's membership" did not happen in Russia.
        var material = coded.Quad is 2 or 4 && coded.Root != "16";
        var visit = coded.Code.StartsWith("042", StringComparison.Ordinal) || coded.Code.StartsWith("043", StringComparison.Ordinal);
        return material || visit ? default : new Participants(coded.Source, coded.Target, actorAt);
    }

    // Predicate first (its head word, then the trigger's other words: "asked to visit … in
    // Lagos"), then the target actor's own modifier ("to see the envoy in Lagos", however the parser
    // hung the phrase), then its clause, then the sentence when it holds exactly one value on the same
    // side of any quotation marks as the event (a date of the reporting is not the date of what is quoted).
    // Values inside the excluded participants are not taken from the clause or the sentence.
    private static string? Find(Document document, ParseView? parse, Sentence sentence, (int First, int End) trigger, int predicate,
        int target, bool quoted, string?[] valueAt, Participants excluded)
    {
        if (parse is not null && predicate >= 0)
        {
            var skip = excluded.ActorAt is null ? NothingSkipped : t => excluded.Contains(document.Tokens, t);
            var attached = parse.AttachedTo(predicate, valueAt, sentence, skip);
            for (var t = trigger.First; attached is null && t < trigger.End; t++)
            {
                attached = t == predicate ? null : parse.AttachedTo(t, valueAt, sentence, skip);
            }
            if (attached is null && target >= 0)
            {
                attached = parse.AttachedTo(target, valueAt, sentence, skip);
            }
            if (attached is not null)
            {
                return attached;
            }
            var clause = parse.ClauseOf(predicate, sentence);
            attached = clause == predicate ? null : parse.AttachedTo(clause, valueAt, sentence, skip);
            if (attached is not null)
            {
                return attached;
            }
            var inClause = parse.NearestInClause(clause, predicate, valueAt, sentence, skip);
            if (inClause is not null)
            {
                return inClause;
            }
        }
        string? only = null;
        for (var t = sentence.FirstToken; t < sentence.EndToken; t++)
        {
            var value = valueAt[t];
            if (value is null || InQuote(document, document.Tokens[t].Start) != quoted || excluded.Contains(document.Tokens, t))
            {
                continue;
            }
            if (only is not null && !string.Equals(only, value, StringComparison.Ordinal))
            {
                return null; // Two different places or dates: ambiguous, so none.
            }
            only = value;
        }
        return only;
    }

    // The tokens of the trigger span, [First, End); empty when none lies inside it.
    private static (int First, int End) TriggerTokens(Document document, Sentence sentence, Mention trigger)
    {
        int first = -1, end = -1;
        for (var t = sentence.FirstToken; t < sentence.EndToken; t++)
        {
            var token = document.Tokens[t];
            if (token.Start >= trigger.Start && token.End <= trigger.End)
            {
                if (first < 0)
                {
                    first = t;
                }
                end = t + 1;
            }
        }
        return first < 0 ? (0, 0) : (first, end);
    }

    // The head word of an event argument's span (the token whose head lies outside it), or -1.
    private static int ArgumentHead(Document document, ParseView? parse, Sentence sentence, EventArgument? argument)
    {
        if (parse is null || argument is null)
        {
            return -1;
        }
        var first = -1;
        for (var t = sentence.FirstToken; t < sentence.EndToken; t++)
        {
            var token = document.Tokens[t];
            if (token.Start < argument.Start || token.End > argument.End)
            {
                continue;
            }
            first = first < 0 ? t : first;
            var head = parse.Head(t);
            if (head < 0 || document.Tokens[head].Start < argument.Start || document.Tokens[head].End > argument.End)
            {
                return t;
            }
        }
        return first;
    }

    // The trigger's head word: the token of the trigger span whose head lies outside it.
    private static int PredicateOf(Document document, ParseView? parse, (int First, int End) trigger)
    {
        if (trigger.End == trigger.First)
        {
            return -1;
        }
        for (var t = trigger.First; parse is not null && t < trigger.End; t++)
        {
            var head = parse.Head(t);
            if (head < trigger.First || head >= trigger.End)
            {
                return t;
            }
        }
        return trigger.First;
    }

    private static bool InQuote(Document document, int offset)
    {
        foreach (var quote in document.Quotes)
        {
            if (quote.Kind != QuoteFinder.Indirect && offset >= quote.Start && offset < quote.End)
            {
                return true;
            }
        }
        return false;
    }

    private static void Mark(Token[] tokens, int start, int end, string value, string?[] at)
    {
        // Tokens are in text order: binary search for the first token ending after start.
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (tokens[mid].End <= start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        for (var t = lo; t < tokens.Length && tokens[t].Start < end; t++)
        {
            at[t] ??= value;
        }
    }

    private static void LinkQuotes(Document document)
    {
        if (document.Quotes.Count == 0)
        {
            return;
        }
        for (var q = 0; q < document.Quotes.Count; q++)
        {
            var quote = document.Quotes[q];
            List<string>? inside = null;
            foreach (var coded in document.Events)
            {
                if (coded.Trigger.Start >= quote.Start && coded.Trigger.End <= quote.End)
                {
                    (inside ??= []).Add(coded.Id);
                }
            }
            if (inside is not null)
            {
                document.Quotes[q] = quote with { Events = inside };
            }
        }
    }

    private static readonly Func<int, bool> NothingSkipped = _ => false;

    // The source and target spans of an event and the tokens naming actors, or none (default).
    private readonly record struct Participants(EventArgument? Source, EventArgument? Target, string?[]? ActorAt)
    {
        public bool Contains(Token[] tokens, int t) =>
            ActorAt is not null && (ActorAt[t] is not null || Within(Source, tokens[t]) || Within(Target, tokens[t]));

        private static bool Within(EventArgument? argument, Token token) =>
            argument is not null && token.Start >= argument.Start && token.End <= argument.End;
    }
}
