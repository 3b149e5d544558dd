using System.IO.Compression;
using System.Text;
using Parley.Learning;

namespace Parley.Syntax;

/// <summary>
/// The scorer of the neural parser (after Kiperwasser and Goldberg, 2016): every word is an embedding
/// of its lower-cased form, its Penn tag, its last three letters and eight surface flags; one or two
/// bidirectional LSTM layers read the sentence; a transition is scored by a hidden layer over the
/// LSTM vectors of seven positions of the configuration (the two top stack words, the two first
/// buffer words, the outermost dependents of the stack top and the leftmost of the first buffer word).
/// Read-only once trained or loaded; the per-sentence values live in a <see cref="ParserNetworkScratch"/>.
/// </summary>
internal sealed class ParserNetwork
{
    public const int WordSize = 64;
    public const int TagSize = 24;
    public const int SuffixSize = 16;
    public const int FlagSize = 8;
    public const int InputSize = WordSize + TagSize + SuffixSize + FlagSize;
    public const int Slots = 7;

    private const int Magic = 0x4E4E_5250; // "PRNN"
    private const int FormatVersion = 1;

    private readonly Dictionary<string, int> _words;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;
    private readonly Dictionary<string, int> _suffixes;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _suffixLookup;
    private readonly Dictionary<string, int> _tags;
    private readonly string[] _wordList;
    private readonly string[] _suffixList;
    private readonly string[] _tagList;
    private float[] _outputTransposed = [];
    private InputTables? _inputTables;
    private bool[]? _allowedLabels;
    private readonly Lock _inputTablesLock = new();

    private ParserNetwork(string[] words, string[] suffixes, string[] tags, int layers, int hiddenSize, int layerSize, int topSize, int actions,
        DenseParameter[] parameters)
    {
        _wordList = words;
        _suffixList = suffixes;
        _tagList = tags;
        _words = Index(words);
        _wordLookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        _suffixes = Index(suffixes);
        _suffixLookup = _suffixes.GetAlternateLookup<ReadOnlySpan<char>>();
        _tags = Index(tags);
        Layers = layers;
        HiddenSize = hiddenSize;
        LayerSize = layerSize;
        TopSize = layers == 2 ? topSize : layerSize;
        Actions = actions;
        var k = 0;
        WordEmbeddings = parameters[k++];
        TagEmbeddings = parameters[k++];
        SuffixEmbeddings = parameters[k++];
        Special = parameters[k++];
        Lstm = new LstmDirection[2 * layers];
        for (var d = 0; d < Lstm.Length; d++)
        {
            Lstm[d] = new LstmDirection(d < 2 ? InputSize : 2 * layerSize, d < 2 ? layerSize : TopSize, d % 2 == 1, parameters[k++], parameters[k++]);
        }
        Hidden = parameters[k++];
        HiddenBias = parameters[k++];
        Output = parameters[k++];
        OutputBias = parameters[k++];
        Parameters = parameters;
        Refresh();
    }

    /// <summary>A new network with random weights over the given vocabularies (index 0 of each is "unknown").</summary>
    public static ParserNetwork Create(string[] words, string[] suffixes, string[] tags, int actions, int layers, int layerSize, int hiddenSize, Random random,
        int secondLayerSize = 0)
    {
        var top = layers == 2 && secondLayerSize > 0 ? secondLayerSize : layerSize;
        if (layers is < 1 or > 2)
        {
            throw new ArgumentOutOfRangeException(nameof(layers), "The parser network has one or two LSTM layers.");
        }
        var vector = 2 * top;
        DenseParameter[] parameters =
        [
            new(words.Length, WordSize, random, 0.1f, sparse: true),
            new(tags.Length, TagSize, random, 0.1f, sparse: true),
            new(suffixes.Length, SuffixSize, random, 0.1f, sparse: true),
            new(2, vector, random, 0.1f),
            .. Lstm(InputSize, layerSize), .. Lstm(InputSize, layerSize), .. (layers == 2 ? [.. Lstm(2 * layerSize, top), .. Lstm(2 * layerSize, top)] : Array.Empty<DenseParameter>()),
            new(Slots * hiddenSize, vector, random, MathF.Sqrt(6f / (Slots * vector + hiddenSize))),
            new(1, hiddenSize, new float[hiddenSize]),
            new(actions, hiddenSize, random, MathF.Sqrt(6f / (hiddenSize + actions))),
            new(1, actions, new float[actions]),
        ];
        return new ParserNetwork(words, suffixes, tags, layers, hiddenSize, layerSize, top, actions, parameters);

        DenseParameter[] Lstm(int input, int size)
        {
            var direction = LstmDirection.Create(input, size, false, random);
            return [direction.Weights, direction.Bias];
        }
    }

    /// <summary>Number of bidirectional LSTM layers (1 or 2).</summary>
    public int Layers { get; }

    /// <summary>Units of the hidden layer that scores transitions.</summary>
    public int HiddenSize { get; }

    /// <summary>Units of each direction of the first LSTM layer.</summary>
    public int LayerSize { get; }

    /// <summary>Units of each direction of the top LSTM layer (the first when there is one); a word's vector has twice as many.</summary>
    public int TopSize { get; }

    /// <summary>Number of transitions scored.</summary>
    public int Actions { get; }

    public int VectorSize => 2 * TopSize;

    /// <summary>Width of the first layer's output (both directions).</summary>
    public int FirstVectorSize => 2 * LayerSize;

    public DenseParameter WordEmbeddings { get; }

    public DenseParameter TagEmbeddings { get; }

    public DenseParameter SuffixEmbeddings { get; }

    /// <summary>Row 0: the artificial root's vector; row 1: the vector of an empty position.</summary>
    public DenseParameter Special { get; }

    /// <summary>Layer 1 forward and backward, then layer 2 forward and backward when there is one.</summary>
    public LstmDirection[] Lstm { get; }

    /// <summary>Slots × hidden rows: each slot's weights into the hidden layer.</summary>
    public DenseParameter Hidden { get; }

    public DenseParameter HiddenBias { get; }

    /// <summary>Actions × hidden.</summary>
    public DenseParameter Output { get; }

    public DenseParameter OutputBias { get; }

    /// <summary>Every parameter, in the order they are saved.</summary>
    public DenseParameter[] Parameters { get; }

    /// <summary>
    /// The labels a word of each tag may take (tags × labels), as the training trees give them: a
    /// dependent is never given a relation the treebank never gives its tag ("presented" as a case
    /// marker), whatever the scores say. Null: every label is allowed.
    /// </summary>
    public bool[]? AllowedLabels
    {
        get => _allowedLabels;
        set
        {
            if (value is not null && value.Length != _tagList.Length * ((Actions - 2) / 2))
            {
                throw new ArgumentException($"The label table has {value.Length} cells for {_tagList.Length} tags and {(Actions - 2) / 2} labels.", nameof(value));
            }
            _allowedLabels = value;
        }
    }

    /// <summary>
    /// The labels word <paramref name="position"/> of the encoded sentence may take as a dependent (one
    /// flag per label), or an empty span when any will do (no table, or the root or the empty position).
    /// </summary>
    public ReadOnlySpan<bool> AllowedFor(ParserNetworkScratch scratch, int position)
    {
        if (_allowedLabels is null || position < 1 || position > scratch.Words)
        {
            return [];
        }
        var labels = (Actions - 2) / 2;
        return _allowedLabels.AsSpan(scratch.TagId[position] * labels, labels);
    }

    /// <summary>Number of words with an embedding of their own.</summary>
    public int WordCount => _wordList.Length;

    /// <summary>Rebuilds the transposed copies the scoring reads; call after the weights change.</summary>
    public void Refresh()
    {
        foreach (var direction in Lstm)
        {
            direction.Refresh();
        }
        _outputTransposed = DenseMath.Transpose(Output.Values, Actions, HiddenSize, 0, HiddenSize);
        lock (_inputTablesLock)
        {
            _inputTables = null;
        }
    }

    // The first layer's input gates (both directions, 8 × layer size) of every word, tag, suffix and
    // flag combination: a word's gates are then four table rows added, instead of a matrix product.
    private sealed record InputTables(float[] Words, float[] Tags, float[] Suffixes, float[] Flags, int Width);

    private InputTables Tables()
    {
        if (_inputTables is { } ready)
        {
            return ready;
        }
        lock (_inputTablesLock)
        {
            if (_inputTables is { } built)
            {
                return built;
            }
            var width = 8 * LayerSize;
            var words = Table(WordEmbeddings, 0);
            var tags = Table(TagEmbeddings, WordSize);
            var suffixes = Table(SuffixEmbeddings, WordSize + TagSize);
            // The flags' table holds the biases: every word has the always-on flag.
            var combinations = 1 << (FlagSize - 1);
            var flags = new float[combinations * width];
            var input = new float[FlagSize];
            for (var c = 0; c < combinations; c++)
            {
                for (var b = 0; b < FlagSize - 1; b++)
                {
                    input[b] = (c >> b) & 1;
                }
                input[FlagSize - 1] = 1;
                for (var d = 0; d < 2; d++)
                {
                    Lstm[d].InputGates(input, WordSize + TagSize + SuffixSize, withBias: true, flags.AsSpan(c * width + d * (width / 2), width / 2));
                }
            }
            return _inputTables = new InputTables(words, tags, suffixes, flags, width);

            // Every row's gates of both directions at once: the embeddings times each direction's
            // weight columns for them, written side by side (a matrix product, so loading stays quick).
            float[] Table(DenseParameter embeddings, int offset)
            {
                var table = new float[embeddings.Rows * width];
                for (var d = 0; d < 2; d++)
                {
                    var direction = Lstm[d];
                    DenseMath.MultiplyTransposed(embeddings.Values, 0, embeddings.Cols, embeddings.Rows, direction.Weights.Values, offset,
                        direction.Weights.Cols, width / 2, embeddings.Cols, table, width, null, d * (width / 2));
                }
                return table;
            }
        }
    }

    private static int FlagIndex(ReadOnlySpan<float> flags)
    {
        var index = 0;
        for (var b = 0; b < FlagSize - 1; b++)
        {
            index |= (flags[b] != 0 ? 1 : 0) << b;
        }
        return index;
    }

    /// <summary>The form as the vocabulary keys it: lower case, every digit 0.</summary>
    public static string NormalizeWord(ReadOnlySpan<char> form)
    {
        Span<char> buffer = form.Length <= 128 ? stackalloc char[form.Length] : new char[form.Length];
        Normalize(form, buffer);
        return new string(buffer);
    }

    /// <summary>The suffix key: the last three letters in lower case, or the whole word marked when shorter.</summary>
    public static string SuffixOf(ReadOnlySpan<char> form)
    {
        Span<char> key = stackalloc char[4];
        return new string(key[..SuffixKey(form, key)]);
    }

    private static void Normalize(ReadOnlySpan<char> form, Span<char> buffer)
    {
        form.ToLowerInvariant(buffer);
        for (var i = 0; i < buffer.Length; i++)
        {
            if (char.IsDigit(buffer[i]))
            {
                buffer[i] = '0';
            }
        }
    }

    /// <summary>Readies the scratch for a sentence of <paramref name="words"/> words, before <see cref="SetWord"/>.</summary>
    public void Begin(ParserNetworkScratch scratch, int words) => scratch.EnsureWords(words + 2, this);

    /// <summary>Puts word <paramref name="position"/> (from 1) of the sentence begun with <see cref="Begin"/> into the scratch: its ids and flags.</summary>
    public void SetWord(ParserNetworkScratch scratch, int position, ReadOnlySpan<char> form, string tag)
    {
        Span<char> buffer = form.Length <= 128 ? stackalloc char[form.Length] : new char[form.Length];
        Normalize(form, buffer);
        scratch.WordId[position] = _wordLookup.TryGetValue(buffer, out var word) ? word : 0;
        Span<char> suffix = stackalloc char[4];
        var suffixLength = SuffixKey(form, suffix);
        scratch.SuffixId[position] = _suffixLookup.TryGetValue(suffix[..suffixLength], out var s) ? s : 0;
        scratch.TagId[position] = _tags.GetValueOrDefault(tag);
        WriteFlags(form, position == 1, scratch.Flags.AsSpan(position * FlagSize, FlagSize));
    }

    private static int SuffixKey(ReadOnlySpan<char> form, Span<char> key)
    {
        if (form.Length <= 3)
        {
            key[0] = '^';
            form.ToLowerInvariant(key[1..]);
            return form.Length + 1;
        }
        form[^3..].ToLowerInvariant(key);
        return 3;
    }

    private static void WriteFlags(ReadOnlySpan<char> form, bool first, Span<float> flags)
    {
        bool upper = false, lower = false, digit = false, letterOrDigit = false;
        foreach (var c in form)
        {
            upper |= char.IsUpper(c);
            lower |= char.IsLower(c);
            digit |= char.IsDigit(c);
            letterOrDigit |= char.IsLetterOrDigit(c);
        }
        flags[0] = lower && !upper ? 1 : 0;
        flags[1] = form.Length > 0 && char.IsUpper(form[0]) && lower ? 1 : 0;
        flags[2] = upper && !lower ? 1 : 0;
        flags[3] = digit ? 1 : 0;
        flags[4] = letterOrDigit ? 0 : 1;
        flags[5] = first ? 1 : 0;
        flags[6] = form.Contains('-') ? 1 : 0;
        flags[7] = 1;
    }

    /// <summary>
    /// Reads the sentence of <paramref name="n"/> words set by <see cref="SetWord"/>: the LSTM vectors of
    /// every position and each slot's share of the hidden layer for each of them. With
    /// <paramref name="dropout"/> (training), embeddings, layer-1 outputs and word vectors are dropped
    /// at <see cref="ParserNetworkScratch.DropRate"/> and rare words replaced by the unknown word.
    /// </summary>
    public void Encode(ParserNetworkScratch scratch, int n, Random? dropout = null)
    {
        var x0 = scratch.Embedded;
        // Training reads the embeddings themselves; parsing reads tables of their products (below).
        for (var i = 1; dropout is not null && i <= n; i++)
        {
            var row = x0.AsSpan((i - 1) * InputSize, InputSize);
            var word = scratch.WordId[i];
            if (word != 0 && dropout.NextDouble() < ParserNetworkScratch.WordDropout / (ParserNetworkScratch.WordDropout + scratch.WordFrequency[i]))
            {
                word = 0;
            }
            scratch.UsedWord[i] = word;
            var tag = scratch.TagDropRate > 0 && dropout.NextDouble() < scratch.TagDropRate ? 0 : scratch.TagId[i];
            scratch.UsedTag[i] = tag;
            WordEmbeddings.Row(word).CopyTo(row);
            TagEmbeddings.Row(tag).CopyTo(row[WordSize..]);
            SuffixEmbeddings.Row(scratch.SuffixId[i]).CopyTo(row[(WordSize + TagSize)..]);
            scratch.Flags.AsSpan(i * FlagSize, FlagSize).CopyTo(row[(WordSize + TagSize + SuffixSize)..]);
        }
        var h = LayerSize;
        var h1 = FirstVectorSize;
        var top = TopSize;
        var v = VectorSize;
        var dropping = dropout is not null && scratch.DropRate > 0;
        if (dropping)
        {
            scratch.Drop(x0.AsSpan(0, n * InputSize), scratch.EmbeddedMask, dropout!);
        }
        var traces = scratch.Traces;
        if (dropout is null)
        {
            var tables = Tables();
            var width = tables.Width;
            var gates = scratch.InputGates.Length >= n * width ? scratch.InputGates : scratch.InputGates = new float[Math.Max(n, 16) * width * 2];
            for (var i = 1; i <= n; i++)
            {
                var row = gates.AsSpan((i - 1) * width, width);
                tables.Flags.AsSpan(FlagIndex(scratch.Flags.AsSpan(i * FlagSize, FlagSize)) * width, width).CopyTo(row);
                DenseMath.Add(tables.Words.AsSpan(scratch.WordId[i] * width, width), row);
                DenseMath.Add(tables.Tags.AsSpan(scratch.TagId[i] * width, width), row);
                DenseMath.Add(tables.Suffixes.AsSpan(scratch.SuffixId[i] * width, width), row);
            }
            Lstm[0].RunFromGates(traces[0], gates, width, 0, n);
            Lstm[1].RunFromGates(traces[1], gates, width, width / 2, n);
        }
        else
        {
            Lstm[0].Run(traces[0], x0, InputSize, 0, n);
            Lstm[1].Run(traces[1], x0, InputSize, 0, n);
        }
        var last = 0;
        if (Layers == 2)
        {
            var x1 = scratch.Layer1;
            for (var t = 0; t < n; t++)
            {
                traces[0].Output.AsSpan(t * h, h).CopyTo(x1.AsSpan(t * h1, h));
                traces[1].Output.AsSpan(t * h, h).CopyTo(x1.AsSpan(t * h1 + h, h));
            }
            if (dropping)
            {
                scratch.Drop(x1.AsSpan(0, n * h1), scratch.Layer1Mask, dropout!);
            }
            Lstm[2].Run(traces[2], x1, h1, 0, n);
            Lstm[3].Run(traces[3], x1, h1, 0, n);
            last = 2;
        }
        var vectors = scratch.Vectors;
        Special.Row(0).CopyTo(vectors.AsSpan(0, v));
        for (var t = 0; t < n; t++)
        {
            traces[last].Output.AsSpan(t * top, top).CopyTo(vectors.AsSpan((t + 1) * v, top));
            traces[last + 1].Output.AsSpan(t * top, top).CopyTo(vectors.AsSpan((t + 1) * v + top, top));
        }
        Special.Row(1).CopyTo(vectors.AsSpan((n + 1) * v, v));
        if (dropping)
        {
            scratch.Drop(vectors.AsSpan(v, n * v), scratch.VectorMask, dropout!);
        }
        // Projections[j][k · hidden ..]: slot k's share of the hidden layer when it holds position j.
        DenseMath.MultiplyTransposed(vectors, 0, v, n + 2, Hidden.Values, 0, v, Slots * HiddenSize, v, scratch.Projections, Slots * HiddenSize, null);
        scratch.Words = n;
    }

    /// <summary>Fills the slots of <paramref name="state"/> and scores every transition into <paramref name="scores"/>.</summary>
    public void Score(ParserNetworkScratch scratch, ArcEagerState state, Span<float> scores)
    {
        var n = scratch.Words;
        var none = n + 1;
        var slot = scratch.Slot;
        var s0 = state.S0;
        var s1 = state.S1;
        var n0 = state.Buffer <= n ? state.Buffer : -1;
        var n1 = state.Buffer + 1 <= n ? state.Buffer + 1 : -1;
        slot[0] = s0 >= 0 ? s0 : none;
        slot[1] = s1 >= 0 ? s1 : none;
        slot[2] = n0 >= 0 ? n0 : none;
        slot[3] = n1 >= 0 ? n1 : none;
        slot[4] = s0 >= 0 && state.Left1[s0] >= 0 ? state.Left1[s0] : none;
        slot[5] = s0 >= 0 && state.Right1[s0] >= 0 ? state.Right1[s0] : none;
        slot[6] = n0 >= 0 && state.Left1[n0] >= 0 ? state.Left1[n0] : none;
        var hidden = scratch.HiddenValues.AsSpan(0, HiddenSize);
        HiddenBias.Values.CopyTo(hidden);
        for (var k = 0; k < Slots; k++)
        {
            DenseMath.Add(scratch.Projections.AsSpan((slot[k] * Slots + k) * HiddenSize, HiddenSize), hidden);
        }
        DenseMath.Tanh(hidden);
        var output = scores[..Actions];
        OutputBias.Values.CopyTo(output);
        DenseMath.MultiplyAddTransposed(hidden, _outputTransposed, HiddenSize, Actions, output);
    }

    /// <summary>
    /// Adds the gradient of the margin loss <c>score(bad) − score(good)</c> at the last scored
    /// configuration: the output layer's now, the hidden layer's into the scratch's per-slot gradients.
    /// </summary>
    public void AddMarginGradient(ParserNetworkScratch scratch, int good, int bad)
    {
        var hidden = scratch.HiddenValues.AsSpan(0, HiddenSize);
        DenseMath.Axpy(1, hidden, Output.GradientRow(bad));
        DenseMath.Axpy(-1, hidden, Output.GradientRow(good));
        var biasGradient = OutputBias.Gradient;
        biasGradient[bad] += 1;
        biasGradient[good] -= 1;
        var wb = Output.Row(bad);
        var wg = Output.Row(good);
        var dz = scratch.HiddenGradient;
        var hiddenBias = HiddenBias.Gradient;
        for (var r = 0; r < HiddenSize; r++)
        {
            var value = hidden[r];
            dz[r] = (wb[r] - wg[r]) * (1 - value * value);
            hiddenBias[r] += dz[r];
        }
        for (var k = 0; k < Slots; k++)
        {
            var index = scratch.Slot[k] * Slots + k;
            scratch.ProjectionUsed[index] = true;
            DenseMath.Add(dz.AsSpan(0, HiddenSize), scratch.ProjectionGradient.AsSpan(index * HiddenSize, HiddenSize));
        }
    }

    /// <summary>Backpropagates the sentence's accumulated slot gradients to every parameter; clears them.</summary>
    public void Backpropagate(ParserNetworkScratch scratch)
    {
        var n = scratch.Words;
        var v = VectorSize;
        var h = LayerSize;
        var h1 = FirstVectorSize;
        var top = TopSize;
        var m = n + 2;
        var hid = HiddenSize;
        var dVectors = scratch.VectorGradient;
        Array.Clear(dVectors, 0, m * v);
        var vectors = scratch.Vectors;
        var weights = Hidden.Values;
        var gradient = Hidden.Gradient;
        for (var j = 0; j < m; j++)
        {
            for (var k = 0; k < Slots; k++)
            {
                var index = j * Slots + k;
                if (!scratch.ProjectionUsed[index])
                {
                    continue;
                }
                scratch.ProjectionUsed[index] = false;
                var dp = scratch.ProjectionGradient.AsSpan(index * hid, hid);
                var x = vectors.AsSpan(j * v, v);
                var dx = dVectors.AsSpan(j * v, v);
                for (var r = 0; r < hid; r++)
                {
                    var g = dp[r];
                    if (g == 0)
                    {
                        continue;
                    }
                    var row = (k * hid + r) * v;
                    DenseMath.Axpy(g, x, gradient.AsSpan(row, v));
                    DenseMath.Axpy(g, weights.AsSpan(row, v), dx);
                }
                dp.Clear();
            }
        }
        DenseMath.Add(dVectors.AsSpan(0, v), Special.GradientRow(0));
        DenseMath.Add(dVectors.AsSpan((n + 1) * v, v), Special.GradientRow(1));
        var dropping = scratch.DropRate > 0;
        if (dropping)
        {
            DenseMath.Multiply(dVectors.AsSpan(v, n * v), scratch.VectorMask.AsSpan(0, n * v));
        }
        var traces = scratch.Traces;
        // The gradient on layer 1's outputs (rows 0..n-1), from layer 2 or straight from the word vectors.
        var dx1 = scratch.Layer1Gradient;
        var dx1Offset = 0;
        if (Layers == 2)
        {
            Array.Clear(dx1, 0, n * h1);
            Lstm[2].Backpropagate(traces[2], scratch.Layer1, dVectors, v, v, dx1, h1, 0, n);
            Lstm[3].Backpropagate(traces[3], scratch.Layer1, dVectors, v, v + top, dx1, h1, 0, n);
            if (dropping)
            {
                DenseMath.Multiply(dx1.AsSpan(0, n * h1), scratch.Layer1Mask.AsSpan(0, n * h1));
            }
        }
        else
        {
            dx1 = dVectors;
            dx1Offset = v;
        }
        var dx0 = scratch.EmbeddedGradient;
        Array.Clear(dx0, 0, n * InputSize);
        Lstm[0].Backpropagate(traces[0], scratch.Embedded, dx1, h1, dx1Offset, dx0, InputSize, 0, n);
        Lstm[1].Backpropagate(traces[1], scratch.Embedded, dx1, h1, dx1Offset + h, dx0, InputSize, 0, n);
        if (dropping)
        {
            DenseMath.Multiply(dx0.AsSpan(0, n * InputSize), scratch.EmbeddedMask.AsSpan(0, n * InputSize));
        }
        for (var i = 1; i <= n; i++)
        {
            var row = dx0.AsSpan((i - 1) * InputSize, InputSize);
            DenseMath.Add(row[..WordSize], WordEmbeddings.GradientRow(scratch.UsedWord[i]));
            DenseMath.Add(row.Slice(WordSize, TagSize), TagEmbeddings.GradientRow(scratch.UsedTag[i]));
            DenseMath.Add(row.Slice(WordSize + TagSize, SuffixSize), SuffixEmbeddings.GradientRow(scratch.SuffixId[i]));
        }
    }

    /// <summary>Writes the network, compressed. The same network always gives the same bytes.</summary>
    public void Save(BinaryWriter writer)
    {
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(Layers);
        writer.Write(LayerSize);
        writer.Write(TopSize);
        writer.Write(HiddenSize);
        writer.Write(Actions);
        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        using (var inner = new BinaryWriter(zip, Encoding.UTF8, leaveOpen: true))
        {
            WriteStrings(inner, _wordList);
            WriteStrings(inner, _suffixList);
            WriteStrings(inner, _tagList);
            inner.Write(Parameters.Length);
            foreach (var parameter in Parameters)
            {
                inner.Write(parameter.Rows);
                inner.Write(parameter.Cols);
                foreach (var value in parameter.Values)
                {
                    inner.Write(value);
                }
            }
            inner.Write(_allowedLabels is not null);
            foreach (var allowed in _allowedLabels ?? [])
            {
                inner.Write(allowed);
            }
        }
        writer.Write(checked((int)buffer.Length));
        writer.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Reads a network written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a parser network of this format.</exception>
    public static ParserNetwork Load(BinaryReader reader)
    {
        if (reader.ReadInt32() != Magic)
        {
            throw new InvalidDataException("Not a Parley parser network.");
        }
        var version = reader.ReadInt32();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"Parser network format {version} is not supported (expected {FormatVersion}).");
        }
        var layers = reader.ReadInt32();
        var layerSize = reader.ReadInt32();
        var topSize = reader.ReadInt32();
        var hiddenSize = reader.ReadInt32();
        var actions = reader.ReadInt32();
        if (layers is < 1 or > 2 || layerSize is < 1 or > 1024 || topSize is < 1 or > 1024 || hiddenSize is < 1 or > 4096 || actions is < 2 or > 8194)
        {
            throw new InvalidDataException($"Parser network declares sizes {layerSize}, {hiddenSize}, {actions}.");
        }
        var length = reader.ReadInt32();
        var packed = reader.ReadBytes(length);
        if (length < 0 || packed.Length != length)
        {
            throw new InvalidDataException($"The parser network is cut short: {packed.Length} of {length} bytes.");
        }
        try
        {
            return Read(packed, layers, layerSize, topSize, hiddenSize, actions);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("The parser network's weights are cut short.");
        }
    }

    private static ParserNetwork Read(byte[] packed, int layers, int layerSize, int topSize, int hiddenSize, int actions)
    {
        using var zip = new GZipStream(new MemoryStream(packed), CompressionMode.Decompress);
        using var inner = new BinaryReader(zip, Encoding.UTF8);
        var words = ReadStrings(inner);
        var suffixes = ReadStrings(inner);
        var tags = ReadStrings(inner);
        var count = inner.ReadInt32();
        if (count != 8 + 4 * layers)
        {
            throw new InvalidDataException($"Parser network has {count} parameters (expected {8 + 4 * layers}).");
        }
        var parameters = new DenseParameter[count];
        for (var p = 0; p < count; p++)
        {
            var rows = inner.ReadInt32();
            var cols = inner.ReadInt32();
            if (rows < 1 || cols < 1 || (long)rows * cols > 64_000_000)
            {
                throw new InvalidDataException($"Parser network parameter {p} declares {rows} × {cols} values.");
            }
            var values = new float[rows * cols];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = inner.ReadSingle();
            }
            parameters[p] = new DenseParameter(rows, cols, values, sparse: p < 3);
        }
        var network = new ParserNetwork(words, suffixes, tags, layers, hiddenSize, layerSize, topSize, actions, parameters);
        if (inner.ReadBoolean())
        {
            var allowed = new bool[tags.Length * ((actions - 2) / 2)];
            for (var i = 0; i < allowed.Length; i++)
            {
                allowed[i] = inner.ReadBoolean();
            }
            network.AllowedLabels = allowed;
        }
        network.Check();
        return network;
    }

    // The shapes every parameter must have for the declared sizes.
    private void Check()
    {
        var v = VectorSize;
        var expected = new List<(int Rows, int Cols)>
        {
            (_wordList.Length, WordSize), (_tagList.Length, TagSize), (_suffixList.Length, SuffixSize), (2, v),
            (4 * LayerSize, InputSize + LayerSize), (1, 4 * LayerSize), (4 * LayerSize, InputSize + LayerSize), (1, 4 * LayerSize),
        };
        if (Layers == 2)
        {
            var first = FirstVectorSize;
            expected.AddRange([(4 * TopSize, first + TopSize), (1, 4 * TopSize), (4 * TopSize, first + TopSize), (1, 4 * TopSize)]);
        }
        expected.AddRange([(Slots * HiddenSize, v), (1, HiddenSize), (Actions, HiddenSize), (1, Actions)]);
        for (var p = 0; p < expected.Count; p++)
        {
            if (Parameters[p].Rows != expected[p].Rows || Parameters[p].Cols != expected[p].Cols)
            {
                throw new InvalidDataException($"Parser network parameter {p} is {Parameters[p].Rows} × {Parameters[p].Cols}, expected {expected[p].Rows} × {expected[p].Cols}.");
            }
        }
    }

    private static void WriteStrings(BinaryWriter writer, string[] strings)
    {
        writer.Write(strings.Length);
        foreach (var s in strings)
        {
            writer.Write(s);
        }
    }

    private static string[] ReadStrings(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count is < 1 or > 10_000_000)
        {
            throw new InvalidDataException($"Parser network declares a vocabulary of {count}.");
        }
        var strings = new string[count];
        for (var i = 0; i < count; i++)
        {
            strings[i] = reader.ReadString();
        }
        return strings;
    }

    private static Dictionary<string, int> Index(string[] strings)
    {
        var index = new Dictionary<string, int>(strings.Length, StringComparer.Ordinal);
        for (var i = 0; i < strings.Length; i++)
        {
            index.TryAdd(strings[i], i);
        }
        return index;
    }
}
