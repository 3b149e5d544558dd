using Parley.Model;

namespace Parley.Syntax;

/// <summary>
/// Per-call working memory of the tagger and lemmatizer: per-token hashes of one sentence, the
/// feature buffer and the score buffer. One instance serves one document at a time, so tagging
/// allocates per document, never per token.
/// </summary>
internal sealed class TaggerScratch
{
    public const int MaxFeatures = 64;

    public ulong[] Form = new ulong[64];
    public ulong[] Lower = new ulong[64];
    public ulong[] Suffix3 = new ulong[64];
    public ulong[] Shape = new ulong[64];
    public ulong[] Ambiguity = new ulong[64];
    public int[] Flags = new int[64];
    public int[] GazetteerMask = new int[64];
    public int[] GazetteerPosition = new int[64];
    public bool HasGazetteer;
    public int Casing;
    public int[] Classes = new int[64];
    public int[] FirstPass = new int[64];
    public Token[] Reversed = new Token[64];
    public readonly ulong[] Features = new ulong[MaxFeatures];
    private TaggerBeam? _beam;
    public readonly float[] Scores;
    public readonly float[] LemmaScores;

    public TaggerScratch(int classes, int lemmaRules)
    {
        Scores = new float[Math.Max(classes, 2)];
        LemmaScores = new float[Math.Max(lemmaRules, 2)];
    }

    /// <summary>
    /// Reverses the prepared per-token values of a sentence of <paramref name="count"/> tokens, moving
    /// the sentence-start flag to the new first token, so one preparation serves both directions.
    /// </summary>
    public void Reverse(int count)
    {
        if (count == 0)
        {
            return;
        }
        Array.Reverse(Form, 0, count);
        Array.Reverse(Lower, 0, count);
        Array.Reverse(Suffix3, 0, count);
        Array.Reverse(Shape, 0, count);
        Array.Reverse(Flags, 0, count);
        Array.Reverse(Ambiguity, 0, count);
        Array.Reverse(GazetteerMask, 0, count);
        Array.Reverse(GazetteerPosition, 0, count);
        Flags[count - 1] &= ~TaggerFeatures.SentenceStart;
        Flags[0] |= TaggerFeatures.SentenceStart;
    }

    /// <summary>The beam search state for <paramref name="width"/>, kept for the next sentence.</summary>
    public TaggerBeam Beam(int width)
    {
        if (_beam is null || _beam.Width != width)
        {
            _beam = new TaggerBeam(width);
        }
        return _beam;
    }

    public void Ensure(int tokens)
    {
        if (tokens <= Form.Length)
        {
            return;
        }
        var size = Math.Max(tokens, Form.Length * 2);
        Array.Resize(ref Form, size);
        Array.Resize(ref Lower, size);
        Array.Resize(ref Suffix3, size);
        Array.Resize(ref Shape, size);
        Array.Resize(ref Flags, size);
        Array.Resize(ref Ambiguity, size);
        Array.Resize(ref GazetteerMask, size);
        Array.Resize(ref GazetteerPosition, size);
        Array.Resize(ref Classes, size);
        Array.Resize(ref FirstPass, size);
        Array.Resize(ref Reversed, size);
    }
}
