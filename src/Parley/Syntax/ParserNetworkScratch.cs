namespace Parley.Syntax;

/// <summary>
/// Working memory of a <see cref="ParserNetwork"/> for one sentence at a time on one thread: the
/// words' ids, the LSTM traces, the word vectors and the slots' projections, and while training the
/// dropout masks and gradients. Grown when needed and reused.
/// </summary>
internal sealed class ParserNetworkScratch
{
    /// <summary>A training word seen f times is replaced by the unknown word with probability α / (α + f) (Kiperwasser and Goldberg, 2016).</summary>
    public const double WordDropout = 0.25;

    public int[] WordId = [];
    public int[] SuffixId = [];
    public int[] TagId = [];
    public int[] UsedWord = [];
    public int[] UsedTag = [];
    public int[] WordFrequency = [];
    public float[] Flags = [];
    public float[] InputGates = [];
    public float[] Embedded = [];
    public float[] EmbeddedMask = [];
    public float[] EmbeddedGradient = [];
    public float[] Layer1 = [];
    public float[] Layer1Mask = [];
    public float[] Layer1Gradient = [];
    public float[] Vectors = [];
    public float[] VectorMask = [];
    public float[] VectorGradient = [];
    public float[] Projections = [];
    public float[] ProjectionGradient = [];
    public bool[] ProjectionUsed = [];
    public float[] HiddenValues = [];
    public float[] HiddenGradient = [];
    public readonly int[] Slot = new int[ParserNetwork.Slots];
    public readonly LstmTrace[] Traces = [new(), new(), new(), new()];

    /// <summary>Number of words of the encoded sentence.</summary>
    public int Words;

    /// <summary>Share of embeddings, layer-1 outputs and word vectors dropped while training.</summary>
    public float DropRate;

    /// <summary>Share of training words whose tag is hidden (read as the unknown tag), so the parser learns not to lean on tags alone.</summary>
    public float TagDropRate;

    private int _capacity;

    /// <summary>Makes room for <paramref name="positions"/> positions (words, the root and the empty position).</summary>
    public void EnsureWords(int positions, ParserNetwork network)
    {
        if (HiddenValues.Length < network.HiddenSize)
        {
            HiddenValues = new float[network.HiddenSize];
            HiddenGradient = new float[network.HiddenSize];
        }
        if (positions <= _capacity && Projections.Length >= positions * ParserNetwork.Slots * network.HiddenSize && Vectors.Length >= positions * network.VectorSize)
        {
            return;
        }
        var m = Math.Max(positions, _capacity * 2);
        _capacity = m;
        var v = network.VectorSize;
        Array.Resize(ref WordId, m);
        Array.Resize(ref SuffixId, m);
        Array.Resize(ref TagId, m);
        Array.Resize(ref UsedWord, m);
        Array.Resize(ref UsedTag, m);
        Array.Resize(ref WordFrequency, m);
        Array.Resize(ref Flags, m * ParserNetwork.FlagSize);
        Embedded = new float[m * ParserNetwork.InputSize];
        EmbeddedMask = new float[m * ParserNetwork.InputSize];
        EmbeddedGradient = new float[m * ParserNetwork.InputSize];
        var first = Math.Max(network.FirstVectorSize, v);
        Layer1 = new float[m * first];
        Layer1Mask = new float[m * first];
        Layer1Gradient = new float[m * first];
        Vectors = new float[m * v];
        VectorMask = new float[m * v];
        VectorGradient = new float[m * v];
        Projections = new float[m * ParserNetwork.Slots * network.HiddenSize];
        ProjectionGradient = new float[m * ParserNetwork.Slots * network.HiddenSize];
        ProjectionUsed = new bool[m * ParserNetwork.Slots];
    }

    /// <summary>Drops each value with probability <see cref="DropRate"/>, scaling the kept ones up; the mask is kept for backpropagation.</summary>
    public void Drop(Span<float> values, float[] mask, Random random)
    {
        var keep = 1 - DropRate;
        var scale = 1 / keep;
        for (var i = 0; i < values.Length; i++)
        {
            mask[i] = random.NextDouble() < keep ? scale : 0;
            values[i] *= mask[i];
        }
    }
}
