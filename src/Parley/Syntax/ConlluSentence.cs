namespace Parley.Syntax;

/// <summary>A CoNLL-U sentence: its comments of interest, words and multiword tokens. Empty nodes are dropped.</summary>
public sealed class ConlluSentence
{
    /// <summary>The <c># sent_id</c> comment, or null.</summary>
    public string? SentenceId { get; init; }
    /// <summary>The <c># text</c> comment, or null.</summary>
    public string? Text { get; init; }
    /// <summary>True when a <c># newdoc</c> comment opens the sentence.</summary>
    public bool NewDocument { get; init; }
    /// <summary>True when a <c># newpar</c> comment opens the sentence (or it opens a document).</summary>
    public bool NewParagraph { get; init; }
    /// <summary>The words in order.</summary>
    public required IReadOnlyList<ConlluWord> Words { get; init; }
    /// <summary>Multiword tokens in order.</summary>
    public IReadOnlyList<ConlluMultiwordToken> MultiwordTokens { get; init; } = [];

    /// <summary>
    /// The surface tokens in order: a multiword token stands for its words. Each item gives the form
    /// and whether a space follows it.
    /// </summary>
    public IEnumerable<(string Form, bool SpaceAfter)> SurfaceTokens()
    {
        var m = 0;
        for (var i = 0; i < Words.Count; i++)
        {
            var word = Words[i];
            if (m < MultiwordTokens.Count && MultiwordTokens[m].First == word.Id)
            {
                var mwt = MultiwordTokens[m++];
                yield return (mwt.Form, mwt.SpaceAfter);
                while (i + 1 < Words.Count && Words[i + 1].Id <= mwt.Last)
                {
                    i++;
                }
                continue;
            }
            yield return (word.Form, word.SpaceAfter);
        }
    }
}
