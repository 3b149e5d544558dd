using Parley.Model;

namespace Parley.Entities;

/// <summary>Per-call working memory of the recognizer: per-token hashes of one sentence and the buffers.</summary>
internal sealed class EntityScratch
{
    public const int MaxFeatures = 96;

    public ulong[] Form = new ulong[64];
    public ulong[] Lower = new ulong[64];
    public ulong[] Shape = new ulong[64];
    public ulong[] Upos = new ulong[64];
    public ulong[] Xpos = new ulong[64];
    public int[] Flags = new int[64];
    public int[] GazetteerMask = new int[64];
    public int[] GazetteerPosition = new int[64];
    public int[] Classes = new int[64];
    public int[] Run = new int[64];
    public int[] Case = new int[64];
    public int[] Remembered = new int[64];
    public int[] Ahead = new int[64];
    public int[] Behind = new int[64];
    public int[] Cluster = new int[64];
    public bool HasClusters;

    // Entity types given to each word (lower-case hash) earlier in the current document.
    public readonly Dictionary<ulong, int> Memory = [];
    // The token's features, then its transition features (EntityFeatures.ExtractTransitions).
    public readonly ulong[] Features = new ulong[MaxFeatures + EntityFeatures.MaxTransitionFeatures];

    // One token's scores over EntityTags.Scored: tags, then (previous tag, tag) pairs.
    public readonly float[] Scores = new float[EntityTags.Scored];

    // Viterbi tables, EntityTags.Count entries per token: best path scores and back pointers.
    public float[] Path = new float[64 * EntityTags.Count];
    public int[] Back = new int[64 * EntityTags.Count];

    /// <summary>Records the types given to the words of the sentence just tagged, for later sentences of the document.</summary>
    public void Remember(int count, int[] classes)
    {
        for (var i = 0; i < count; i++)
        {
            if (classes[i] != EntityTags.Outside)
            {
                Memory[Lower[i]] = Memory.GetValueOrDefault(Lower[i]) | (1 << (int)EntityTags.TypeOf(classes[i]));
            }
        }
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
        Array.Resize(ref Shape, size);
        Array.Resize(ref Upos, size);
        Array.Resize(ref Xpos, size);
        Array.Resize(ref Flags, size);
        Array.Resize(ref GazetteerMask, size);
        Array.Resize(ref GazetteerPosition, size);
        Array.Resize(ref Classes, size);
        Array.Resize(ref Run, size);
        Array.Resize(ref Case, size);
        Array.Resize(ref Remembered, size);
        Array.Resize(ref Ahead, size);
        Array.Resize(ref Behind, size);
        Array.Resize(ref Cluster, size);
        Array.Resize(ref Path, size * EntityTags.Count);
        Array.Resize(ref Back, size * EntityTags.Count);
    }
}
