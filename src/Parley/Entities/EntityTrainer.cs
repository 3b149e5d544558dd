using System.Diagnostics;
using System.Globalization;
using Parley.Learning;
using Parley.Model;
using Parley.Syntax;

namespace Parley.Entities;

/// <summary>
/// Trains the <see cref="EntityModel"/> from CoNLL-U sentences with IOB2 entities over them (Universal
/// NER over UD English-EWT). The words are tagged by the tagger first, so training sees the same
/// predicted tags as recognition will. Deterministic and single-threaded: the same data, epochs and
/// seed give the same model bytes. Every epoch's development F1 goes to the log; the best epoch is
/// kept, and training stops once it has not improved for two epochs.
/// </summary>
public static class EntityTrainer
{
    /// <summary>File name of the model written by the path-based overloads.</summary>
    public const string ModelFileName = "ner-v1.bin";

    /// <summary>
    /// Trains from the corpora folder <paramref name="dataDir"/> (holding <c>ud-english-ewt/</c> and
    /// <c>uner-english-ewt/</c>), tagging with the model at <paramref name="taggerModel"/> and using the
    /// gazetteer TSV at <paramref name="gazetteer"/>; writes <see cref="ModelFileName"/> into <paramref name="outDir"/>.
    /// </summary>
    public static EntityModel TrainFromCorpora(string dataDir, string taggerModel, string gazetteer, string outDir, TextWriter log, int epochs = 15, int seed = 1)
    {
        var ud = Path.Combine(dataDir, "ud-english-ewt");
        var uner = Path.Combine(dataDir, "uner-english-ewt");
        return Train(Path.Combine(ud, "en_ewt-ud-train.conllu"), Path.Combine(uner, "en_ewt-ud-train.iob2"),
            Path.Combine(ud, "en_ewt-ud-dev.conllu"), Path.Combine(uner, "en_ewt-ud-dev.iob2"),
            taggerModel, gazetteer, outDir, epochs, seed, log);
    }

    /// <summary>Trains from files and writes <see cref="ModelFileName"/> into <paramref name="outDir"/> (created if needed).</summary>
    public static EntityModel Train(string trainConllu, string trainIob2, string devConllu, string devIob2,
        string taggerModel, string gazetteer, string outDir, int epochs, int seed, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var tagger = TaggerModel.Load(taggerModel);
        var model = Train(
            [.. ConlluReader.ReadFile(trainConllu)], GoldEntities.ReadById(trainIob2),
            [.. ConlluReader.ReadFile(devConllu)], GoldEntities.ReadById(devIob2),
            tagger, EntityGazetteer.Load(gazetteer), epochs, seed, log.WriteLine);
        Directory.CreateDirectory(outDir);
        var path = Path.Combine(outDir, ModelFileName);
        model.Save(path);
        log.WriteLine($"wrote {path} ({new FileInfo(path).Length:N0} bytes)");
        return model;
    }

    /// <summary>
    /// Trains in memory. Sentences without an entry in the entity maps are skipped. With a null
    /// <paramref name="tagger"/> the gold tags of the CoNLL-U are used as features.
    /// </summary>
    public static EntityModel Train(IReadOnlyList<ConlluSentence> train, IReadOnlyDictionary<string, Iob2Sentence> trainEntities,
        IReadOnlyList<ConlluSentence> dev, IReadOnlyDictionary<string, Iob2Sentence> devEntities,
        TaggerModel? tagger, EntityGazetteer gazetteer, int epochs, int seed, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        var (trainSet, trainDocuments) = Prepare(train, trainEntities, tagger);
        var (devSet, devDocuments) = Prepare(dev, devEntities, tagger);
        log($"ner: {trainSet.Count} training sentences, {devSet.Count} dev sentences, {gazetteer.Entries.Count} gazetteer entries");
        var forms = new List<IReadOnlyList<string>>(train.Count);
        foreach (var sentence in train)
        {
            var words = new string[sentence.Words.Count];
            for (var i = 0; i < words.Length; i++)
            {
                words[i] = sentence.Words[i].Form;
            }
            forms.Add(words);
        }
        var cases = CaseLexicon.Build(forms);
        var trainer = new PerceptronTrainer(EntityTags.Count);
        var scratch = new EntityScratch();
        var order = new int[trainDocuments.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        var random = new Random(seed);
        PerceptronModel? best = null;
        var bestScore = -1.0;
        var bestEpoch = 0;
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            // Documents are shuffled, their sentences kept in order, so the document memory
            // features see what they will see when recognising.
            random.Shuffle(order);
            foreach (var d in order)
            {
                scratch.Memory.Clear();
                foreach (var s in trainDocuments[d])
                {
                    TrainSentence(trainer, trainSet[s].Document, trainSet[s].Gold, gazetteer, cases, scratch);
                }
            }
            var compiled = trainer.Compile();
            var line = $"epoch {epoch}: {clock.Elapsed.TotalSeconds:F1} s, {compiled.FeatureCount:N0} features";
            var score = (double)epoch;
            if (devSet.Count > 0)
            {
                var (p, r, f) = Score(compiled, gazetteer, cases, devSet, devDocuments, scratch);
                line += string.Create(CultureInfo.InvariantCulture, $"; dev P {p:F2} R {r:F2} F1 {f:F2}");
                score = f;
            }
            log(line);
            if (score > bestScore)
            {
                best = compiled;
                bestScore = score;
                bestEpoch = epoch;
            }
            else if (epoch - bestEpoch >= 2)
            {
                log($"stopping: no dev improvement since epoch {bestEpoch}");
                break;
            }
        }
        log($"kept epoch {bestEpoch}");
        return new EntityModel(best!, gazetteer, cases);
    }

    private static void TrainSentence(PerceptronTrainer trainer, Document document, int[] gold, EntityGazetteer gazetteer, CaseLexicon cases, EntityScratch scratch)
    {
        var count = gold.Length;
        EntityFeatures.Prepare(document, 0, count, gazetteer, cases, scratch);
        int prev1 = -1, prev2 = -1;
        for (var i = 0; i < count; i++)
        {
            var n = EntityFeatures.Extract(document, 0, count, i, prev1, prev2, scratch);
            var features = scratch.Features.AsSpan(0, n);
            trainer.Score(features, scratch.Scores);
            var guess = EntityModel.Best(scratch.Scores, prev1, i == count - 1);
            trainer.Update(features, gold[i], guess);
            trainer.NextInstance();
            scratch.Classes[i] = guess;
            // Follow the gold path while it is valid, so later decisions learn from right histories
            // (measured: better than following the model's own guesses).
            var next = EntityTags.Allowed(prev1, gold[i], i == count - 1) ? gold[i] : guess;
            prev2 = prev1;
            prev1 = next;
        }
        // The document memory holds what the model guessed, as it will when recognising.
        scratch.Remember(count, scratch.Classes);
    }

    private static (double P, double R, double F) Score(PerceptronModel model, EntityGazetteer gazetteer, CaseLexicon cases, List<(Document Document, int[] Gold)> set, List<List<int>> documents, EntityScratch scratch)
    {
        long correct = 0, predicted = 0, gold = 0;
        var found = new List<EntityMention>();
        var expected = new List<EntityMention>();
        foreach (var sentences in documents)
        {
            scratch.Memory.Clear();
            foreach (var s in sentences)
            {
                var (document, tags) = set[s];
                var count = tags.Length;
                EntityModel.Decode(model, null, gazetteer, cases, document, 0, count, scratch);
                scratch.Remember(count, scratch.Classes);
                found.Clear();
                expected.Clear();
                EntityModel.AddMentions(document, 0, count, scratch.Classes, found);
                EntityModel.AddMentions(document, 0, count, tags, expected);
                predicted += found.Count;
                gold += expected.Count;
                foreach (var mention in found)
                {
                    correct += expected.Contains(mention) ? 1 : 0;
                }
            }
        }
        var precision = predicted > 0 ? 100.0 * correct / predicted : 0;
        var recall = gold > 0 ? 100.0 * correct / gold : 0;
        return (precision, recall, precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0);
    }

    /// <summary>The sentences with their gold classes, and the sentence indices of each document (split at <c># newdoc</c>).</summary>
    private static (List<(Document Document, int[] Gold)> Sentences, List<List<int>> Documents) Prepare(IReadOnlyList<ConlluSentence> sentences, IReadOnlyDictionary<string, Iob2Sentence> entities, TaggerModel? tagger)
    {
        var list = new List<(Document Document, int[] Gold)>(sentences.Count);
        var documents = new List<List<int>>();
        foreach (var sentence in sentences)
        {
            if (sentence.SentenceId is null || !entities.TryGetValue(sentence.SentenceId, out var iob))
            {
                continue;
            }
            if (sentence.NewDocument || documents.Count == 0)
            {
                documents.Add([]);
            }
            documents[^1].Add(list.Count);
            var document = ConlluDocuments.ToDocument("s", [sentence]);
            if (tagger is not null)
            {
                document.Analyses = tagger.Analyze(document);
            }
            else
            {
                var analyses = new TokenAnalysis[sentence.Words.Count];
                for (var i = 0; i < analyses.Length; i++)
                {
                    var word = sentence.Words[i];
                    analyses[i] = new TokenAnalysis(word.Upos, word.Xpos, word.Lemma, -1, "");
                }
                document.Analyses = analyses;
            }
            document.AddLayers(Layers.Tags);
            var spans = GoldEntities.OnWords(iob, sentence.Words);
            list.Add((document, EntityTags.Encode(sentence.Words.Count, spans)));
        }
        return (list, documents);
    }
}
