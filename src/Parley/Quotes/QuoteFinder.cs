using Parley.Model;

namespace Parley.Quotes;

/// <summary>
/// Finds quotations and their speakers in tokenized text: direct quotes between straight or curly
/// double marks (across sentences, and across paragraphs when a paragraph leaves its quote open),
/// partial quotes embedded in a sentence, pull quotes and quoted captions without marks that end in an
/// attribution line ("… in mind. Jane Roe, Harbour Commissioner"), and indirect speech ("officials
/// said …", "He told reporters that …", "according to …").
/// </summary>
/// <remarks>
/// <para>Speakers come from the speech cue's subject, looked for after the closing mark
/// (<c>“…,” Smith said</c>, <c>“…,” said Smith</c>), then before the opening mark
/// (<c>Smith said: “…”</c>). A quote with no cue of its own takes the speaker of the quote before it
/// in the same sentence (<c>“…,” said Smith, “…”</c>), or, when it opens its paragraph, of the quote
/// in the paragraph before (the convention for a statement that runs on), or of an earlier quote in
/// its own paragraph. "he" and "she" resolve to the name that opens one of the two sentences before
/// the cue, else to the last named speaker: a salience rule that stands until coreference is available.</para>
/// <para>Square-bracket insertions (<c>[Okafor]</c>) stay inside the quote; single marks inside double
/// marks are a quote within the quote. Short fragments in marks with no speech cue in their sentence
/// are titles or scare quotes ("parole", "Hope") and are not reported. The instance is stateless.</para>
/// </remarks>
public sealed class QuoteFinder
{
    /// <summary>Kind of a quote that reproduces whole sentences of the speaker.</summary>
    public const string Direct = "direct";
    /// <summary>Kind of a short quoted fragment inside the writer's sentence.</summary>
    public const string Partial = "partial";
    /// <summary>Kind of reported speech without quotation marks.</summary>
    public const string Indirect = "indirect";

    /// <summary>The shared instance.</summary>
    public static QuoteFinder Default { get; } = new();

    /// <summary>Appends the quotations of <paramref name="document"/> to <paramref name="output"/> in text order.</summary>
    public void Find(Document document, List<QuoteMatch> output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        var scan = new QuoteScan(document);
        scan.Run(output);
    }
}
