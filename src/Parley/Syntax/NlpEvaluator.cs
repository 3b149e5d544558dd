using System.Diagnostics;
using Parley.Entities;
using Parley.Model;
using Parley.Processing;

namespace Parley.Syntax;

/// <summary>
/// Scores a pipeline against gold CoNLL-U (and optionally gold IOB2 entities over the same
/// sentences): builds documents with the gold tokens, runs the pipeline on them, and compares every
/// layer the pipeline produced — UPOS, XPOS and lemma accuracy, UAS and LAS (punctuation included,
/// as CoNLL 2018), exact-span entity precision, recall and F1 — and measures its speed.
/// Scoring goes through an alignment of gold words to predicted tokens by character span, so a
/// pipeline that tokenizes for itself can be scored by the same code once raw-text documents are built.
/// </summary>
public static class NlpEvaluator
{
    /// <summary>
    /// Runs <paramref name="pipeline"/> over the sentences of <paramref name="goldConllu"/> (grouped
    /// into documents of at most <paramref name="maxSentences"/>) and scores it. With
    /// <paramref name="goldIob2"/>, entities are scored against that file, matched by sentence id.
    /// </summary>
    public static NlpEvaluation Evaluate(string goldConllu, Pipeline pipeline, string? goldIob2 = null, int maxSentences = 200)
    {
        ArgumentNullException.ThrowIfNull(goldConllu);
        ArgumentNullException.ThrowIfNull(pipeline);
        var goldEntities = goldIob2 is null ? null : GoldEntities.ReadById(goldIob2);
        var tally = new Tally();
        var documents = new List<(Document Document, IReadOnlyList<ConlluSentence> Gold, Token[] GoldSpans)>();
        foreach (var (document, gold) in ConlluDocuments.ReadDocuments(goldConllu, maxSentences))
        {
            documents.Add((document, gold, (Token[])document.Tokens.Clone()));
        }
        // Timed apart from reading and scoring, so the figure is the pipeline's own speed.
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        foreach (var item in documents)
        {
            pipeline.Process(item.Document);
        }
        clock.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        foreach (var (document, gold, spans) in documents)
        {
            tally.Tokens += document.Tokens.Length;
            Score(gold, spans, document, goldEntities, tally);
        }
        return new NlpEvaluation
        {
            Stages = pipeline.StageNames,
            Sentences = tally.Sentences,
            GoldWords = tally.Words,
            AlignedWords = tally.Aligned,
            HasTags = tally.HasTags,
            UposCorrect = tally.Upos,
            XposCorrect = tally.Xpos,
            LemmaCorrect = tally.Lemma,
            HasDependencies = tally.HasDependencies,
            HeadCorrect = tally.Head,
            LabeledCorrect = tally.Labeled,
            FullLabeledCorrect = tally.FullLabeled,
            HasEntities = goldEntities is not null && tally.HasEntities,
            EntityCounts = tally.Entities,
            Tokens = tally.Tokens,
            Seconds = clock.Elapsed.TotalSeconds,
            CpuSeconds = cpu.TotalSeconds,
        };
    }

    /// <summary>
    /// For each gold word span, the index of the predicted token with exactly that span, or -1.
    /// Both arrays are in text order. This is the seam for raw-text evaluation: with a tokenizer in
    /// the pipeline, words it split or merged differently stay unaligned and count as errors.
    /// </summary>
    public static int[] Align(ReadOnlySpan<Token> gold, ReadOnlySpan<Token> predicted)
    {
        var map = new int[gold.Length];
        var p = 0;
        for (var g = 0; g < gold.Length; g++)
        {
            while (p < predicted.Length && predicted[p].Start < gold[g].Start)
            {
                p++;
            }
            map[g] = p < predicted.Length && predicted[p].Start == gold[g].Start && predicted[p].End == gold[g].End ? p : -1;
        }
        return map;
    }

    private static void Score(IReadOnlyList<ConlluSentence> gold, Token[] goldSpans, Document document,
        Dictionary<string, Iob2Sentence>? goldEntities, Tally tally)
    {
        var map = Align(goldSpans, document.Tokens);
        var analyses = document.Analyses;
        var hasTags = document.Layers.HasFlag(Layers.Tags) && analyses.Length == document.Tokens.Length;
        var hasDependencies = document.Layers.HasFlag(Layers.Dependencies) && analyses.Length == document.Tokens.Length;
        var hasEntities = document.Layers.HasFlag(Layers.Entities);
        tally.HasTags |= hasTags;
        tally.HasDependencies |= hasDependencies;
        tally.HasEntities |= hasEntities;
        var predictedSpans = hasEntities ? PredictedSpans(document) : null;
        var offset = 0;
        foreach (var sentence in gold)
        {
            tally.Sentences++;
            for (var w = 0; w < sentence.Words.Count; w++)
            {
                var word = sentence.Words[w];
                tally.Words++;
                var t = map[offset + w];
                if (t < 0)
                {
                    continue;
                }
                tally.Aligned++;
                if (hasTags)
                {
                    var a = analyses[t];
                    tally.Upos += a.Upos == word.Upos ? 1 : 0;
                    tally.Xpos += a.Xpos == word.Xpos ? 1 : 0;
                    tally.Lemma += a.Lemma == word.Lemma ? 1 : 0;
                }
                if (hasDependencies)
                {
                    var a = analyses[t];
                    var goldHead = word.Head == 0 ? -1 : map[offset + word.Head - 1];
                    var headOk = word.Head == 0 ? a.Head == -1 : goldHead >= 0 && a.Head == goldHead;
                    if (headOk)
                    {
                        tally.Head++;
                        tally.Labeled += Universal(a.Relation).SequenceEqual(Universal(word.Relation)) ? 1 : 0;
                        tally.FullLabeled += a.Relation == word.Relation ? 1 : 0;
                    }
                }
            }
            if (goldEntities is not null && sentence.SentenceId is not null && goldEntities.TryGetValue(sentence.SentenceId, out var iob))
            {
                var goldSet = new HashSet<(int, int, EntityType)>();
                foreach (var (first, count, type) in GoldEntities.OnWords(iob, sentence.Words))
                {
                    // Gold spans in token indices of the document, through the alignment.
                    var a = map[offset + first];
                    var b = map[offset + first + count - 1];
                    goldSet.Add(a >= 0 && b >= 0 ? (a, b - a + 1, type) : (-1 - offset - first, count, type));
                    tally.Count(type, 0, 0, 1);
                }
                if (predictedSpans is not null)
                {
                    var firstToken = map[offset] >= 0 ? map[offset] : int.MaxValue;
                    var lastToken = map[offset + sentence.Words.Count - 1];
                    foreach (var span in predictedSpans)
                    {
                        if (span.First >= firstToken && span.First <= lastToken)
                        {
                            tally.Count(span.Type, goldSet.Contains(span) ? 1 : 0, 1, 0);
                        }
                    }
                }
            }
            offset += sentence.Words.Count;
        }
    }

    private static List<(int First, int Count, EntityType Type)> PredictedSpans(Document document)
    {
        var spans = new List<(int, int, EntityType)>(document.Entities.Length);
        foreach (var entity in document.Entities)
        {
            spans.Add((entity.FirstToken, entity.TokenCount, entity.Type));
        }
        return spans;
    }

    private static ReadOnlySpan<char> Universal(string relation)
    {
        var colon = relation.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? relation : relation.AsSpan(0, colon);
    }

    private sealed class Tally
    {
        public long Sentences, Words, Aligned, Upos, Xpos, Lemma, Head, Labeled, FullLabeled, Tokens;
        public bool HasTags, HasDependencies, HasEntities;
        public readonly Dictionary<EntityType, (long Correct, long Predicted, long Gold)> Entities = [];

        public void Count(EntityType type, long correct, long predicted, long gold)
        {
            var (c, p, g) = Entities.GetValueOrDefault(type);
            Entities[type] = (c + correct, p + predicted, g + gold);
        }
    }
}
