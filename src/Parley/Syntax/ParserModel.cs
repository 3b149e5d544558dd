using System.Text;
using Parley.Learning;
using Parley.Model;

namespace Parley.Syntax;

/// <summary>
/// A trained labelled dependency parser: arc-eager transitions scored by an averaged perceptron, taken
/// greedily or, for a model trained with a beam, by beam search of the width it was trained with
/// (<see cref="BeamWidth"/>), with pseudo-projective lifting undone after parsing. Read-only once loaded; one instance parses on
/// any number of threads at once, each with its own reused working memory, and allocates nothing per
/// word. The same model and input always give the same tree.
/// </summary>
public sealed class ParserModel
{
    /// <summary>Version of the file format; <see cref="Load(Stream)"/> refuses any other.</summary>
    public const int FormatVersion = 3;

    // Format 4: a neural parser, whose scorer is a ParserNetwork instead of feature weights.
    private const int NeuralFormatVersion = 4;

    /// <summary>Widest beam a model may declare.</summary>
    public const int MaxBeamWidth = 64;

    // Format 1 had no beam width: its models are greedy. Format 2 had no root position: its root comes first.
    private const int GreedyFormatVersion = 1;
    private const int BeamFormatVersion = 2;

    private static readonly byte[] Magic = "PARLEYDP"u8.ToArray();

    [ThreadStatic]
    private static ParserScratch? _threadScratch;

    private readonly string[] _labels;
    private readonly string[] _relations;
    private readonly int[] _baseOf;
    private readonly int[] _liftedFrom;
    private readonly int _rootLabel;
    private readonly int _punctLabel;
    private readonly int _otherLabel;
    private readonly PackedPerceptronModel _weights;
    private readonly int _beamWidth;
    private readonly ParserTransitions _transitions;
    private readonly ParserNetwork? _network;

    /// <summary>A neural parser: transitions scored by <paramref name="network"/>, greedily.</summary>
    internal ParserModel(string[] labels, ParserNetwork network, ParserTransitions transitions = ParserTransitions.None)
        : this(labels, new PackedPerceptronModel(network.Actions, [], [0], [], []), 1, transitions)
    {
        _network = network;
    }

    internal ParserModel(string[] labels, PackedPerceptronModel weights, int beamWidth = 1, ParserTransitions transitions = ParserTransitions.None)
    {
        if (beamWidth is < 1 or > MaxBeamWidth)
        {
            throw new InvalidDataException($"Parser beam width {beamWidth} is outside 1..{MaxBeamWidth}.");
        }
        _labels = labels;
        _weights = weights;
        _beamWidth = beamWidth;
        if (transitions > (ParserTransitions.RootLast | ParserTransitions.NonMonotonic) || transitions == ParserTransitions.NonMonotonic)
        {
            throw new InvalidDataException($"Parser model declares unknown options ({(int)transitions}).");
        }
        _transitions = transitions;
        if (weights.Classes != 2 + 2 * labels.Length)
        {
            throw new InvalidDataException($"Parser model has {weights.Classes} classes for {labels.Length} labels (expected {2 + 2 * labels.Length}).");
        }
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < labels.Length; i++)
        {
            index[labels[i]] = i;
        }
        _relations = new string[labels.Length];
        _baseOf = new int[labels.Length];
        _liftedFrom = new int[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            var marker = label.IndexOf(ProjectiveLifting.Marker, StringComparison.Ordinal);
            if (marker < 0)
            {
                _baseOf[i] = i;
                _liftedFrom[i] = -1;
                _relations[i] = label;
                continue;
            }
            if (!index.TryGetValue(label[..marker], out var baseId) || !index.TryGetValue(label[(marker + 1)..], out var fromId))
            {
                throw new InvalidDataException($"Parser label '{label}' names a relation the model does not have.");
            }
            _baseOf[i] = baseId;
            _liftedFrom[i] = fromId;
            _relations[i] = labels[baseId];
        }
        for (var i = 0; i < labels.Length; i++)
        {
            // One string instance per relation, so filling the analyses allocates nothing.
            _relations[i] = _relations[_baseOf[i]];
        }
        _rootLabel = index.TryGetValue("root", out var root) ? root : throw new InvalidDataException("Parser model has no 'root' label.");
        _punctLabel = index.GetValueOrDefault("punct", _rootLabel == 0 ? 1 % labels.Length : 0);
        _otherLabel = index.TryGetValue("parataxis", out var other) ? other : index.GetValueOrDefault("dep", _punctLabel);
    }

    /// <summary>The labels the model predicts, decorated ones (<c>obj|xcomp</c>) included, in class order.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Number of hashed features with a non-zero weight.</summary>
    public int FeatureCount => _weights.FeatureCount;

    /// <summary>Beam width the model parses with: 1 is greedy; a beam model's default is the width it was trained with.</summary>
    public int BeamWidth => _beamWidth;

    /// <summary>True when the model parses with the artificial root after the last word (see <see cref="ParserTrainingOptions.RootLast"/>).</summary>
    public bool RootLast => (_transitions & ParserTransitions.RootLast) != 0;

    /// <summary>True when transitions are scored by a neural network (see <see cref="ParserTrainingOptions.Neural"/>) instead of feature weights.</summary>
    public bool IsNeural => _network is not null;

    /// <summary>True when the model's left arcs may replace a head a right arc gave (see <see cref="ParserTrainingOptions.NonMonotonic"/>).</summary>
    public bool NonMonotonic => (_transitions & ParserTransitions.NonMonotonic) != 0;

    /// <summary>
    /// The same weights parsing with a beam of <paramref name="width"/> (1: greedy, fastest). A beam
    /// model parses best with the width it was trained with; a greedy model gains little from a beam.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The width is outside 1..<see cref="MaxBeamWidth"/>.</exception>
    /// <exception cref="NotSupportedException">The model is neural, which parses greedily only.</exception>
    public ParserModel WithBeamWidth(int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, MaxBeamWidth);
        if (_network is not null && width != 1)
        {
            throw new NotSupportedException("The neural parser parses greedily only; beam search is not available for it.");
        }
        return width == _beamWidth ? this : new ParserModel(_labels, _weights, width, _transitions);
    }

    internal int LabelCount => _labels.Length;

    /// <summary>The network of a neural parser, or null.</summary>
    internal ParserNetwork? Network => _network;

    internal int RootLabel => _rootLabel;

    internal PackedPerceptronModel Weights => _weights;

    /// <summary>
    /// Parses every sentence of <paramref name="document"/> from its tokens and tags, and sets
    /// <see cref="TokenAnalysis.Head"/> (document-wide index, -1 for the root) and
    /// <see cref="TokenAnalysis.Relation"/>. Each sentence gets exactly one root, every word a head
    /// inside its sentence, and no cycles.
    /// </summary>
    /// <exception cref="ArgumentException">The document's analyses are not parallel to its tokens.</exception>
    public void Parse(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var analyses = document.Analyses;
        if (analyses.Length != document.Tokens.Length)
        {
            throw new ArgumentException($"Document '{document.Id}' has {analyses.Length} analyses for {document.Tokens.Length} tokens; the tagger must run first.", nameof(document));
        }
        var scratch = _threadScratch ??= new ParserScratch();
        foreach (var sentence in document.Sentences)
        {
            var n = sentence.TokenCount;
            if (n == 0)
            {
                continue;
            }
            // A chain of hyphen-joined words is one word to the parser (see HyphenChains): the
            // parser's word i + 1 is tokens [UnitFirst[i], UnitLast[i]], headed by UnitHead[i].
            var first = sentence.FirstToken;
            var end = first + n;
            var units = 0;
            scratch.EnsureUnits(n);
            for (var k = first; k < end; k++)
            {
                var last = HyphenChains.End(document, k, end);
                scratch.UnitFirst[units] = k;
                scratch.UnitLast[units] = last;
                scratch.UnitHead[units] = last == k ? k : HyphenChains.Head(analyses, k, last);
                units++;
                k = last;
            }
            var state = Prepare(scratch, units);
            for (var i = 0; i < units; i++)
            {
                var k = scratch.UnitHead[i];
                var a = analyses[k];
                var tag = ParserFeatures.TagName(a.Xpos, a.Upos);
                var from = document.Tokens[scratch.UnitFirst[i]].Start;
                var form = document.Text.AsSpan(from, document.Tokens[scratch.UnitLast[i]].End - from);
                state.Word[i + 1] = ParserFeatures.WordOf(form);
                state.Tag[i + 1] = ParserFeatures.TagOf(tag);
                state.IsPunct[i + 1] = a.Upos == "PUNCT";
                _network?.SetWord(scratch.Network!, i + 1, form, tag);
            }
            Run(scratch);
            for (var i = 0; i < units; i++)
            {
                var head = state.Head[i + 1];
                var k = scratch.UnitHead[i];
                analyses[k] = analyses[k] with
                {
                    Head = head == 0 ? -1 : scratch.UnitHead[head - 1],
                    Relation = _relations[state.Label[i + 1]],
                };
                if (scratch.UnitLast[i] != scratch.UnitFirst[i])
                {
                    HyphenChains.Attach(analyses, scratch.UnitFirst[i], scratch.UnitLast[i], k);
                }
            }
        }
    }

    /// <summary>Readies the scratch for a sentence of <paramref name="words"/> words; the caller fills words, tags and punctuation flags from 1.</summary>
    internal ArcEagerState Prepare(ParserScratch scratch, int words)
    {
        scratch.Ensure(2 + 2 * _labels.Length, words);
        var state = scratch.State;
        state.Reset(words, _labels.Length, _rootLabel, _transitions);
        _network?.Begin(scratch.Network ??= new ParserNetworkScratch(), words);
        return state;
    }

    /// <summary>Parses the prepared sentence; heads and undecorated label ids end in the state (0 = root).</summary>
    internal void Run(ParserScratch scratch)
    {
        var state = scratch.State;
        if (_network is not null)
        {
            var network = scratch.Network!;
            _network.Encode(network, state.Count);
            while (!state.IsTerminal)
            {
                if (state.ForcedAction is var forced and >= 0)
                {
                    state.Apply(forced);
                    continue;
                }
                _network.Score(network, state, scratch.Scores);
                if (_network.AllowedLabels is not null)
                {
                    MaskLabels(state, network, scratch.Scores);
                }
                state.Apply(BestValid(state, scratch.Scores));
            }
        }
        else if (_beamWidth > 1)
        {
            Search(scratch, _beamWidth);
        }
        else
        {
            var features = scratch.Features;
            var scores = scratch.Scores;
            // Only a parser with the root last has steps with a single allowed action to skip.
            var skipForced = state.RootLast;
            while (!state.IsTerminal)
            {
                if (skipForced && state.ForcedAction is var forced and >= 0)
                {
                    state.Apply(forced);
                    continue;
                }
                var count = ParserFeatures.Extract(state, features);
                _weights.Score(features.AsSpan(0, count), scores);
                state.Apply(BestValid(state, scores));
            }
        }
        Complete(scratch);
    }

    /// <summary>Takes the prepared sentence to a terminal configuration by beam search of <paramref name="width"/> (1 included).</summary>
    internal void Search(ParserScratch scratch, int width)
    {
        var beam = scratch.Beam ??= new ArcEagerBeam();
        beam.Begin(scratch.State, width);
        var scorer = new PackedScorer(_weights);
        beam.Run(ref scorer);
        scratch.State.CopyConfigurationFrom(beam.State(0));
    }

    /// <summary>Attaches the words left without a head and undoes the lifting: heads and undecorated labels end in the state.</summary>
    internal void Complete(ParserScratch scratch)
    {
        var state = scratch.State;
        state.Finish(_punctLabel, _otherLabel);
        ProjectiveLifting.Lower(state.Head, state.Label, state.Count, _baseOf, _liftedFrom, scratch.Queue);
    }

    /// <summary>The undecorated relation of a label id.</summary>
    internal string RelationOf(int label) => _relations[label];

    // Scores the arcs that would give the dependent a label its tag never takes in training at minus
    // infinity (every tag the network knows takes some label, so an allowed arc keeps one).
    private void MaskLabels(ArcEagerState state, ParserNetworkScratch network, Span<float> scores)
    {
        if (state.CanLeft)
        {
            MaskArc(_network!.AllowedFor(network, state.S0), scores.Slice(2, _labels.Length));
        }
        if (state.CanRight)
        {
            MaskArc(_network!.AllowedFor(network, state.Buffer), scores.Slice(2 + _labels.Length, _labels.Length));
        }
    }

    private static void MaskArc(ReadOnlySpan<bool> allowed, Span<float> arcScores)
    {
        for (var l = 0; l < allowed.Length; l++)
        {
            if (!allowed[l])
            {
                arcScores[l] = float.NegativeInfinity;
            }
        }
    }

    /// <summary>The highest-scoring action allowed in the configuration (lowest index wins ties).</summary>
    internal static int BestValid(ArcEagerState state, ReadOnlySpan<float> scores)
    {
        var best = -1;
        var bestScore = float.NegativeInfinity;
        if (state.CanShift)
        {
            best = ArcEagerState.Shift;
            bestScore = scores[ArcEagerState.Shift];
        }
        if (state.CanReduce && (best < 0 || scores[ArcEagerState.Reduce] > bestScore))
        {
            best = ArcEagerState.Reduce;
            bestScore = scores[ArcEagerState.Reduce];
        }
        var labels = state.LabelCount;
        var root = state.RootLabel;
        if (state.CanLeft)
        {
            // A left arc carries the root label exactly when the root (placed last) takes it.
            var leftIsRoot = state.LeftIsRoot;
            for (var l = 0; l < labels; l++)
            {
                var a = 2 + l;
                if ((l == root) == leftIsRoot && (best < 0 || scores[a] > bestScore))
                {
                    best = a;
                    bestScore = scores[a];
                }
            }
        }
        if (state.CanRight)
        {
            if (state.S0 == 0)
            {
                var a = 2 + labels + root;
                if (best < 0 || scores[a] > bestScore)
                {
                    best = a;
                }
            }
            else
            {
                for (var l = 0; l < labels; l++)
                {
                    var a = 2 + labels + l;
                    if (l != root && (best < 0 || scores[a] > bestScore))
                    {
                        best = a;
                        bestScore = scores[a];
                    }
                }
            }
        }
        return best;
    }

    /// <summary>A copy without the weights smaller than <paramref name="threshold"/> in magnitude: smaller and faster.</summary>
    public ParserModel Prune(float threshold) => _network is not null ? this : new(_labels, _weights.Prune(threshold), _beamWidth, _transitions);

    /// <summary>
    /// The ensemble of parsers trained alike (same labels and beam width) as one parser: the mean of
    /// their weights, so every transition is scored with the mean of their scores.
    /// </summary>
    /// <exception cref="ArgumentException">The parsers differ in labels, beam width or root position.</exception>
    public static ParserModel Average(IReadOnlyList<ParserModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentOutOfRangeException.ThrowIfZero(models.Count);
        var weights = new PackedPerceptronModel[models.Count];
        for (var m = 0; m < weights.Length; m++)
        {
            if (models[m]._network is not null)
            {
                throw new ArgumentException("Neural parsers cannot be averaged.", nameof(models));
            }
            if (models[m]._beamWidth != models[0]._beamWidth || models[m]._transitions != models[0]._transitions || !models[m]._labels.AsSpan().SequenceEqual(models[0]._labels))
            {
                throw new ArgumentException("Only parsers with the same labels, beam width and root position can be averaged.", nameof(models));
            }
            weights[m] = models[m]._weights;
        }
        return new ParserModel(models[0]._labels, PackedPerceptronModel.Average(weights), models[0]._beamWidth, models[0]._transitions);
    }

    /// <summary>Writes the model. The same model always gives the same bytes.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            // A model the older formats describe keeps its format, so retraining it gives the same bytes as before.
            if (_network is not null)
            {
                writer.Write(NeuralFormatVersion);
                writer.Write((byte)_transitions);
            }
            else if (_transitions != ParserTransitions.None)
            {
                writer.Write(FormatVersion);
                writer.Write(_beamWidth);
                writer.Write((byte)_transitions);
            }
            else if (_beamWidth == 1)
            {
                writer.Write(GreedyFormatVersion);
            }
            else
            {
                writer.Write(BeamFormatVersion);
                writer.Write(_beamWidth);
            }
            writer.Write(_labels.Length);
            foreach (var label in _labels)
            {
                writer.Write(label);
            }
            if (_network is not null)
            {
                _network.Save(writer);
                return;
            }
        }
        _weights.Save(stream);
    }

    /// <summary>Writes the model to a file, replacing it.</summary>
    public void Save(string path)
    {
        using var stream = File.Create(path);
        Save(stream);
    }

    /// <summary>Reads a model written by <see cref="Save(Stream)"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a parser model of this format version.</exception>
    public static ParserModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        string[] labels;
        int beamWidth;
        var transitions = ParserTransitions.None;
        ParserNetwork? network = null;
        using (var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true))
        {
            var magic = reader.ReadBytes(Magic.Length);
            if (!magic.AsSpan().SequenceEqual(Magic))
            {
                throw new InvalidDataException("Not a Parley parser model.");
            }
            var version = reader.ReadInt32();
            if (version is not (NeuralFormatVersion or FormatVersion or BeamFormatVersion or GreedyFormatVersion))
            {
                throw new InvalidDataException($"Parser model format {version} is not supported (expected {GreedyFormatVersion} to {NeuralFormatVersion}).");
            }
            beamWidth = version is GreedyFormatVersion or NeuralFormatVersion ? 1 : reader.ReadInt32();
            if (version is FormatVersion or NeuralFormatVersion)
            {
                transitions = (ParserTransitions)reader.ReadByte();
            }
            if (beamWidth is < 1 or > MaxBeamWidth)
            {
                throw new InvalidDataException($"Parser model declares a beam of width {beamWidth}.");
            }
            var count = reader.ReadInt32();
            if (count is < 1 or > 4096)
            {
                throw new InvalidDataException($"Parser model declares {count} labels.");
            }
            labels = new string[count];
            for (var i = 0; i < count; i++)
            {
                labels[i] = reader.ReadString();
            }
            if (version == NeuralFormatVersion)
            {
                network = ParserNetwork.Load(reader);
            }
        }
        if (network is not null)
        {
            if (network.Actions != 2 + 2 * labels.Length)
            {
                throw new InvalidDataException($"Parser network scores {network.Actions} transitions for {labels.Length} labels (expected {2 + 2 * labels.Length}).");
            }
            return new ParserModel(labels, network, transitions);
        }
        return new ParserModel(labels, PackedPerceptronModel.Load(stream), beamWidth, transitions);
    }

    /// <summary>Reads a model file written by <see cref="Save(string)"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a parser model of this format version.</exception>
    public static ParserModel Load(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Load(stream);
    }

    private readonly struct PackedScorer(PackedPerceptronModel weights) : IActionScorer
    {
        public void Score(ReadOnlySpan<ulong> features, Span<float> scores) => weights.Score(features, scores);
    }
}
