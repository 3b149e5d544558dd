using System.Diagnostics;
using Parley.Model;

namespace Parley.Syntax;

/// <summary>
/// Attachment scores of a parser against gold trees, punctuation included: UAS, LAS on the universal
/// relation (the part before ':', as the CoNLL 2018 shared task scores it) and LAS on the full
/// relation with its subtype. Also records how long parsing took, so throughput is measured on the
/// same run.
/// </summary>
public sealed class ParserEvaluation
{
    /// <summary>Words scored.</summary>
    public int Words { get; private set; }

    /// <summary>Words whose head is right.</summary>
    public int CorrectHeads { get; private set; }

    /// <summary>Words whose head and universal relation are right.</summary>
    public int CorrectUniversal { get; private set; }

    /// <summary>Words whose head and full relation (subtype included) are right.</summary>
    public int CorrectFull { get; private set; }

    /// <summary>Seconds spent inside the parser (tagging and reading excluded).</summary>
    public double ParseSeconds { get; private set; }

    /// <summary>Unlabelled attachment score, in percent.</summary>
    public double Uas => Percent(CorrectHeads);

    /// <summary>Labelled attachment score on universal relations, in percent (CoNLL 2018 LAS).</summary>
    public double Las => Percent(CorrectUniversal);

    /// <summary>Labelled attachment score on full relations, in percent.</summary>
    public double FullLas => Percent(CorrectFull);

    /// <summary>Words parsed per second of parsing.</summary>
    public double WordsPerSecond => ParseSeconds > 0 ? Words / ParseSeconds : 0;

    /// <summary>Scores one word. Heads are sentence positions (1-based), 0 for the root.</summary>
    public void Add(int goldHead, string goldRelation, int head, string relation)
    {
        ArgumentNullException.ThrowIfNull(goldRelation);
        ArgumentNullException.ThrowIfNull(relation);
        Words++;
        if (goldHead != head)
        {
            return;
        }
        CorrectHeads++;
        if (string.Equals(goldRelation, relation, StringComparison.Ordinal))
        {
            CorrectFull++;
            CorrectUniversal++;
        }
        else if (Universal(goldRelation).SequenceEqual(Universal(relation)))
        {
            CorrectUniversal++;
        }
    }

    /// <summary>
    /// Parses the CoNLL-U file's sentences on gold tokens and scores them. Tags come from
    /// <paramref name="tag"/> when given (a tagger run on each document, not timed), else from the gold
    /// file.
    /// </summary>
    public static ParserEvaluation Evaluate(ParserModel model, string conlluPath, Action<Document>? tag = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var evaluation = new ParserEvaluation();
        var clock = new Stopwatch();
        foreach (var (document, gold) in ConlluDocuments.ReadDocuments(conlluPath))
        {
            if (tag is null)
            {
                FillGoldTags(document, gold);
            }
            else
            {
                tag(document);
            }
            clock.Start();
            model.Parse(document);
            clock.Stop();
            evaluation.Add(document, gold);
        }
        evaluation.ParseSeconds = clock.Elapsed.TotalSeconds;
        return evaluation;
    }

    /// <summary>Scores a parsed document against the gold sentences it was built from.</summary>
    public void Add(Document document, IReadOnlyList<ConlluSentence> gold)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(gold);
        for (var s = 0; s < gold.Count; s++)
        {
            var sentence = document.Sentences[s];
            var words = gold[s].Words;
            for (var w = 0; w < words.Count; w++)
            {
                var analysis = document.Analyses[sentence.FirstToken + w];
                var head = analysis.Head < 0 ? 0 : analysis.Head - sentence.FirstToken + 1;
                Add(words[w].Head, words[w].Relation, head, analysis.Relation ?? string.Empty);
            }
        }
    }

    /// <summary>Sets the document's analyses to the gold tags and lemmas, with no heads yet.</summary>
    public static void FillGoldTags(Document document, IReadOnlyList<ConlluSentence> gold)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(gold);
        var analyses = new TokenAnalysis[document.Tokens.Length];
        var i = 0;
        foreach (var sentence in gold)
        {
            foreach (var word in sentence.Words)
            {
                analyses[i++] = new TokenAnalysis(word.Upos, word.Xpos, word.Lemma, -1, string.Empty);
            }
        }
        document.Analyses = analyses;
        document.AddLayers(Layers.Tags);
    }

    /// <inheritdoc />
    public override string ToString() => ParseSeconds > 0
        ? FormattableString.Invariant($"UAS {Uas:F2}  LAS {Las:F2}  full LAS {FullLas:F2}  ({Words} words, {WordsPerSecond:F0} words/s)")
        : FormattableString.Invariant($"UAS {Uas:F2}  LAS {Las:F2}  full LAS {FullLas:F2}  ({Words} words)");

    private double Percent(int correct) => Words == 0 ? 0 : 100.0 * correct / Words;

    private static ReadOnlySpan<char> Universal(string relation)
    {
        var colon = relation.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? relation : relation.AsSpan(0, colon);
    }
}
