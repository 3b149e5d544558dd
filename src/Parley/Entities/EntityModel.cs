using Parley.Learning;
using Parley.Model;
using Parley.Syntax;

namespace Parley.Entities;

/// <summary>
/// Named-entity recognizer for PER, ORG and LOC: a structured averaged perceptron over
/// BILOU tags, decoding the best valid tag sequence by Viterbi, with word, affix, shape, context, predicted-tag and
/// gazetteer features. The gazetteer it was trained with is stored inside the model, so the two
/// always agree. Read-only after loading; one instance is safe to share across threads.
/// </summary>
public sealed class EntityModel
{
    /// <summary>Version of the stored format; <see cref="Load(Stream)"/> rejects any other.</summary>
    public const int FormatVersion = 4;

    private const int Magic = 0x5245_4E50; // "PNER"
    private readonly PerceptronModel _model;

    private readonly CaseLexicon _cases;
    private readonly WordClusters _clusters;
    private readonly float _outsideBias;

    internal EntityModel(PerceptronModel model, EntityGazetteer gazetteer, CaseLexicon cases, WordClusters clusters, float outsideBias = 0)
    {
        if (model.Classes != EntityTags.Scored)
        {
            throw new InvalidDataException($"An entity model has {EntityTags.Scored} classes, not {model.Classes}.");
        }
        _model = model;
        _cases = cases;
        _clusters = clusters;
        _outsideBias = outsideBias;
        Gazetteer = gazetteer;
    }

    /// <summary>The gazetteer whose matches are features.</summary>
    public EntityGazetteer Gazetteer { get; }

    /// <summary>
    /// Subtracted from the score of "outside any name" before each decision, chosen on development
    /// data when training: the perceptron is more precise than it is complete, and a small push
    /// towards names trades some precision for more recall.
    /// </summary>
    public float OutsideBias => _outsideBias;

    /// <summary>Number of hashed features with weights.</summary>
    public int FeatureCount => _model.FeatureCount;

    /// <summary>
    /// The entity mentions of every sentence of <paramref name="document"/>, in text order, never
    /// overlapping and never crossing a sentence boundary. Uses the document's tags when present
    /// (they should be, as in training), and works without them at lower accuracy. A capitalised
    /// name found in one place is also found where its exact words recur (<see cref="NameRecurrence"/>).
    /// </summary>
    public EntityMention[] Recognize(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var scratch = _threadScratch ??= new EntityScratch();
        scratch.Memory.Clear();
        var mentions = new List<EntityMention>();
        foreach (var sentence in document.Sentences)
        {
            Decode(_model, null, Gazetteer, _cases, _clusters, document, sentence.FirstToken, sentence.TokenCount, scratch, _outsideBias);
            scratch.Remember(sentence.TokenCount, scratch.Classes);
            AddMentions(document, sentence.FirstToken, sentence.TokenCount, scratch.Classes, mentions);
        }
        NameRecurrence.Complete(document, mentions);
        return [.. mentions];
    }

    // One scratch per thread, reused across documents.
    [ThreadStatic]
    private static EntityScratch? _threadScratch;

    /// <summary>
    /// Tags a sentence with the best-scoring valid BILOU sequence (Viterbi over the previous class),
    /// leaving the classes in <c>scratch.Classes</c>. Scores come from <paramref name="model"/>, else
    /// from the current weights of <paramref name="trainer"/>.
    /// </summary>
    internal static void Decode(PerceptronModel? model, PerceptronTrainer? trainer, EntityGazetteer gazetteer, CaseLexicon cases, WordClusters clusters, Document document, int first, int count, EntityScratch scratch, float outsideBias = 0)
    {
        EntityFeatures.Prepare(document, first, count, gazetteer, cases, clusters, scratch);
        const int classes = EntityTags.Count;
        var scores = scratch.Scores.AsSpan();
        var path = scratch.Path;
        var back = scratch.Back;
        for (var i = 0; i < count; i++)
        {
            // One lookup per feature: the token's features score the tags, its transition features
            // the (previous tag, tag) pairs.
            var n = EntityFeatures.Extract(document, first, count, i, scratch);
            n += EntityFeatures.ExtractTransitions(count, i, scratch, scratch.Features.AsSpan(n));
            Score(model, trainer, scratch.Features.AsSpan(0, n), scores);
            scores[EntityTags.Outside] -= outsideBias;
            var last = i == count - 1;
            var here = path.AsSpan(i * classes, classes);
            var from = back.AsSpan(i * classes, classes);
            var before = i == 0 ? default : path.AsSpan((i - 1) * classes, classes);
            for (var c = 0; c < classes; c++)
            {
                var top = float.NegativeInfinity;
                var topPrevious = -1;
                if (i == 0)
                {
                    if (EntityTags.IsAllowed(-1, c, last))
                    {
                        top = scores[EntityTags.Pair(-1, c)];
                    }
                }
                else
                {
                    for (var p = 0; p < classes; p++)
                    {
                        if (float.IsNegativeInfinity(before[p]) || !EntityTags.IsAllowed(p, c, last))
                        {
                            continue;
                        }
                        var total = before[p] + scores[EntityTags.Pair(p, c)];
                        if (total > top)
                        {
                            top = total;
                            topPrevious = p;
                        }
                    }
                }
                here[c] = top + scores[c];
                from[c] = topPrevious;
            }
        }
        if (count == 0)
        {
            return;
        }
        var best = 0;
        var end = path.AsSpan((count - 1) * classes, classes);
        for (var c = 1; c < classes; c++)
        {
            if (end[c] > end[best])
            {
                best = c;
            }
        }
        for (var i = count - 1; i >= 0; i--)
        {
            scratch.Classes[i] = best;
            best = back[i * classes + best];
        }
    }

    private static void Score(PerceptronModel? model, PerceptronTrainer? trainer, ReadOnlySpan<ulong> features, Span<float> scores)
    {
        if (model is not null)
        {
            model.Score(features, scores);
        }
        else
        {
            trainer!.Score(features, scores);
        }
    }

    internal static void AddMentions(Document document, int first, int count, int[] classes, List<EntityMention> mentions)
    {
        var start = -1;
        for (var i = 0; i < count; i++)
        {
            var part = EntityTags.Part(classes[i]);
            if (part == 4 || part == 1)
            {
                start = i;
            }
            if (part == 4 || (part == 3 && start >= 0))
            {
                var a = document.Tokens[first + start];
                var b = document.Tokens[first + i];
                mentions.Add(new EntityMention(a.Start, b.End, first + start, i - start + 1, EntityTags.TypeOf(classes[i])));
                start = -1;
            }
            else if (part == 0)
            {
                start = -1;
            }
        }
    }

    /// <summary>Loads a model saved by <see cref="Save(string)"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not an entity model of this format version.</exception>
    public static EntityModel Load(string path)
    {
        using var stream = new BufferedStream(File.OpenRead(path), 1 << 16);
        return Load(stream);
    }

    /// <summary>Reads a model written by <see cref="Save(Stream)"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not an entity model of this format version.</exception>
    public static EntityModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var reader = new BinaryReader(stream);
        // Formats 1 and 2 held weights of a left-to-right decoder, meaningless to the sequence decoder;
        // format 3 hashed each transition feature once per previous tag.
        ModelHeader.Read(reader, Magic, "entity model", FormatVersion, FormatVersion);
        var entries = new (string, string)[reader.ReadInt32()];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = (reader.ReadString(), reader.ReadString());
        }
        var cases = CaseLexicon.Read(reader);
        var clusters = WordClusters.Load(new MemoryStream(reader.ReadBytes(reader.ReadInt32())));
        var outsideBias = reader.ReadSingle();
        var model = PerceptronModel.Load(new MemoryStream(reader.ReadBytes(reader.ReadInt32())));
        return new EntityModel(model, new EntityGazetteer(entries), cases, clusters, outsideBias);
    }

    /// <summary>Writes the model to a file.</summary>
    public void Save(string path)
    {
        using var stream = File.Create(path);
        Save(stream);
    }

    /// <summary>Writes the model with its gazetteer. The same model always gives the same bytes.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var writer = new BinaryWriter(stream);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(Gazetteer.Entries.Count);
        foreach (var (category, phrase) in Gazetteer.Entries)
        {
            writer.Write(category);
            writer.Write(phrase);
        }
        _cases.Write(writer);
        using (var clusters = new MemoryStream())
        {
            _clusters.Save(clusters);
            writer.Write((int)clusters.Length);
            writer.Write(clusters.GetBuffer(), 0, (int)clusters.Length);
        }
        writer.Write(_outsideBias);
        using var model = new MemoryStream();
        _model.Save(model);
        writer.Write((int)model.Length);
        writer.Write(model.GetBuffer(), 0, (int)model.Length);
        writer.Flush();
    }
}
