using System.Diagnostics;
using System.Globalization;
using Parley.Learning;
using Parley.Model;

namespace Parley.Syntax;

/// <summary>
/// Trains a <see cref="ParserModel"/> from CoNLL-U treebanks: pseudo-projective lifting of the gold
/// trees, then epochs of averaged-perceptron training over arc-eager transitions with a dynamic oracle
/// (from the second epoch the parser mostly follows its own predictions and learns to recover from
/// its mistakes). After each epoch the averaged model is scored on the dev set; the best one is kept.
/// Single-threaded and deterministic: the same data, epochs and seed give the same model bytes.
/// </summary>
public static class ParserTrainer
{
    /// <summary>File name of the model written by <see cref="TrainFromCorpora"/>.</summary>
    public const string ModelFileName = "parser-v1.bin";

    /// <summary>Epochs <see cref="TrainFromCorpora"/> runs at most; dev LAS picks the one kept.</summary>
    public const int DefaultEpochs = 15;

    /// <summary>Epochs the neural parser (<see cref="ParserTrainingOptions.Neural"/>) runs at most when the caller does not say.</summary>
    public const int DefaultNeuralEpochs = 30;

    private const int DevDocumentSentences = 200;

    // The tagger's own defaults (TaggerTrainer.TrainFromCorpora), so the jackknife taggers are trained
    // as the shipped tagger is.
    private const int TaggerEpochs = 15;

    /// <summary>
    /// Epochs a pass of each jackknife tagger in <see cref="RetrainWithDev"/>, where no development
    /// sentences are left to choose them: about where the shipped tagger's development score peaks.
    /// </summary>
    public const int RetrainTaggerEpochs = 6;

    /// <summary>
    /// Trains the shipped parser from the corpora folder <paramref name="dataDir"/> (holding
    /// <c>ud-english-ewt/</c>) and writes <see cref="ModelFileName"/> into <paramref name="outDir"/>.
    /// With <paramref name="jackknifeFolds"/> of 2 or more, the parser learns from the tags a tagger
    /// predicts rather than gold tags (<see cref="JackknifeTagging"/>), because those are the tags it gets
    /// in the pipeline; the epoch is then chosen on dev tagged by a tagger trained on all of train, as
    /// the shipped one is (or by <paramref name="devTagger"/> when given, which saves training it).
    /// With 0 or 1 fold, gold tags are used throughout. With <paramref name="retrainWithDev"/> the
    /// written model is trained again, from scratch, on train and dev together for the number of epochs
    /// dev chose (see <see cref="RetrainWithDev"/>); otherwise the train-only model is written.
    /// Deterministic for the same corpora and arguments.
    /// </summary>
    public static ParserModel TrainFromCorpora(string dataDir, string outDir, TextWriter log, int jackknifeFolds = 4,
        int epochs = DefaultEpochs, int seed = 1, ParserTrainingOptions? options = null, TaggerModel? devTagger = null, bool retrainWithDev = false)
    {
        ArgumentNullException.ThrowIfNull(dataDir);
        ArgumentNullException.ThrowIfNull(outDir);
        ArgumentNullException.ThrowIfNull(log);
        var ud = Path.Combine(dataDir, "ud-english-ewt");
        IReadOnlyList<ConlluSentence> goldTrain = new List<ConlluSentence>(ConlluReader.ReadFile(Path.Combine(ud, "en_ewt-ud-train.conllu")));
        IReadOnlyList<ConlluSentence> goldDev = new List<ConlluSentence>(ConlluReader.ReadFile(Path.Combine(ud, "en_ewt-ud-dev.conllu")));
        var (train, dev) = (goldTrain, goldDev);
        if (jackknifeFolds >= 2)
        {
            var clock = Stopwatch.StartNew();
            // The taggers' logs are long and say nothing about the parser; only the summary lines go out.
            train = JackknifeTagging.Retag(goldTrain, jackknifeFolds, rest => TaggerTrainer.Train(rest, goldDev, TaggerEpochs, seed, _ => { }), log.WriteLine);
            devTagger ??= TaggerTrainer.Train(goldTrain, goldDev, TaggerEpochs, seed, _ => { });
            dev = JackknifeTagging.Retag(goldDev, devTagger);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"jackknife: train and dev tagged in {clock.Elapsed.TotalSeconds:F0} s; Penn tags as gold: train {TagAgreement(goldTrain, train)}, dev {TagAgreement(goldDev, dev)}"));
        }
        var retrain = retrainWithDev && goldDev.Count > 0;
        if (retrain)
        {
            log.WriteLine("phase 1: train only, dev chooses the epochs");
        }
        var (model, chosenEpochs) = TrainRuns(train, dev, epochs, seed, log, options ?? new ParserTrainingOptions());
        if (retrain)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"phase 2: train and dev, {string.Join(", ", chosenEpochs)} epochs (chosen in phase 1)"));
            model = RetrainRunsWithDev(goldTrain, goldDev, chosenEpochs, jackknifeFolds, seed, log, options);
        }
        Directory.CreateDirectory(outDir);
        var path = Path.Combine(outDir, ModelFileName);
        model.Save(path);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {path} ({new FileInfo(path).Length:N0} bytes)"));
        return model;
    }

    /// <summary>
    /// Trains a parser from scratch on <paramref name="goldTrain"/> and <paramref name="goldDev"/> together
    /// for exactly <paramref name="epochs"/> epochs, keeping the last one (no development sentences are
    /// left to choose with). With <paramref name="jackknifeFolds"/> of 2 or more, the tags come from
    /// jackknifing over all the sentences in that many contiguous folds: each fold is tagged by a tagger
    /// trained on the other folds for <see cref="RetrainTaggerEpochs"/> epochs a pass, about where the
    /// shipped tagger's development score peaks. Otherwise gold tags are used.
    /// </summary>
    public static ParserModel RetrainWithDev(IReadOnlyList<ConlluSentence> goldTrain, IReadOnlyList<ConlluSentence> goldDev, int epochs,
        int jackknifeFolds, int seed, TextWriter log, ParserTrainingOptions? options = null) =>
        RetrainRunsWithDev(goldTrain, goldDev, [epochs], jackknifeFolds, seed, log, (options ?? new ParserTrainingOptions()) with { Seeds = 1 });

    // The retraining of every run (seed + k for epochs[k] epochs), averaged when there are several.
    private static ParserModel RetrainRunsWithDev(IReadOnlyList<ConlluSentence> goldTrain, IReadOnlyList<ConlluSentence> goldDev, int[] epochs,
        int jackknifeFolds, int seed, TextWriter log, ParserTrainingOptions? options)
    {
        ArgumentNullException.ThrowIfNull(goldTrain);
        ArgumentNullException.ThrowIfNull(goldDev);
        ArgumentNullException.ThrowIfNull(log);
        IReadOnlyList<ConlluSentence> all = [.. goldTrain, .. goldDev];
        if (jackknifeFolds >= 2)
        {
            var clock = Stopwatch.StartNew();
            var gold = all;
            all = JackknifeTagging.Retag(gold, jackknifeFolds, rest => TaggerTrainer.Train(rest, [], RetrainTaggerEpochs, seed, _ => { }), log.WriteLine);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"jackknife: train and dev tagged in {clock.Elapsed.TotalSeconds:F0} s; Penn tags as gold: {TagAgreement(gold, all)}"));
        }
        // A checkpoint needs dev scores; with none, the run's one model is the last epoch's.
        options = (options ?? new ParserTrainingOptions()) with { CheckpointPath = null };
        if (epochs.Length == 1)
        {
            return Train(all, null, epochs[0], seed, log, options);
        }
        var runs = RunSeeds(epochs.Length, log, (k, runLog) => Train(all, null, epochs[k], seed + k, runLog, options with { FinalPruneThreshold = 0 }));
        return Final(ParserModel.Average(runs), options);
    }

    /// <summary>
    /// <see cref="TrainChoosingEpochs"/> once, or, with <see cref="ParserTrainingOptions.Seeds"/> of more
    /// than one, once per seed (two at a time on a machine with two cores or more; the result does not
    /// depend on it), the model being the mean of the runs' weights, pruned after the mean is taken.
    /// Also returns each run's chosen number of epochs.
    /// </summary>
    private static (ParserModel Model, int[] Epochs) TrainRuns(IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence>? dev,
        int epochs, int seed, TextWriter log, ParserTrainingOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Seeds, 1);
        if (options.Seeds == 1)
        {
            var (single, chosen) = TrainChoosingEpochs(train, dev, epochs, seed, log, options);
            return (single, [chosen]);
        }
        var kept = new int[options.Seeds];
        var each = options with { FinalPruneThreshold = 0, CheckpointPath = null };
        var runs = RunSeeds(options.Seeds, log, (k, runLog) =>
        {
            var (model, chosen) = TrainChoosingEpochs(train, dev, epochs, seed + k, runLog, each);
            kept[k] = chosen;
            return model;
        });
        var mean = Final(ParserModel.Average(runs), options);
        var devDocuments = BuildDevDocuments(dev);
        if (devDocuments.Count > 0)
        {
            var evaluation = Evaluate(mean, devDocuments);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mean of {options.Seeds} runs: {mean.FeatureCount} features, {ToBytes(mean).Length / 1e6:F1} MB; dev {evaluation}"));
        }
        return (mean, kept);
    }

    // Runs train(k, log) for k = 0 … count - 1, two at a time when there are cores for it; each run's
    // log lines carry its number. The results come back in run order.
    private static ParserModel[] RunSeeds(int count, TextWriter log, Func<int, TextWriter, ParserModel> train) =>
        SeedRuns.Run(count, k =>
        {
            using var runLog = new PrefixedWriter(log, string.Create(CultureInfo.InvariantCulture, $"run {k + 1}: "));
            return train(k, runLog);
        });

    // A writer that hands every whole line, prefixed, to a shared log under a lock.
    private sealed class PrefixedWriter(TextWriter log, string prefix) : TextWriter
    {
        private readonly System.Text.StringBuilder _line = new();

        public override System.Text.Encoding Encoding => log.Encoding;

        public override void Write(char value)
        {
            if (value == '\n')
            {
                lock (log)
                {
                    log.WriteLine(prefix + _line.ToString().TrimEnd('\r'));
                    log.Flush();
                }
                _line.Clear();
                return;
            }
            _line.Append(value);
        }
    }

    /// <summary>
    /// Trains on <paramref name="trainConllu"/>, selects the epoch by LAS on <paramref name="devConllu"/>,
    /// writes the model to <paramref name="outPath"/> and returns it. Progress goes to <paramref name="log"/>.
    /// </summary>
    public static ParserModel Train(string trainConllu, string devConllu, string outPath, int epochs, int seed, TextWriter log, ParserTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(outPath);
        var train = new List<ConlluSentence>(ConlluReader.ReadFile(trainConllu));
        var dev = new List<ConlluSentence>(ConlluReader.ReadFile(devConllu));
        var model = Train(train, dev, epochs, seed, log, options);
        var directory = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        model.Save(outPath);
        return model;
    }

    /// <summary>
    /// Trains on <paramref name="train"/>; when <paramref name="dev"/> has sentences, keeps the epoch with the
    /// best dev LAS (and stops after <see cref="ParserTrainingOptions.Patience"/> epochs without gain),
    /// otherwise keeps the last epoch. The returned model is the one its saved bytes describe.
    /// </summary>
    public static ParserModel Train(IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence>? dev, int epochs, int seed, TextWriter log, ParserTrainingOptions? options = null) =>
        TrainChoosingEpochs(train, dev, epochs, seed, log, options).Model;

    /// <summary>
    /// <see cref="Train(IReadOnlyList{ConlluSentence}, IReadOnlyList{ConlluSentence}?, int, int, TextWriter, ParserTrainingOptions?)"/>,
    /// also returning the number of epochs of the model returned (the best dev epoch, or the last one without dev).
    /// </summary>
    internal static (ParserModel Model, int Epochs) TrainChoosingEpochs(IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence>? dev,
        int epochs, int seed, TextWriter log, ParserTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        options ??= new ParserTrainingOptions();
        if (options.Neural)
        {
            var documents = BuildDevDocuments(dev);
            return ParserNetworkTrainer.TrainChoosingEpochs(train, dev, epochs, seed, log, options,
                documents.Count == 0 ? null : model => Evaluate(model, documents));
        }
        var rng = new Random(seed);

        var (sentences, labels, lifted) = Prepare(train, options);
        var labelIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < labels.Length; i++)
        {
            labelIndex[labels[i]] = i;
        }
        var instances = new TrainingSentence[sentences.Count];
        var tagSet = new List<ulong>();
        var seenTags = new HashSet<ulong>();
        for (var i = 0; i < sentences.Count; i++)
        {
            instances[i] = new TrainingSentence(sentences[i].Words, sentences[i].Heads, sentences[i].Labels, labelIndex);
            foreach (var word in sentences[i].Words)
            {
                var t = ParserFeatures.TagOf(ParserFeatures.TagName(word.Xpos, word.Upos));
                if (seenTags.Add(t))
                {
                    tagSet.Add(t);
                }
            }
        }
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"parser: {instances.Length} training sentences, {labels.Length} labels, {lifted} arcs lifted to make trees projective"));

        var devDocuments = BuildDevDocuments(dev);
        var rootLabel = labelIndex["root"];
        var trainer = new SparsePerceptronTrainer(2 + 2 * labels.Length);
        var scratch = new ParserScratch();
        var costs = new int[4];
        var width = options.BeamWidth;
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, ParserModel.MaxBeamWidth);
        var beamTrainer = width > 1 ? new ParserBeamTrainer() : null;
        var order = new int[instances.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        var choice = new EpochChoice(options.Patience, log);
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            rng.Shuffle(order);
            long transitions = 0, errors = 0;
            var explore = epoch > 1 ? options.Exploration : 0;
            foreach (var index in order)
            {
                var sentence = instances[index];
                var state = PrepareSentence(sentence, scratch, labels.Length, rootLabel, options.Transitions, options.TagNoise, tagSet, rng);
                if (beamTrainer is null)
                {
                    TrainSentence(sentence, trainer, scratch, costs, explore, rng, ref transitions, ref errors);
                    continue;
                }
                // For a beam, one decision is one sentence: "wrong" counts sentences that needed an update.
                transitions++;
                errors += beamTrainer.Train(state, sentence.HeadFor(options.RootLast), sentence.Label, width, trainer) ? 1 : 0;
            }
            var weights = trainer.CompilePacked(options.PruneThreshold);
            var model = new ParserModel(labels, weights, width, options.Transitions);
            var bytes = ToBytes(model);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"epoch {epoch}: {clock.Elapsed.TotalSeconds:F1} s, {transitions} transitions, {100.0 * errors / Math.Max(1, transitions):F2} % wrong, {weights.FeatureCount} features, {weights.WeightCount} weights, {bytes.Length / 1e6:F1} MB");
            // Score the model as it will be stored (16-bit weights), so the chosen epoch is the one shipped.
            var stored = devDocuments.Count == 0 ? null : FromBytes(bytes);
            var evaluation = stored is null ? null : Evaluate(stored, devDocuments);
            if (!choice.Offer(epoch, bytes, line, evaluation,
                options.CheckpointPath is { } checkpoint ? () => Final(stored!, options).Save(checkpoint) : null))
            {
                break;
            }
        }
        var chosen = Final(FromBytes(choice.Best!), options);
        if (options.FinalPruneThreshold > 0)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"pruned weights below {options.FinalPruneThreshold}: {chosen.FeatureCount} features, {ToBytes(chosen).Length / 1e6:F1} MB"));
        }
        choice.LogChoice();
        return (chosen, choice.BestEpoch);
    }

    /// <summary>Gold heads (0 = root) rewritten for the state that puts the root after the last of <paramref name="n"/> words.</summary>
    internal static int[] HeadsWithRootLast(int[] heads, int n)
    {
        var result = (int[])heads.Clone();
        for (var i = 1; i <= n; i++)
        {
            if (result[i] == 0)
            {
                result[i] = n + 1;
            }
        }
        return result;
    }

    private static ParserModel Final(ParserModel chosen, ParserTrainingOptions options) =>
        options.FinalPruneThreshold > 0 ? chosen.Prune(options.FinalPruneThreshold) : chosen;

    // How often predicted Penn tags agree with gold, for the log.
    private static string TagAgreement(IReadOnlyList<ConlluSentence> gold, IReadOnlyList<ConlluSentence> predicted)
    {
        long words = 0, same = 0;
        for (var s = 0; s < gold.Count; s++)
        {
            for (var w = 0; w < gold[s].Words.Count; w++)
            {
                words++;
                same += string.Equals(gold[s].Words[w].Xpos, predicted[s].Words[w].Xpos, StringComparison.Ordinal) ? 1 : 0;
            }
        }
        return string.Create(CultureInfo.InvariantCulture, $"{100.0 * same / Math.Max(1, words):F2} %");
    }

    // Puts the sentence's words and (possibly noised) tags into the scratch state, reset for parsing.
    private static ArcEagerState PrepareSentence(TrainingSentence sentence, ParserScratch scratch, int labelCount, int rootLabel,
        ParserTransitions transitions, double tagNoise, List<ulong> tagSet, Random rng)
    {
        var n = sentence.Count;
        scratch.Ensure(2 + 2 * labelCount, n);
        var state = scratch.State;
        state.Reset(n, labelCount, rootLabel, transitions);
        for (var i = 1; i <= n; i++)
        {
            state.Word[i] = sentence.Word[i];
            state.Tag[i] = tagNoise > 0 && rng.NextDouble() < tagNoise ? tagSet[rng.Next(tagSet.Count)] : sentence.Tag[i];
            state.IsPunct[i] = sentence.IsPunct[i];
        }
        return state;
    }

    private static void TrainSentence(TrainingSentence sentence, SparsePerceptronTrainer trainer, ParserScratch scratch, int[] costs,
        double explore, Random rng, ref long transitions, ref long errors)
    {
        var state = scratch.State;
        var features = scratch.Features;
        var scores = scratch.Scores;
        var goldHead = sentence.HeadFor(state.RootLast);
        var goldLabel = sentence.Label;
        while (!state.IsTerminal)
        {
            var forced = state.ForcedAction;
            if (forced >= 0)
            {
                state.Apply(forced);
                continue;
            }
            var count = ParserFeatures.Extract(state, features);
            var active = features.AsSpan(0, count);
            trainer.Score(active, scores);
            var guess = ParserModel.BestValid(state, scores);
            ArcEagerOracle.Costs(state, goldHead, costs);
            var (truth, truthCost) = BestCheapest(state, scores, costs, goldHead, goldLabel);
            var guessCost = ArcEagerOracle.LabelledCost(state, guess, costs, goldHead, goldLabel);
            transitions++;
            if (guessCost > truthCost)
            {
                errors++;
                trainer.Update(active, truth, guess);
            }
            trainer.NextInstance();
            state.Apply(explore > 0 && rng.NextDouble() < explore ? guess : truth);
        }
    }

    // Among the allowed actions of least cost, the one the model scores highest: updating towards it
    // disturbs the model least.
    internal static (int Action, int Cost) BestCheapest(ArcEagerState state, float[] scores, int[] costs, int[] goldHead, int[] goldLabel)
    {
        var best = -1;
        var bestCost = ArcEagerOracle.Invalid;
        var bestScore = float.NegativeInfinity;
        var actions = state.ActionCount;
        for (var a = 0; a < actions; a++)
        {
            if (!state.IsValid(a))
            {
                continue;
            }
            var cost = ArcEagerOracle.LabelledCost(state, a, costs, goldHead, goldLabel);
            if (cost < bestCost || (cost == bestCost && scores[a] > bestScore))
            {
                best = a;
                bestCost = cost;
                bestScore = scores[a];
            }
        }
        return (best, bestCost);
    }

    /// <summary>
    /// Lifts every training tree to a projective one and fixes the label set: relations, kept
    /// decorations, and every relation a decoration names.
    /// </summary>
    internal static (List<(IReadOnlyList<ConlluWord> Words, int[] Heads, string[] Labels)> Sentences, string[] Labels, int Lifted) Prepare(
        IReadOnlyList<ConlluSentence> train, ParserTrainingOptions options)
    {
        var result = new List<(IReadOnlyList<ConlluWord>, int[], string[])>(train.Count);
        var decoratedCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var lifted = 0;
        foreach (var sentence in train)
        {
            var words = sentence.Words;
            var n = words.Count;
            if (n == 0 || !IsTree(words))
            {
                continue;
            }
            var heads = new int[n + 1];
            var labels = new string[n + 1];
            labels[0] = string.Empty;
            for (var i = 0; i < n; i++)
            {
                heads[i + 1] = words[i].Head;
                labels[i + 1] = words[i].Relation;
            }
            lifted += ProjectiveLifting.Lift(heads, labels, n, decorate: true);
            for (var i = 1; i <= n; i++)
            {
                if (labels[i].Contains(ProjectiveLifting.Marker, StringComparison.Ordinal))
                {
                    decoratedCounts[labels[i]] = decoratedCounts.GetValueOrDefault(labels[i]) + 1;
                }
            }
            result.Add((words, heads, labels));
        }
        var set = new SortedSet<string>(StringComparer.Ordinal) { "root" };
        foreach (var (_, _, labels) in result)
        {
            for (var i = 1; i < labels.Length; i++)
            {
                var label = labels[i];
                if (label.Contains(ProjectiveLifting.Marker, StringComparison.Ordinal) && decoratedCounts[label] < options.MinDecoratedCount)
                {
                    label = labels[i] = ProjectiveLifting.BaseOf(label);
                }
                set.Add(label);
                var marker = label.IndexOf(ProjectiveLifting.Marker, StringComparison.Ordinal);
                if (marker >= 0)
                {
                    set.Add(label[..marker]);
                    set.Add(label[(marker + 1)..]);
                }
            }
        }
        return (result, [.. set], lifted);
    }

    // A usable gold tree: heads in range, one root, no cycle.
    private static bool IsTree(IReadOnlyList<ConlluWord> words)
    {
        var n = words.Count;
        var roots = 0;
        for (var i = 0; i < n; i++)
        {
            var h = words[i].Head;
            if (h < 0 || h > n || h == i + 1)
            {
                return false;
            }
            if (h == 0)
            {
                roots++;
            }
        }
        if (roots != 1)
        {
            return false;
        }
        for (var i = 0; i < n; i++)
        {
            var a = i + 1;
            for (var steps = 0; a != 0; steps++)
            {
                if (steps > n)
                {
                    return false;
                }
                a = words[a - 1].Head;
            }
        }
        return true;
    }

    private static List<(Document, IReadOnlyList<ConlluSentence>)> BuildDevDocuments(IReadOnlyList<ConlluSentence>? dev)
    {
        var documents = new List<(Document, IReadOnlyList<ConlluSentence>)>();
        if (dev is null)
        {
            return documents;
        }
        for (var start = 0; start < dev.Count; start += DevDocumentSentences)
        {
            var batch = new List<ConlluSentence>();
            for (var i = start; i < Math.Min(dev.Count, start + DevDocumentSentences); i++)
            {
                batch.Add(dev[i]);
            }
            var document = ConlluDocuments.ToDocument(string.Create(CultureInfo.InvariantCulture, $"dev{start}"), batch);
            ParserEvaluation.FillGoldTags(document, batch);
            documents.Add((document, batch));
        }
        return documents;
    }

    private static ParserEvaluation Evaluate(ParserModel model, List<(Document, IReadOnlyList<ConlluSentence>)> devDocuments)
    {
        var evaluation = new ParserEvaluation();
        foreach (var (document, gold) in devDocuments)
        {
            model.Parse(document);
            evaluation.Add(document, gold);
        }
        return evaluation;
    }

    private static byte[] ToBytes(ParserModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    private static ParserModel FromBytes(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return ParserModel.Load(stream);
    }

    // A training tree in the form the transition system reads: positions 1..n, 0 = root.
    private sealed class TrainingSentence
    {
        public TrainingSentence(IReadOnlyList<ConlluWord> words, int[] heads, string[] labels, Dictionary<string, int> labelIndex)
        {
            Count = words.Count;
            Word = new ulong[Count + 1];
            Tag = new ulong[Count + 1];
            IsPunct = new bool[Count + 1];
            Head = heads;
            Label = new int[Count + 1];
            for (var i = 1; i <= Count; i++)
            {
                var word = words[i - 1];
                Word[i] = ParserFeatures.WordOf(word.Form);
                Tag[i] = ParserFeatures.TagOf(ParserFeatures.TagName(word.Xpos, word.Upos));
                IsPunct[i] = word.Upos == "PUNCT";
                Label[i] = labelIndex[labels[i]];
            }
        }

        public int Count { get; }
        public ulong[] Word { get; }
        public ulong[] Tag { get; }
        public bool[] IsPunct { get; }
        public int[] Head { get; }
        public int[] Label { get; }

        // The heads with the root at position n + 1, for the state that puts it last.
        private int[]? _headRootLast;

        public int[] HeadFor(bool rootLast) => !rootLast ? Head : _headRootLast ??= HeadsWithRootLast(Head, Count);
    }
}
