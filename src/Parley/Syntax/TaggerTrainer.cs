using System.Diagnostics;
using System.Globalization;
using Parley.Entities;
using Parley.Learning;
using Parley.Model;

namespace Parley.Syntax;

/// <summary>
/// Trains the <see cref="TaggerModel"/> (tags and lemmas) from CoNLL-U treebanks. Deterministic and
/// single-threaded: the same data, epochs and seed give the same model bytes. Progress and the
/// development score of every epoch go to the log; the epoch with the best development UPOS accuracy
/// is kept, and training stops early once it has not improved for two epochs. On request the model is
/// then trained again, from scratch, on training and development sentences together for the epochs
/// chosen on development.
/// </summary>
public static class TaggerTrainer
{
    /// <summary>File name of the model written by <see cref="Train(string, string, string, int, int, TextWriter, int, bool, EntityGazetteer, int, float)"/>.</summary>
    public const string ModelFileName = "tagger-v1.bin";

    /// <summary>Runs the shipped tagger is the mean of (<c>train tagger --seeds</c>).</summary>
    public const int ShippedSeeds = 4;

    /// <summary>
    /// Weights of the shipped tagger below this are left out (<c>train tagger --prune</c>): chosen on
    /// EWT dev with a model trained on train alone, where it costs nothing.
    /// </summary>
    public const float ShippedPruneThreshold = 0.2f;

    // Pairs seen fewer times than this are annotation noise; their tokens train the usual pair of their Penn tag.
    private const int MinPairCount = 3;

    /// <summary>
    /// Trains from the corpora folder <paramref name="dataDir"/> (holding <c>ud-english-ewt/</c>) and
    /// writes <see cref="ModelFileName"/> into <paramref name="outDir"/>: the epochs are chosen on dev
    /// by a model trained on train alone, which is written (the shipped one) unless
    /// <paramref name="retrainWithDev"/> asks for one trained again on train and dev for those epochs.
    /// </summary>
    public static TaggerModel TrainFromCorpora(string dataDir, string outDir, TextWriter log, int epochs = 15, int seed = 1, int beamWidth = 1, bool retrainWithDev = false,
        EntityGazetteer? gazetteer = null, int seeds = 1, float pruneThreshold = 0)
    {
        var ud = Path.Combine(dataDir, "ud-english-ewt");
        return Train(Path.Combine(ud, "en_ewt-ud-train.conllu"), Path.Combine(ud, "en_ewt-ud-dev.conllu"), outDir, epochs, seed, log, beamWidth, retrainWithDev, gazetteer, seeds, pruneThreshold);
    }

    /// <summary>
    /// Trains on <paramref name="trainConllu"/>, picks the epoch by <paramref name="devConllu"/>, writes
    /// <see cref="ModelFileName"/> into <paramref name="outDir"/> (created if needed) and returns the model.
    /// With <paramref name="retrainWithDev"/> the written model is trained again on both files. Weights
    /// smaller than <paramref name="pruneThreshold"/> in magnitude are left out of the written model.
    /// </summary>
    public static TaggerModel Train(string trainConllu, string devConllu, string outDir, int epochs, int seed, TextWriter log, int beamWidth = 1, bool retrainWithDev = false,
        EntityGazetteer? gazetteer = null, int seeds = 1, float pruneThreshold = 0)
    {
        ArgumentNullException.ThrowIfNull(log);
        var train = new List<ConlluSentence>(ConlluReader.ReadFile(trainConllu));
        var dev = new List<ConlluSentence>(ConlluReader.ReadFile(devConllu));
        var model = Train(train, dev, epochs, seed, log.WriteLine, beamWidth, retrainWithDev, gazetteer, seeds);
        if (pruneThreshold > 0)
        {
            var features = model.FeatureCount;
            model = model.Prune(pruneThreshold);
            log.WriteLine($"pruned weights below {pruneThreshold.ToString(CultureInfo.InvariantCulture)}: {features:N0} -> {model.FeatureCount:N0} features");
        }
        Directory.CreateDirectory(outDir);
        var path = Path.Combine(outDir, ModelFileName);
        model.Save(path);
        log.WriteLine($"wrote {path} ({new FileInfo(path).Length:N0} bytes)");
        return model;
    }

    /// <summary>
    /// Trains a model in memory from parsed sentences; <paramref name="dev"/> may be empty (then the last
    /// epoch is kept). <paramref name="beamWidth"/> 1 trains greedy passes; a wider beam trains each pass
    /// as a beam search with early update, and the model tags with the same width. With
    /// <paramref name="retrainWithDev"/> and a non-empty <paramref name="dev"/>, the returned model is
    /// trained again, from scratch, on <paramref name="train"/> and <paramref name="dev"/> together, each
    /// pass for the epochs the development score chose for it. With a <paramref name="gazetteer"/>, the
    /// names a word belongs to are features, and the model keeps the gazetteer. With
    /// <paramref name="seeds"/> above one, that many runs with seeds <paramref name="seed"/>,
    /// <paramref name="seed"/> + 1, … each choose their own epochs, and the model is the mean of their
    /// weights (see <see cref="TaggerModel.Average"/>).
    /// </summary>
    public static TaggerModel Train(IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence> dev, int epochs, int seed, Action<string> log, int beamWidth = 1, bool retrainWithDev = false,
        EntityGazetteer? gazetteer = null, int seeds = 1)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(dev);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(beamWidth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(beamWidth, TaggerModel.MaxBeamWidth);
        ArgumentOutOfRangeException.ThrowIfLessThan(seeds, 1);
        if (seeds == 1)
        {
            return TrainRun(train, dev, epochs, seed, log, beamWidth, retrainWithDev, gazetteer);
        }
        // Runs with seeds seed, seed + 1, … two at a time; each logs into its own buffer, written out in
        // order, so the log and the model do not depend on which finished first.
        var logs = new List<string>[seeds];
        var runs = SeedRuns.Run(seeds, k =>
        {
            logs[k] = [];
            return TrainRun(train, dev, epochs, seed + k, logs[k].Add, beamWidth, retrainWithDev, gazetteer);
        });
        for (var k = 0; k < seeds; k++)
        {
            log($"run {k + 1} of {seeds}, seed {seed + k}");
            logs[k].ForEach(log);
        }
        log($"model: the mean of the {seeds} runs' weights");
        return TaggerModel.Average(runs);
    }

    // One run: epochs chosen on dev, then (on request) trained again on train and dev.
    private static TaggerModel TrainRun(IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence> dev, int epochs, int seed, Action<string> log, int beamWidth, bool retrainWithDev,
        EntityGazetteer? gazetteer)
    {
        var (model, firstEpochs, secondEpochs) = TrainPasses(train, dev, epochs, epochs, seed, log, beamWidth, gazetteer);
        if (!retrainWithDev || dev.Count == 0)
        {
            return model;
        }
        log($"retraining on training and development sentences: pass 1 for {firstEpochs} epochs, pass 2 for {secondEpochs}");
        List<ConlluSentence> all = [.. train, .. dev];
        return TrainPasses(all, [], firstEpochs, secondEpochs, seed, log, beamWidth, gazetteer).Model;
    }

    /// <summary>
    /// Both passes: at most <paramref name="firstEpochs"/> and <paramref name="secondEpochs"/> epochs,
    /// each pass keeping its best dev epoch (its last one when <paramref name="dev"/> is empty).
    /// </summary>
    private static (TaggerModel Model, int FirstEpochs, int SecondEpochs) TrainPasses(IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence> dev,
        int firstEpochs, int secondEpochs, int seed, Action<string> log, int beamWidth, EntityGazetteer? gazetteer)
    {
        var (xpos, upos, classOf) = BuildClasses(train);
        var trainSet = Prepare(train, xpos, upos, classOf);
        var devSet = Prepare(dev, xpos, upos, classOf);
        var tokenCount = 0;
        foreach (var item in trainSet)
        {
            tokenCount += item.Gold.Length;
        }
        log($"tagger: {train.Count} training sentences, {tokenCount} tokens, {xpos.Length} (XPOS, UPOS) classes");

        var words = new List<(string, string, string)>();
        foreach (var sentence in train)
        {
            foreach (var word in sentence.Words)
            {
                words.Add((word.Form, word.Xpos, word.Lemma));
            }
        }
        var lemmatizer = Lemmatizer.Train(words, 5, seed);
        log($"lemmatizer: {lemmatizer.TableSize} table entries, {lemmatizer.RuleCount} suffix rules");

        var lexicon = TagLexicon.Build(train);
        var context = new PassContext(xpos, upos, lexicon, gazetteer, seed, beamWidth, log);
        log("pass 1 (right to left)");
        var trainReversed = trainSet.ConvertAll(Reverse);
        var devReversed = devSet.ConvertAll(Reverse);
        var (first, firstEpoch) = TrainPass(context, trainReversed, null, devReversed, null, firstEpochs, true);

        // The second pass learns from first-pass tags as they will be on new text: each training
        // sentence is tagged by a first-pass model trained without it (jackknifing).
        var trainFirst = new int[trainSet.Count][];
        var scratch = new TaggerScratch(xpos.Length, 2);
        for (var fold = 0; fold < Folds; fold++)
        {
            var part = new List<TrainingSentence>();
            for (var s = 0; s < trainSet.Count; s++)
            {
                if (s % Folds != fold)
                {
                    part.Add(trainReversed[s]);
                }
            }
            var (foldModel, _) = TrainPass(context, part, null, [], null, firstEpoch, false);
            for (var s = fold; s < trainSet.Count; s += Folds)
            {
                trainFirst[s] = FirstPass(foldModel, context, trainReversed[s], scratch);
            }
            log($"jackknife fold {fold + 1}/{Folds} done");
        }
        var devFirst = new int[devSet.Count][];
        for (var s = 0; s < devSet.Count; s++)
        {
            devFirst[s] = FirstPass(first, context, devReversed[s], scratch);
        }
        log("pass 2 (left to right, with first-pass tags to the right)");
        var (second, secondEpoch) = TrainPass(context, trainSet, trainFirst, devSet, devFirst, secondEpochs, true);

        var model = new TaggerModel(xpos, upos, first, second, lexicon, lemmatizer, beamWidth, gazetteer);
        if (dev.Count > 0)
        {
            log(LemmaReport(model, dev));
        }
        return (model, firstEpoch, secondEpoch);
    }

    private const int Folds = 4;

    private sealed record PassContext(string[] Xpos, string[] Upos, TagLexicon Lexicon, EntityGazetteer? Gazetteer, int Seed, int BeamWidth, Action<string> Log);

    /// <summary>First-pass classes of a reversed sentence, in the sentence's own order.</summary>
    private static int[] FirstPass(PerceptronModel model, PassContext context, TrainingSentence reversed, TaggerScratch scratch)
    {
        var count = reversed.Gold.Length;
        scratch.Ensure(count);
        TaggerFeatures.Prepare(reversed.Text, reversed.Tokens, 0, count, context.Lexicon, context.Gazetteer, scratch, reversed.Reversed);
        TaggerModel.Decode(model, null, reversed.Text, reversed.Tokens, 0, count, scratch, null, context.BeamWidth);
        var classes = scratch.Classes.AsSpan(0, count).ToArray();
        Array.Reverse(classes);
        return classes;
    }

    private static TrainingSentence Reverse(TrainingSentence item)
    {
        var tokens = (Token[])item.Tokens.Clone();
        var gold = (int[])item.Gold.Clone();
        var xpos = (string[])item.GoldXpos.Clone();
        var upos = (string[])item.GoldUpos.Clone();
        Array.Reverse(tokens);
        Array.Reverse(gold);
        Array.Reverse(xpos);
        Array.Reverse(upos);
        return new TrainingSentence(item.Text, tokens, gold, xpos, upos, !item.Reversed);
    }

    /// <summary>Trains one pass; returns the compiled model of the best dev epoch (the last one without dev).</summary>
    private static (PerceptronModel Model, int Epoch) TrainPass(PassContext context, List<TrainingSentence> set, int[][]? setFirst,
        List<TrainingSentence> dev, int[][]? devFirst, int epochs, bool verbose)
    {
        var classes = context.Xpos.Length;
        var trainer = new PerceptronTrainer(classes);
        var scratch = new TaggerScratch(classes, 2);
        var order = new int[set.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        var random = new Random(context.Seed);
        PerceptronModel? best = null;
        var bestScore = -1.0;
        var bestEpoch = 0;
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            random.Shuffle(order);
            long correct = 0, total = 0;
            foreach (var s in order)
            {
                var item = set[s];
                var count = item.Gold.Length;
                scratch.Ensure(count);
                TaggerFeatures.Prepare(item.Text, item.Tokens, 0, count, context.Lexicon, context.Gazetteer, scratch, item.Reversed);
                int[]? firstPass = null;
                if (setFirst is not null)
                {
                    setFirst[s].CopyTo(scratch.FirstPass, 0);
                    firstPass = scratch.FirstPass;
                }
                if (context.BeamWidth > 1)
                {
                    // Early update: the sentence trains up to the first token where the gold sequence
                    // left the beam; those tokens count as training instances for the averaging.
                    var decided = scratch.Beam(context.BeamWidth).Run(null, trainer, item.Text, item.Tokens, 0, count, scratch, firstPass, item.Gold);
                    for (var i = 0; i < decided; i++)
                    {
                        trainer.NextInstance();
                        correct += scratch.Classes[i] == item.Gold[i] ? 1 : 0;
                    }
                    total += count;
                    continue;
                }
                int prev1 = classes, prev2 = classes;
                for (var i = 0; i < count; i++)
                {
                    var n = TaggerFeatures.Extract(item.Text, item.Tokens, 0, count, i, prev1, prev2, scratch, firstPass, classes);
                    var features = scratch.Features.AsSpan(0, n);
                    var guess = trainer.Predict(features, scratch.Scores);
                    trainer.Update(features, item.Gold[i], guess);
                    trainer.NextInstance();
                    correct += guess == item.Gold[i] ? 1 : 0;
                    total++;
                    prev2 = prev1;
                    prev1 = guess;
                }
            }
            if (dev.Count == 0 && epoch < epochs)
            {
                continue;
            }
            var compiled = trainer.Compile();
            var line = $"epoch {epoch}: train {Percent(correct, total)} ({clock.Elapsed.TotalSeconds:F1} s, {compiled.FeatureCount:N0} features)";
            var score = (double)epoch;
            if (dev.Count > 0)
            {
                var (x, u, derived) = Score(compiled, context, dev, devFirst, scratch);
                line += $"; dev XPOS {x:F2} UPOS {u:F2} (UPOS mapped from XPOS {derived:F2})";
                score = u;
            }
            if (verbose)
            {
                context.Log(line);
            }
            if (score > bestScore)
            {
                best = compiled;
                bestScore = score;
                bestEpoch = epoch;
            }
            else if (epoch - bestEpoch >= 2)
            {
                context.Log($"stopping: no dev improvement since epoch {bestEpoch}");
                break;
            }
        }
        if (verbose)
        {
            context.Log($"kept epoch {bestEpoch}");
        }
        return (best!, bestEpoch);
    }

    private static string LemmaReport(TaggerModel model, IReadOnlyList<ConlluSentence> dev)
    {
        long total = 0, predicted = 0, gold = 0;
        var features = new ulong[16];
        var scores = new float[Math.Max(2, model.Lemmatizer.RuleCount)];
        foreach (var sentence in dev)
        {
            var document = ConlluDocuments.ToDocument("dev", [sentence]);
            var analyses = model.Analyze(document);
            for (var i = 0; i < sentence.Words.Count; i++)
            {
                var word = sentence.Words[i];
                total++;
                predicted += analyses[i].Lemma == word.Lemma ? 1 : 0;
                var withGoldTag = model.Lemmatizer.Lemmatize(word.Form, model.Lemmatizer.TagId(word.Xpos), word.Form, features, scores);
                gold += withGoldTag == word.Lemma ? 1 : 0;
            }
        }
        return $"dev lemma {Percent(predicted, total)} with predicted tags, {Percent(gold, total)} with gold tags";
    }

    private static (double Xpos, double Upos, double Derived) Score(PerceptronModel model, PassContext context, List<TrainingSentence> set, int[][]? setFirst, TaggerScratch scratch)
    {
        var xpos = context.Xpos;
        var upos = context.Upos;
        // UPOS read off the predicted Penn tag through its most frequent pair, to compare a
        // Penn-only tagger with the joint classes.
        var derived = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var c = xpos.Length - 1; c >= 0; c--)
        {
            derived[xpos[c]] = upos[c];
        }
        long total = 0, x = 0, u = 0, d = 0;
        for (var s = 0; s < set.Count; s++)
        {
            var item = set[s];
            var count = item.Gold.Length;
            scratch.Ensure(count);
            TaggerFeatures.Prepare(item.Text, item.Tokens, 0, count, context.Lexicon, context.Gazetteer, scratch, item.Reversed);
            int[]? firstPass = null;
            if (setFirst is not null)
            {
                setFirst[s].CopyTo(scratch.FirstPass, 0);
                firstPass = scratch.FirstPass;
            }
            TaggerModel.Decode(model, null, item.Text, item.Tokens, 0, count, scratch, firstPass, context.BeamWidth);
            for (var i = 0; i < count; i++)
            {
                var c = scratch.Classes[i];
                total++;
                x += xpos[c] == item.GoldXpos[i] ? 1 : 0;
                u += upos[c] == item.GoldUpos[i] ? 1 : 0;
                d += derived[xpos[c]] == item.GoldUpos[i] ? 1 : 0;
            }
        }
        return (100.0 * x / total, 100.0 * u / total, 100.0 * d / total);
    }

    private static string Percent(long part, long total) =>
        (100.0 * part / Math.Max(1, total)).ToString("F2", CultureInfo.InvariantCulture) + " %";

    private static (string[] Xpos, string[] Upos, Dictionary<string, int> ClassOf) BuildClasses(IReadOnlyList<ConlluSentence> train)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sentence in train)
        {
            foreach (var word in sentence.Words)
            {
                var key = word.Xpos + "\t" + word.Upos;
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }
        var all = new List<string>(counts.Keys);
        // Most frequent first; ties by name, so the class ids never depend on dictionary order.
        all.Sort((a, b) => counts[b] != counts[a] ? counts[b].CompareTo(counts[a]) : string.CompareOrdinal(a, b));
        var keys = new List<string>();
        var seenXpos = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in all)
        {
            // Every Penn tag keeps its most frequent pair however rare.
            if (seenXpos.Add(key[..key.IndexOf('\t', StringComparison.Ordinal)]) || counts[key] >= MinPairCount)
            {
                keys.Add(key);
            }
        }
        var xpos = new string[keys.Count];
        var upos = new string[keys.Count];
        var classOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < keys.Count; c++)
        {
            var tab = keys[c].IndexOf('\t', StringComparison.Ordinal);
            xpos[c] = keys[c][..tab];
            upos[c] = keys[c][(tab + 1)..];
            classOf[keys[c]] = c;
            classOf.TryAdd(xpos[c], c);
        }
        return (xpos, upos, classOf);
    }

    private static List<TrainingSentence> Prepare(IReadOnlyList<ConlluSentence> sentences, string[] xpos, string[] upos, Dictionary<string, int> classOf)
    {
        var list = new List<TrainingSentence>(sentences.Count);
        foreach (var sentence in sentences)
        {
            var document = ConlluDocuments.ToDocument("s", [sentence]);
            var n = sentence.Words.Count;
            var gold = new int[n];
            var goldX = new string[n];
            var goldU = new string[n];
            for (var i = 0; i < n; i++)
            {
                var word = sentence.Words[i];
                goldX[i] = word.Xpos;
                goldU[i] = word.Upos;
                // A rare pair trains its Penn tag's most frequent pair; an unseen Penn tag trains class 0.
                gold[i] = classOf.TryGetValue(word.Xpos + "\t" + word.Upos, out var c) ? c
                    : classOf.TryGetValue(word.Xpos, out c) ? c : 0;
            }
            list.Add(new TrainingSentence(document.Text, document.Tokens, gold, goldX, goldU));
        }
        return list;
    }

    // Reversed: the tokens are in reverse text order, for the right-to-left pass.
    private sealed record TrainingSentence(string Text, Token[] Tokens, int[] Gold, string[] GoldXpos, string[] GoldUpos, bool Reversed = false);
}
