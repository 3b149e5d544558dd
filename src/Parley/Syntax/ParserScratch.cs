namespace Parley.Syntax;

/// <summary>
/// Working memory for parsing on one thread: the transition configuration, the feature buffer and the
/// score buffer, grown when needed and reused for every sentence, so parsing allocates nothing.
/// </summary>
internal sealed class ParserScratch
{
    public readonly ArcEagerState State = new();
    public readonly ulong[] Features = new ulong[ParserFeatures.MaxFeatures];
    public float[] Scores = [];
    public int[] Queue = [];
    public ArcEagerBeam? Beam;
    public ParserNetworkScratch? Network;
    public int[] UnitFirst = [];
    public int[] UnitLast = [];
    public int[] UnitHead = [];

    /// <summary>Makes sure the word-to-token maps hold a sentence of <paramref name="tokens"/> tokens.</summary>
    public void EnsureUnits(int tokens)
    {
        if (UnitFirst.Length < tokens)
        {
            var size = Math.Max(tokens, UnitFirst.Length * 2);
            UnitFirst = new int[size];
            UnitLast = new int[size];
            UnitHead = new int[size];
        }
    }

    /// <summary>Makes sure the buffers hold <paramref name="actions"/> scores and a sentence of <paramref name="words"/> words.</summary>
    public void Ensure(int actions, int words)
    {
        if (Scores.Length < actions)
        {
            Scores = new float[actions];
        }
        if (Queue.Length < words + 1)
        {
            Queue = new int[Math.Max(words + 1, Queue.Length * 2)];
        }
    }
}
