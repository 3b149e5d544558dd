using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Parley.Model;
using Parley.Syntax;

namespace Parley.Text;

/// <summary>
/// Scores <see cref="EwtTokenizer"/> and <see cref="EwtSentenceSplitter"/> on a gold CoNLL-U file the
/// way the CoNLL 2018 shared task scored segmentation: rebuild the raw text from the file, segment
/// it, and count produced spans that match gold spans exactly.
/// </summary>
/// <remarks>
/// The raw text is rebuilt like the shared task's: the surface tokens of a sentence are joined with
/// one space unless the token carries <c>SpaceAfter=No</c>; sentences of one paragraph are joined
/// with one space (whatever the last token's <c>SpaceAfter</c>); a sentence that opens a paragraph
/// (<c># newpar</c>) or a document (<c># newdoc</c>) is preceded by a blank line (<c>"\n\n"</c>).
/// The gold words of a multiword token are placed inside its span by concatenating their forms;
/// when the forms do not spell the token, its first word gets the whole span and the others none.
/// </remarks>
public static class SegmentEvaluator
{
    /// <summary>Scores the shared tokenizer and splitter on the CoNLL-U file at <paramref name="conlluPath"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">The file is not valid CoNLL-U.</exception>
    public static SegmentScores Evaluate(string conlluPath)
    {
        ArgumentNullException.ThrowIfNull(conlluPath);
        using var reader = new StreamReader(conlluPath);
        return Evaluate(reader, conlluPath, EwtTokenizer.Default, EwtSentenceSplitter.Default);
    }

    /// <summary>Scores <paramref name="tokenizer"/> and <paramref name="splitter"/> on CoNLL-U read from <paramref name="reader"/>.</summary>
    /// <param name="reader">The gold CoNLL-U.</param>
    /// <param name="source">A name for the input, shown in the scores.</param>
    /// <param name="tokenizer">The tokenizer to score.</param>
    /// <param name="splitter">The sentence splitter to score.</param>
    public static SegmentScores Evaluate(TextReader reader, string source, EwtTokenizer tokenizer, EwtSentenceSplitter splitter)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(splitter);
        var gold = Rebuild(reader);
        var text = gold.Text;

        var words = new List<Token>(gold.Words.Count + 16);
        var tokens = new List<TextSpan>(gold.Tokens.Count + 16);
        var sentences = new List<Sentence>(gold.Sentences.Count + 16);
        // The first run warms up the JIT; the fastest of the next three is reported, which keeps
        // the figure stable on a machine shared with other work.
        var seconds = double.MaxValue;
        for (var run = 0; run < 4; run++)
        {
            words.Clear();
            tokens.Clear();
            sentences.Clear();
            var clock = Stopwatch.StartNew();
            tokenizer.Tokenize(text, 0, text.Length, words, tokens);
            splitter.Split(text, CollectionsMarshal.AsSpan(words), [], sentences);
            var elapsed = clock.Elapsed.TotalSeconds;
            if (run > 0)
            {
                seconds = Math.Min(seconds, elapsed);
            }
        }

        var systemWords = new List<TextSpan>(words.Count);
        foreach (var word in words)
        {
            systemWords.Add(word.Span);
        }
        var systemSentences = new List<TextSpan>(sentences.Count);
        foreach (var sentence in sentences)
        {
            systemSentences.Add(sentence.Span);
        }
        return new SegmentScores(
            source, text.Length,
            gold.Tokens.Count, tokens.Count, Matches(gold.Tokens, tokens),
            gold.Words.Count, systemWords.Count, Matches(gold.Words, systemWords),
            gold.Sentences.Count, systemSentences.Count, Matches(gold.Sentences, systemSentences),
            seconds);
    }

    /// <summary>The raw text rebuilt from CoNLL-U, with the gold spans in it.</summary>
    internal sealed record GoldSegmentation(string Text, List<TextSpan> Tokens, List<TextSpan> Words, List<TextSpan> Sentences);

    /// <summary>Rebuilds the raw text and gold spans from CoNLL-U (see the remarks on <see cref="SegmentEvaluator"/>).</summary>
    internal static GoldSegmentation Rebuild(TextReader reader)
    {
        var text = new StringBuilder();
        var tokens = new List<TextSpan>();
        var words = new List<TextSpan>();
        var sentences = new List<TextSpan>();
        foreach (var sentence in ConlluReader.Read(reader))
        {
            if (text.Length > 0)
            {
                text.Append(sentence.NewParagraph ? "\n\n" : " ");
            }
            var sentenceStart = text.Length;
            var sentenceEnd = sentenceStart;
            var m = 0;
            var spaceBefore = false;
            for (var i = 0; i < sentence.Words.Count; i++)
            {
                if (spaceBefore)
                {
                    text.Append(' ');
                }
                var word = sentence.Words[i];
                var start = text.Length;
                if (m < sentence.MultiwordTokens.Count && sentence.MultiwordTokens[m].First == word.Id)
                {
                    var mwt = sentence.MultiwordTokens[m++];
                    text.Append(mwt.Form);
                    var end = text.Length;
                    tokens.Add(new TextSpan(start, end));
                    var position = start;
                    var spelled = true;
                    var firstWord = i;
                    for (; i < sentence.Words.Count && sentence.Words[i].Id <= mwt.Last; i++)
                    {
                        var form = sentence.Words[i].Form;
                        var fits = spelled && position + form.Length <= end
                            && string.CompareOrdinal(mwt.Form, position - start, form, 0, form.Length) == 0;
                        if (!fits)
                        {
                            spelled = false;
                        }
                        words.Add(fits ? new TextSpan(position, position + form.Length) : new TextSpan(end, end));
                        position += fits ? form.Length : 0;
                    }
                    i--;
                    if (!spelled || position != end)
                    {
                        words[words.Count - (i - firstWord + 1)] = new TextSpan(start, end);
                    }
                    spaceBefore = mwt.SpaceAfter;
                    sentenceEnd = end;
                    continue;
                }
                text.Append(word.Form);
                tokens.Add(new TextSpan(start, text.Length));
                words.Add(new TextSpan(start, text.Length));
                spaceBefore = word.SpaceAfter;
                sentenceEnd = text.Length;
            }
            sentences.Add(new TextSpan(sentenceStart, sentenceEnd));
        }
        // Words that could not be placed are empty spans; they count as gold but never match.
        return new GoldSegmentation(text.ToString(), tokens, words, sentences);
    }

    /// <summary>Counts spans of <paramref name="system"/> equal to a span of <paramref name="gold"/>; both sorted by start.</summary>
    internal static int Matches(List<TextSpan> gold, List<TextSpan> system)
    {
        var g = 0;
        var s = 0;
        var matches = 0;
        while (g < gold.Count && s < system.Count)
        {
            var a = gold[g];
            var b = system[s];
            if (a == b)
            {
                if (!a.IsEmpty)
                {
                    matches++;
                }
                g++;
                s++;
            }
            else if (a.Start < b.Start || (a.Start == b.Start && a.End < b.End))
            {
                g++;
            }
            else
            {
                s++;
            }
        }
        return matches;
    }
}
