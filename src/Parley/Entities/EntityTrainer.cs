using System.Diagnostics;
using System.Globalization;
using Parley.Learning;
using Parley.Model;
using Parley.Syntax;

namespace Parley.Entities;

/// <summary>
/// Trains the <see cref="EntityModel"/> from CoNLL-U sentences with IOB2 entities over them (Universal
/// NER over UD English-EWT). The words are tagged first, by a tagger model or by taggers that never saw
/// them (jackknifing), so training sees predicted tags. Each sentence is decoded whole (Viterbi) and the weights
/// learn from the differences between the best and the gold sequence (a structured perceptron).
/// Deterministic and single-threaded: the same data, epochs and seed give the same model bytes. Every
/// epoch's development F1 goes to the log; the best epoch is chosen, training stops once it has not
/// improved for <see cref="Patience"/> epochs, and the final weights are trained again on training
/// and development sentences together for the chosen number of epochs.
/// </summary>
public static class EntityTrainer
{
    /// <summary>File name of the model written by the path-based overloads.</summary>
    public const string ModelFileName = "ner-v1.bin";

    /// <summary>Folds of the jackknife that tags the sentences the shipped recognizer learns from.</summary>
    public const int DefaultTagFolds = 5;

    /// <summary>
    /// Trains from the corpora folder <paramref name="dataDir"/> (holding <c>ud-english-ewt/</c> and
    /// <c>uner-english-ewt/</c>) with the gazetteer TSV at <paramref name="gazetteer"/>; writes
    /// <see cref="ModelFileName"/> into <paramref name="outDir"/>. The sentences are tagged as
    /// <see cref="Train(string, string, string, string, string?, string, string, int, int, TextWriter, int, WordClusters?, string?, bool, int)"/>
    /// says. Word classes come from <paramref name="clustersPath"/>, by default <see cref="WordClusters.FileName"/>
    /// in <paramref name="outDir"/> when it exists (built by <see cref="WordClusters.BuildFromCorpora"/>).
    /// <paramref name="placesGazetteer"/>, when given, is the places gazetteer whose names join the
    /// gazetteer (<see cref="EntityGazetteer.PlaceEntries"/>). With <paramref name="retrainWithDev"/>
    /// false the model written is the one trained on train alone, as scored on dev.
    /// </summary>
    public static EntityModel TrainFromCorpora(string dataDir, string gazetteer, string outDir, TextWriter log, int epochs = 25, int seed = 1,
        int tagFolds = DefaultTagFolds, string? taggerModel = null, string? clustersPath = null, string? placesGazetteer = null, bool retrainWithDev = true, int seeds = 1)
    {
        ArgumentNullException.ThrowIfNull(log);
        clustersPath ??= Path.Combine(outDir, WordClusters.FileName);
        var clusters = File.Exists(clustersPath) ? WordClusters.Load(clustersPath) : WordClusters.Empty;
        log.WriteLine($"word classes: {clusters.Count} words");
        var ud = Path.Combine(dataDir, "ud-english-ewt");
        var uner = Path.Combine(dataDir, "uner-english-ewt");
        return Train(Path.Combine(ud, "en_ewt-ud-train.conllu"), Path.Combine(uner, "en_ewt-ud-train.iob2"),
            Path.Combine(ud, "en_ewt-ud-dev.conllu"), Path.Combine(uner, "en_ewt-ud-dev.iob2"),
            taggerModel, gazetteer, outDir, epochs, seed, log, tagFolds, clusters, placesGazetteer, retrainWithDev, seeds);
    }

    /// <summary>
    /// Trains from files and writes <see cref="ModelFileName"/> into <paramref name="outDir"/> (created if needed).
    /// With <paramref name="tagFolds"/> of 2 or more, the training and development sentences together
    /// are tagged by jackknifing (<see cref="JackknifeTagging"/>): each by a tagger trained on the
    /// other folds, never on it, so the recognizer learns, chooses its epochs and is retrained on tags
    /// as wrong as they will be on new text, whichever sentences the shipped tagger learned from.
    /// Otherwise the tagger at <paramref name="taggerModel"/> tags them (gold tags when null).
    /// <paramref name="clusters"/> are the word classes behind the class features (none when null);
    /// <paramref name="placesGazetteer"/> adds the place names of the places gazetteer at that path.
    /// <paramref name="retrainWithDev"/> false keeps the model trained on train alone.
    /// </summary>
    public static EntityModel Train(string trainConllu, string trainIob2, string devConllu, string devIob2,
        string? taggerModel, string gazetteer, string outDir, int epochs, int seed, TextWriter log, int tagFolds = DefaultTagFolds, WordClusters? clusters = null, string? placesGazetteer = null, bool retrainWithDev = true, int seeds = 1)
    {
        ArgumentNullException.ThrowIfNull(log);
        IReadOnlyList<ConlluSentence> train = [.. ConlluReader.ReadFile(trainConllu)];
        IReadOnlyList<ConlluSentence> dev = [.. ConlluReader.ReadFile(devConllu)];
        TaggerModel? tagger = null;
        var names = EntityGazetteer.Load(gazetteer, placesGazetteer);
        if (tagFolds >= 2)
        {
            (train, dev) = JackknifeTags(train, dev, tagFolds, seed, log.WriteLine, names);
        }
        else if (taggerModel is not null)
        {
            tagger = TaggerModel.Load(taggerModel);
        }
        var model = Train(
            train, GoldEntities.ReadById(trainIob2),
            dev, GoldEntities.ReadById(devIob2),
            tagger, names, epochs, seed, log.WriteLine, null, clusters, retrainWithDev, seeds);
        Directory.CreateDirectory(outDir);
        var path = Path.Combine(outDir, ModelFileName);
        model.Save(path);
        log.WriteLine($"wrote {path} ({new FileInfo(path).Length:N0} bytes)");
        return model;
    }

    /// <summary>
    /// Copies of <paramref name="train"/> and <paramref name="dev"/> with tags and lemmas predicted by
    /// jackknifing over all their sentences in <paramref name="folds"/> contiguous folds (contiguous, so
    /// that a document's recurring names are not learned from its own other sentences). Every fold's
    /// tagger is trained on the other folds for a fixed number of epochs a pass, about where the
    /// shipped tagger's development score peaks (no development sentences are left to choose them),
    /// and made as the shipped tagger is: with <paramref name="gazetteer"/>, the mean of
    /// <see cref="TaggerTrainer.ShippedSeeds"/> runs, pruned at <see cref="TaggerTrainer.ShippedPruneThreshold"/>.
    /// </summary>
    public static (IReadOnlyList<ConlluSentence> Train, IReadOnlyList<ConlluSentence> Dev) JackknifeTags(
        IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence> dev, int folds, int seed, Action<string> log, EntityGazetteer? gazetteer = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(dev);
        List<ConlluSentence> all = [.. train, .. dev];
        var tagged = JackknifeTagging.Retag(all, folds, rest => TaggerTrainer.Train(rest, [], JackknifeEpochs, seed, _ => { }, gazetteer: gazetteer, seeds: TaggerTrainer.ShippedSeeds).Prune(TaggerTrainer.ShippedPruneThreshold), line => log("ner: " + line));
        var first = new ConlluSentence[train.Count];
        var second = new ConlluSentence[dev.Count];
        for (var s = 0; s < tagged.Count; s++)
        {
            if (s < first.Length)
            {
                first[s] = tagged[s];
            }
            else
            {
                second[s - first.Length] = tagged[s];
            }
        }
        return (first, second);
    }

    /// <summary>
    /// Trains in memory. Sentences without an entry in the entity maps are skipped. With a null
    /// <paramref name="tagger"/> the tags in the CoNLL-U (gold, or predicted by <see cref="JackknifeTags"/>)
    /// are used as features. With
    /// <paramref name="retrainWithDev"/> the returned weights are trained again, from scratch, on the
    /// training and development sentences for the epochs chosen on development.
    /// </summary>
    public static EntityModel Train(IReadOnlyList<ConlluSentence> train, IReadOnlyDictionary<string, Iob2Sentence> trainEntities,
        IReadOnlyList<ConlluSentence> dev, IReadOnlyDictionary<string, Iob2Sentence> devEntities,
        TaggerModel? tagger, EntityGazetteer gazetteer, int epochs, int seed, Action<string> log,
        IReadOnlyList<TokenAnalysis[]>? trainAnalyses = null, WordClusters? clusters = null, bool retrainWithDev = true, int seeds = 1)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        clusters ??= WordClusters.Empty;
        var (trainSet, trainDocuments) = Prepare(train, trainEntities, tagger, trainAnalyses);
        var (devSet, devDocuments) = Prepare(dev, devEntities, tagger, null);
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
        var scratch = new EntityScratch();
        var context = new Context(trainSet, trainDocuments, devSet, devDocuments, gazetteer, cases, clusters, scratch, log);
        ArgumentOutOfRangeException.ThrowIfLessThan(seeds, 1);
        var runs = new (PerceptronModel Model, int Epochs)[seeds];
        for (var k = 0; k < seeds; k++)
        {
            if (seeds > 1)
            {
                log($"ner: run {k + 1} of {seeds}, seed {seed + k}");
            }
            runs[k] = ChooseEpochs(context, epochs, seed + k);
        }
        var best = runs[0].Model;
        var bestScore = -1.0;
        if (seeds > 1)
        {
            best = PerceptronModel.Average(Array.ConvertAll(runs, run => run.Model));
        }
        var outsideBias = 0f;
        if (devSet.Count > 0)
        {
            bestScore = Score(best, gazetteer, cases, clusters, devSet, devDocuments, scratch).F;
            if (seeds > 1)
            {
                log(string.Create(CultureInfo.InvariantCulture, $"mean of {seeds} runs: dev F1 {bestScore:F2}"));
            }
            // The bias towards names is chosen on dev after the weights are fixed; ties keep the smaller.
            foreach (var bias in OutsideBiases)
            {
                var (p, r, f) = Score(best, gazetteer, cases, clusters, devSet, devDocuments, scratch, bias);
                log(string.Create(CultureInfo.InvariantCulture, $"outside bias {bias:F2}: dev P {p:F2} R {r:F2} F1 {f:F2}"));
                if (f > bestScore)
                {
                    bestScore = f;
                    outsideBias = bias;
                }
            }
            log(string.Create(CultureInfo.InvariantCulture, $"kept outside bias {outsideBias:F2}"));
        }
        if (retrainWithDev && devSet.Count > 0)
        {
            // With the epochs and the bias chosen, the final weights learn from the development
            // sentences too, each run in as many epochs as its kept model had.
            List<(Document Document, int[] Gold)> all = [.. trainSet, .. devSet];
            List<List<int>> allDocuments = [.. trainDocuments];
            foreach (var sentences in devDocuments)
            {
                allDocuments.Add(sentences.ConvertAll(s => s + trainSet.Count));
            }
            var again = new PerceptronModel[seeds];
            for (var k = 0; k < seeds; k++)
            {
                var trainer = new PerceptronTrainer(EntityTags.Scored);
                var allOrder = Enumerable.Range(0, allDocuments.Count).ToArray();
                var random = new Random(seed + k);
                for (var epoch = 1; epoch <= runs[k].Epochs; epoch++)
                {
                    RunEpoch(trainer, all, allDocuments, allOrder, random, gazetteer, cases, clusters, scratch);
                }
                log($"retrained on training and development sentences for {runs[k].Epochs} epochs{(seeds > 1 ? $" (seed {seed + k})" : "")}");
                again[k] = trainer.Compile();
            }
            best = seeds > 1 ? PerceptronModel.Average(again) : again[0];
        }
        return new EntityModel(best, gazetteer, cases, clusters, outsideBias);
    }

    private sealed record Context(List<(Document Document, int[] Gold)> TrainSet, List<List<int>> TrainDocuments,
        List<(Document Document, int[] Gold)> DevSet, List<List<int>> DevDocuments,
        EntityGazetteer Gazetteer, CaseLexicon Cases, WordClusters Clusters, EntityScratch Scratch, Action<string> Log);

    // One run on the training sentences: the model of the epoch with the best dev F1 (the last one
    // without dev sentences), stopping once dev has not improved for Patience epochs.
    private static (PerceptronModel Model, int Epochs) ChooseEpochs(Context context, int epochs, int seed)
    {
        var trainer = new PerceptronTrainer(EntityTags.Scored);
        var order = Enumerable.Range(0, context.TrainDocuments.Count).ToArray();
        var random = new Random(seed);
        PerceptronModel? best = null;
        var bestScore = -1.0;
        var bestEpoch = 0;
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            RunEpoch(trainer, context.TrainSet, context.TrainDocuments, order, random, context.Gazetteer, context.Cases, context.Clusters, context.Scratch);
            var compiled = trainer.Compile();
            var line = $"epoch {epoch}: {clock.Elapsed.TotalSeconds:F1} s, {compiled.FeatureCount:N0} features";
            var score = (double)epoch;
            if (context.DevSet.Count > 0)
            {
                var (p, r, f) = Score(compiled, context.Gazetteer, context.Cases, context.Clusters, context.DevSet, context.DevDocuments, context.Scratch);
                line += string.Create(CultureInfo.InvariantCulture, $"; dev P {p:F2} R {r:F2} F1 {f:F2}");
                score = f;
            }
            context.Log(line);
            if (score > bestScore)
            {
                best = compiled;
                bestScore = score;
                bestEpoch = epoch;
            }
            else if (epoch - bestEpoch >= Patience)
            {
                context.Log($"stopping: no dev improvement since epoch {bestEpoch}");
                break;
            }
        }
        context.Log($"kept epoch {bestEpoch}");
        return (best!, bestEpoch);
    }

    // One pass over the documents in a fresh random order, their sentences kept in order, so the
    // document memory features see what they will see when recognising.
    private static void RunEpoch(PerceptronTrainer trainer, List<(Document Document, int[] Gold)> set, List<List<int>> documents, int[] order, Random random, EntityGazetteer gazetteer, CaseLexicon cases, WordClusters clusters, EntityScratch scratch)
    {
        random.Shuffle(order);
        foreach (var d in order)
        {
            scratch.Memory.Clear();
            foreach (var s in documents[d])
            {
                TrainSentence(trainer, set[s].Document, set[s].Gold, gazetteer, cases, clusters, scratch);
            }
        }
    }

    // One structured perceptron step: decode the sentence with the current weights and, where the
    // best sequence differs from the gold one, reward the gold classes and transitions and penalise
    // the predicted ones.
    private static void TrainSentence(PerceptronTrainer trainer, Document document, int[] gold, EntityGazetteer gazetteer, CaseLexicon cases, WordClusters clusters, EntityScratch scratch)
    {
        var count = gold.Length;
        EntityModel.Decode(null, trainer, gazetteer, cases, clusters, document, 0, count, scratch);
        var guess = scratch.Classes;
        var wrong = false;
        for (var i = 0; i < count && !wrong; i++)
        {
            wrong = guess[i] != gold[i];
        }
        if (wrong)
        {
            var features = scratch.Features;
            for (var i = 0; i < count; i++)
            {
                var n = EntityFeatures.Extract(document, 0, count, i, scratch);
                var t = EntityFeatures.ExtractTransitions(count, i, scratch, features.AsSpan(n));
                trainer.Update(features.AsSpan(0, n), gold[i], guess[i]);
                var goldPair = EntityTags.Pair(i == 0 ? -1 : gold[i - 1], gold[i]);
                var guessPair = EntityTags.Pair(i == 0 ? -1 : guess[i - 1], guess[i]);
                trainer.Update(features.AsSpan(n, t), goldPair, guessPair);
            }
        }
        trainer.NextInstance();
        // The document memory holds what the model guessed, as it will when recognising.
        scratch.Remember(count, guess);
    }

    private static readonly float[] OutsideBiases = [0.25f, 0.5f, 1f, 2f, 3f, 4f, 6f, 8f];

    private static (double P, double R, double F) Score(PerceptronModel model, EntityGazetteer gazetteer, CaseLexicon cases, WordClusters clusters, List<(Document Document, int[] Gold)> set, List<List<int>> documents, EntityScratch scratch, float outsideBias = 0)
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
                EntityModel.Decode(model, null, gazetteer, cases, clusters, document, 0, count, scratch, outsideBias);
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

    // Epochs without a better dev score before training stops: the recognizer's dev curve is noisy
    // from epoch to epoch, and two epochs stopped some runs on a dip.
    internal const int Patience = 4;

    // Epochs of each pass of the taggers that tag the folds: about where the full tagger's dev score peaks.
    private const int JackknifeEpochs = 6;

    /// <summary>The sentences with their gold classes, and the sentence indices of each document (split at <c># newdoc</c>).</summary>
    private static (List<(Document Document, int[] Gold)> Sentences, List<List<int>> Documents) Prepare(IReadOnlyList<ConlluSentence> sentences, IReadOnlyDictionary<string, Iob2Sentence> entities, TaggerModel? tagger, IReadOnlyList<TokenAnalysis[]>? given)
    {
        var index = -1;
        var list = new List<(Document Document, int[] Gold)>(sentences.Count);
        var documents = new List<List<int>>();
        foreach (var sentence in sentences)
        {
            index++;
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
            if (given is not null)
            {
                document.Analyses = given[index];
            }
            else if (tagger is not null)
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
