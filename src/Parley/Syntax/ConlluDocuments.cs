using System.Text;
using Parley.Model;

namespace Parley.Syntax;

/// <summary>
/// Builds Documents with gold tokens and sentences from CoNLL-U, so that taggers, parsers and
/// recognisers can be trained and evaluated on gold tokenisation. The text is the word forms joined
/// by the spacing CoNLL-U records (no space inside a multiword token); token <c>i</c> of the document
/// is word <c>i</c> of the concatenated sentences.
/// </summary>
public static class ConlluDocuments
{
    /// <summary>One document over <paramref name="sentences"/>, each sentence on its own line.</summary>
    public static Document ToDocument(string id, IReadOnlyList<ConlluSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var text = new StringBuilder();
        var tokens = new List<Token>();
        var spans = new Sentence[sentences.Count];
        for (var s = 0; s < sentences.Count; s++)
        {
            if (s > 0)
            {
                text.Append('\n');
            }
            var sentence = sentences[s];
            var first = tokens.Count;
            var sentenceStart = text.Length;
            var m = 0;
            for (var w = 0; w < sentence.Words.Count; w++)
            {
                var word = sentence.Words[w];
                var start = text.Length;
                text.Append(word.Form);
                tokens.Add(new Token(start, text.Length));
                bool spaceAfter;
                while (m < sentence.MultiwordTokens.Count && sentence.MultiwordTokens[m].Last < word.Id)
                {
                    m++;
                }
                if (m < sentence.MultiwordTokens.Count && sentence.MultiwordTokens[m].First <= word.Id)
                {
                    var mwt = sentence.MultiwordTokens[m];
                    spaceAfter = word.Id == mwt.Last && mwt.SpaceAfter;
                }
                else
                {
                    spaceAfter = word.SpaceAfter;
                }
                if (spaceAfter && w < sentence.Words.Count - 1)
                {
                    text.Append(' ');
                }
            }
            var end = tokens.Count > first ? tokens[^1].End : sentenceStart;
            spans[s] = new Sentence(tokens.Count > first ? tokens[first].Start : sentenceStart, end, first, tokens.Count - first);
        }
        var document = new Document(id, text.ToString())
        {
            Tokens = [.. tokens],
            Sentences = spans,
        };
        document.AddLayers(Layers.Tokens | Layers.Sentences);
        return document;
    }

    /// <summary>
    /// The raw text of <paramref name="sentences"/> as a reader would see it — sentences of a paragraph
    /// joined by a space, paragraphs (<c># newpar</c>, <c># newdoc</c>) by a blank line, as the CoNLL 2018
    /// shared task rebuilt it — as a Document with no tokens or sentences, and the gold word spans in it.
    /// </summary>
    public static (Document Document, Token[] GoldWords) ToRawDocument(string id, IReadOnlyList<ConlluSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var gold = ToDocument(id, sentences);
        // Rebuild the text with the gold spans shifted: '\n' between sentences becomes a space or a blank line.
        var text = new StringBuilder(gold.Text.Length + sentences.Count);
        var words = new Token[gold.Tokens.Length];
        var w = 0;
        for (var s = 0; s < sentences.Count; s++)
        {
            if (s > 0)
            {
                text.Append(sentences[s].NewParagraph ? "\n\n" : " ");
            }
            var sentence = gold.Sentences[s];
            var shift = text.Length - sentence.Start;
            text.Append(gold.Text, sentence.Start, sentence.End - sentence.Start);
            for (var t = sentence.FirstToken; t < sentence.EndToken; t++)
            {
                words[w++] = new Token(gold.Tokens[t].Start + shift, gold.Tokens[t].End + shift);
            }
        }
        return (new Document(id, text.ToString()), words);
    }

    /// <summary>
    /// Groups a file's sentences into documents at <c># newdoc</c> boundaries (at most
    /// <paramref name="maxSentences"/> each) and yields each document with its gold sentences.
    /// </summary>
    public static IEnumerable<(Document Document, IReadOnlyList<ConlluSentence> Gold)> ReadDocuments(string path, int maxSentences = 200)
    {
        foreach (var batch in ReadBatches(path, maxSentences))
        {
            yield return (ToDocument(batch.Id, batch.Sentences), batch.Sentences);
        }
    }

    /// <summary>A file's sentences in batches cut at <c># newdoc</c> (at most <paramref name="maxSentences"/> each).</summary>
    public static IEnumerable<(string Id, IReadOnlyList<ConlluSentence> Sentences)> ReadBatches(string path, int maxSentences = 200)
    {
        var batch = new List<ConlluSentence>();
        var n = 0;
        foreach (var sentence in ConlluReader.ReadFile(path))
        {
            if (batch.Count > 0 && (sentence.NewDocument || batch.Count >= maxSentences))
            {
                yield return ($"d{n++}", batch);
                batch = [];
            }
            batch.Add(sentence);
        }
        if (batch.Count > 0)
        {
            yield return ($"d{n}", batch);
        }
    }
}
