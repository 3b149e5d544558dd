using System.Diagnostics;
using System.Globalization;
using Parley.Model;

namespace Parley.Syntax;

/// <summary>
/// Trains the neural parser (<see cref="ParserNetwork"/>) on lifted training trees: for every
/// configuration the dynamic oracle names the cheapest allowed transitions, and the margin loss
/// <c>max(0, 1 + score(best wrong) − score(best right))</c> is backpropagated through the hidden layer
/// and both LSTM layers into the embeddings; from the second epoch the parser follows its own choice
/// nine times in ten, so it learns to recover from its mistakes. Adam updates every four sentences.
/// After each epoch the running average of the weights (the last few thousand updates) is scored on
/// dev, and the best one is kept. Single-threaded and
/// deterministic: the same data, epochs and seed give the same model bytes.
/// </summary>
internal static class ParserNetworkTrainer
{
    private const int Patience = 8;

    // Weight of the past in the running average of the weights that is evaluated and saved.
    private const float AverageDecay = 0.999f;
    private const int BatchSentences = 4;
    private const float LearningRate = 1e-3f;
    private const float DropRate = 0.25f;
    private const double Exploration = 0.9;
    private const int MinWordCount = 2;
    private const int MinSuffixCount = 3;

    /// <summary>The string that stands for every word, suffix or tag the vocabularies do not hold (index 0).</summary>
    public const string Unknown = "\0";

    public static (ParserModel Model, int Epochs) TrainChoosingEpochs(IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence>? dev,
        int epochs, int seed, TextWriter log, ParserTrainingOptions options, Func<ParserModel, ParserEvaluation>? evaluate)
    {
        var random = new Random(seed);
        var (sentences, labels, lifted) = ParserTrainer.Prepare(train, options);
        var labelIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < labels.Length; i++)
        {
            labelIndex[labels[i]] = i;
        }
        var wordCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var suffixCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var tagSet = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (words, _, _) in sentences)
        {
            foreach (var word in words)
            {
                var key = ParserNetwork.NormalizeWord(word.Form);
                wordCounts[key] = wordCounts.GetValueOrDefault(key) + 1;
                var suffix = ParserNetwork.SuffixOf(word.Form);
                suffixCounts[suffix] = suffixCounts.GetValueOrDefault(suffix) + 1;
                tagSet.Add(TagOf(word));
            }
        }
        string[] vocabulary = [Unknown, .. wordCounts.Where(p => p.Value >= MinWordCount).Select(p => p.Key).Order(StringComparer.Ordinal)];
        string[] suffixes = [Unknown, .. suffixCounts.Where(p => p.Value >= MinSuffixCount).Select(p => p.Key).Order(StringComparer.Ordinal)];
        string[] tags = [Unknown, .. tagSet];
        var actions = 2 + 2 * labels.Length;
        var network = ParserNetwork.Create(vocabulary, suffixes, tags, actions, options.NeuralLayers, options.NeuralLayerSize, options.NeuralHiddenSize, random, options.NeuralSecondLayerSize);
        var model = new ParserModel(labels, network, options.Transitions);
        if (options.NeuralLabelsByTag)
        {
            network.AllowedLabels = LabelsByTag(sentences, tags, labelIndex);
        }
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"neural parser: {sentences.Count} training sentences, {labels.Length} labels, {lifted} arcs lifted; {vocabulary.Length} words, {suffixes.Length} suffixes, {tags.Length} tags"));

        var instances = new Instance[sentences.Count];
        for (var s = 0; s < instances.Length; s++)
        {
            var (words, heads, names) = sentences[s];
            var n = words.Count;
            var instance = new Instance(words, new int[n + 1], new int[n + 1], new int[n + 1]);
            for (var i = 1; i <= n; i++)
            {
                instance.Label[i] = labelIndex[names[i]];
                instance.Frequency[i] = wordCounts.GetValueOrDefault(ParserNetwork.NormalizeWord(words[i - 1].Form));
            }
            heads.AsSpan(0, n + 1).CopyTo(instance.Head);
            instances[s] = instance;
        }

        var networkScratch = new ParserNetworkScratch { DropRate = DropRate, TagDropRate = options.NeuralTagDropout };
        var scratch = new ParserScratch { Network = networkScratch };
        var costs = new int[4];
        var scores = new float[actions];
        var order = new int[instances.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        var step = 0;
        var choice = new EpochChoice(Patience, log);
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            random.Shuffle(order);
            long transitions = 0, violations = 0;
            var explore = epoch > 1 ? Exploration : 0;
            for (var k = 0; k < order.Length; k++)
            {
                var instance = instances[order[k]];
                TrainSentence(model, network, instance, scratch, networkScratch, costs, scores, explore, random, ref transitions, ref violations);
                if ((k + 1) % BatchSentences == 0 || k == order.Length - 1)
                {
                    step++;
                    foreach (var parameter in network.Parameters)
                    {
                        parameter.Step(LearningRate, step);
                        // The average forgets its start quickly at first, so short runs are not held back by it.
                        parameter.Accumulate(Math.Min(AverageDecay, (1f + step) / (10f + step)));
                    }
                    network.Refresh();
                }
            }
            // Evaluate and keep the averaged weights, then go on training the last ones.
            SwapAverage(network);
            var bytes = ToBytes(model);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"epoch {epoch}: {clock.Elapsed.TotalSeconds:F1} s, {transitions} transitions, {100.0 * violations / Math.Max(1, transitions):F2} % under the margin");
            var evaluation = evaluate?.Invoke(model);
            SwapAverage(network);
            if (!choice.Offer(epoch, bytes, line, evaluation, options.CheckpointPath is { } checkpoint ? () => File.WriteAllBytes(checkpoint, bytes) : null))
            {
                break;
            }
        }
        choice.LogChoice();
        using var stream = new MemoryStream(choice.Best!, writable: false);
        return (ParserModel.Load(stream), choice.BestEpoch);
    }

    private static void TrainSentence(ParserModel model, ParserNetwork network, Instance instance, ParserScratch scratch, ParserNetworkScratch networkScratch,
        int[] costs, float[] scores, double explore, Random random, ref long transitions, ref long violations)
    {
        var words = instance.Words;
        var n = words.Count;
        var state = model.Prepare(scratch, n);
        for (var i = 1; i <= n; i++)
        {
            var word = words[i - 1];
            state.IsPunct[i] = word.Upos == "PUNCT";
            network.SetWord(networkScratch, i, word.Form, TagOf(word));
            networkScratch.WordFrequency[i] = instance.Frequency[i];
        }
        network.Encode(networkScratch, n, random);
        var goldHead = state.RootLast ? instance.HeadRootLast : instance.Head;
        var goldLabel = instance.Label;
        var actions = network.Actions;
        while (!state.IsTerminal)
        {
            var forced = state.ForcedAction;
            if (forced >= 0)
            {
                state.Apply(forced);
                continue;
            }
            network.Score(networkScratch, state, scores);
            ArcEagerOracle.Costs(state, goldHead, costs);
            var cheapest = int.MaxValue;
            for (var a = 0; a < actions; a++)
            {
                if (state.IsValid(a))
                {
                    cheapest = Math.Min(cheapest, ArcEagerOracle.LabelledCost(state, a, costs, goldHead, goldLabel));
                }
            }
            int good = -1, bad = -1;
            for (var a = 0; a < actions; a++)
            {
                if (!state.IsValid(a))
                {
                    continue;
                }
                if (ArcEagerOracle.LabelledCost(state, a, costs, goldHead, goldLabel) == cheapest)
                {
                    if (good < 0 || scores[a] > scores[good])
                    {
                        good = a;
                    }
                }
                else if (bad < 0 || scores[a] > scores[bad])
                {
                    bad = a;
                }
            }
            transitions++;
            if (bad >= 0 && scores[bad] + 1 > scores[good])
            {
                violations++;
                network.AddMarginGradient(networkScratch, good, bad);
            }
            var guess = bad >= 0 && scores[bad] > scores[good] ? bad : good;
            state.Apply(explore > 0 && random.NextDouble() < explore ? guess : good);
        }
        network.Backpropagate(networkScratch);
    }

    private static void SwapAverage(ParserNetwork network)
    {
        foreach (var parameter in network.Parameters)
        {
            parameter.SwapAverage();
        }
        network.Refresh();
    }

    // Which labels each tag's words take in the training trees (the root label included).
    private static bool[] LabelsByTag(List<(IReadOnlyList<ConlluWord> Words, int[] Heads, string[] Labels)> sentences, string[] tags,
        Dictionary<string, int> labelIndex)
    {
        var tagIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var t = 0; t < tags.Length; t++)
        {
            tagIndex[tags[t]] = t;
        }
        var labels = labelIndex.Count;
        var allowed = new bool[tags.Length * labels];
        foreach (var (words, _, names) in sentences)
        {
            for (var i = 1; i <= words.Count; i++)
            {
                allowed[tagIndex[TagOf(words[i - 1])] * labels + labelIndex[names[i]]] = true;
            }
        }
        // A tag the vocabulary does not know (index 0) may take any label.
        allowed.AsSpan(0, labels).Fill(true);
        return allowed;
    }

    private static string TagOf(ConlluWord word) => ParserFeatures.TagName(word.Xpos, word.Upos);

    private static byte[] ToBytes(ParserModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    private sealed record Instance(IReadOnlyList<ConlluWord> Words, int[] Head, int[] Label, int[] Frequency)
    {
        public int[] HeadRootLast => field ??= ParserTrainer.HeadsWithRootLast(Head, Words.Count);
    }
}
