using Parley.Diagnostics;
using Parley.Model;
using Parley.Processing;

namespace Parley.Quotes;

/// <summary>
/// Adds the document's quotations to <see cref="Document.Quotes"/> (ids <c>q1</c>, <c>q2</c> … in text
/// order) with the speaker found by <see cref="QuoteFinder"/>. When <see cref="Document.Actors"/> has a
/// mention overlapping the speaker's words, the quote's <see cref="Quote.Speaker"/> is that actor's id;
/// for a pronoun speaker ("he said"), an actor mention on the pronoun (coreference) wins over the
/// finder's salience guess.
/// A quotation with no speaker is kept, with a <see cref="DiagnosticCodes.QuoteWithoutSpeaker"/> warning.
/// Quotations inside removed spans are left out.
/// </summary>
public sealed class QuoteAttributor : IStage
{
    /// <summary>The versioned stage name.</summary>
    public const string StageName = "quotes.v1";

    private readonly QuoteFinder _finder;

    /// <summary>Creates the stage over the shared finder.</summary>
    public QuoteAttributor()
        : this(QuoteFinder.Default)
    {
    }

    /// <summary>Creates the stage over <paramref name="finder"/>.</summary>
    public QuoteAttributor(QuoteFinder finder)
    {
        ArgumentNullException.ThrowIfNull(finder);
        _finder = finder;
    }

    /// <inheritdoc />
    public string Name => StageName;

    /// <inheritdoc />
    public Layers Requires => Layers.Tokens | Layers.Sentences;

    /// <inheritdoc />
    public Layers Provides => Layers.Quotes;

    /// <inheritdoc />
    public void Process(Document document, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        var matches = new List<QuoteMatch>();
        _finder.Find(document, matches);
        foreach (var match in matches)
        {
            var span = new TextSpan(match.Start, match.End);
            if (document.IsRemoved(span))
            {
                continue;
            }
            string? speakerText = null;
            string? actor = null;
            if (match.HasSpeaker)
            {
                var speakerSpan = new TextSpan(match.SpeakerStart, match.SpeakerEnd);
                speakerText = document.Slice(speakerSpan);
                actor = ActorAt(document, speakerSpan);
                // A mention of an actor on the pronoun itself is coreference from the actors stage,
                // which beats the finder's salience guess.
                if (match.PronounStart >= 0 && ActorAt(document, new TextSpan(match.PronounStart, match.PronounEnd)) is { } coreferent
                    && coreferent != actor)
                {
                    actor = coreferent;
                    speakerText = document.Actors.Find(a => a.Id == coreferent)!.Name;
                }
            }
            var id = "q" + (document.Quotes.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            document.Quotes.Add(new Quote
            {
                Id = id,
                Start = match.Start,
                End = match.End,
                Text = document.Slice(span),
                Kind = match.Kind,
                Speaker = actor,
                SpeakerText = speakerText,
                Cue = match.Cue,
            });
            if (!match.HasSpeaker)
            {
                context.Warn(DiagnosticCodes.QuoteWithoutSpeaker,
                    $"Quotation {id} at {span} has no speaker: no speech cue with a subject was found beside it. Its speaker was left null.", span);
            }
        }
    }

    private static string? ActorAt(Document document, TextSpan span)
    {
        foreach (var actor in document.Actors)
        {
            foreach (var mention in actor.Mentions)
            {
                if (mention.Start < span.End && span.Start < mention.End)
                {
                    return actor.Id;
                }
            }
        }
        return null;
    }
}
