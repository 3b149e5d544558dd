using Parley.Entities;
using Parley.Learning;
using Parley.Model;

namespace Parley.Syntax;

/// <summary>
/// English part-of-speech tagger and lemmatizer: a left-to-right averaged perceptron with a small beam whose
/// classes are (Penn tag, universal tag) pairs, so both tags come from one decision and always agree
/// as they do in the treebank, followed by the <see cref="Syntax.Lemmatizer"/>. Read-only after loading;
/// one instance is safe to share across threads. Tag strings come from the model's tables, so tagging
/// allocates only lemmas that are not in the lemma table.
/// </summary>
public sealed class TaggerModel
{
    /// <summary>
    /// Version of the stored format; <see cref="Load(Stream)"/> rejects any other. Version 2 adds the
    /// beam width, version 3 the gazetteer; a model is written in the oldest version that holds it
    /// (a greedy model without a gazetteer as version 1), so older models keep their bytes.
    /// </summary>
    public const int FormatVersion = 3;

    private const int GreedyFormatVersion = 1;
    private const int BeamFormatVersion = 2;

    private const int Magic = 0x47415450; // "PTAG"
    private readonly string[] _xpos;
    private readonly string[] _upos;
    private readonly int[] _lemmaTag;
    private readonly PerceptronModel _model;
    private readonly PerceptronModel _second;
    private readonly TagLexicon _lexicon;

    internal TaggerModel(string[] xpos, string[] upos, PerceptronModel model, PerceptronModel second, TagLexicon lexicon, Lemmatizer lemmatizer, int beamWidth,
        EntityGazetteer? gazetteer = null)
    {
        if (xpos.Length != upos.Length || model.Classes != xpos.Length || second.Classes != xpos.Length)
        {
            throw new InvalidDataException("Tagger classes and tag tables disagree.");
        }
        if (beamWidth is < 1 or > MaxBeamWidth)
        {
            throw new InvalidDataException($"Tagger beam width {beamWidth} is outside 1..{MaxBeamWidth}.");
        }
        BeamWidth = beamWidth;
        _xpos = xpos;
        _upos = upos;
        _model = model;
        _second = second;
        _lexicon = lexicon;
        Gazetteer = gazetteer;
        Lemmatizer = lemmatizer;
        _lemmaTag = new int[xpos.Length];
        for (var c = 0; c < xpos.Length; c++)
        {
            _lemmaTag[c] = lemmatizer.TagId(xpos[c]);
        }
    }

    /// <summary>
    /// The ensemble of taggers trained alike on the same sentences (same tag classes, beam width and
    /// gazetteer) as one tagger: each pass's weights are the mean of theirs, so it scores as the mean of
    /// their scores. The word lexicon and lemmatizer are the first model's.
    /// </summary>
    /// <exception cref="ArgumentException">The taggers differ in their classes, beam width or gazetteer.</exception>
    public static TaggerModel Average(IReadOnlyList<TaggerModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentOutOfRangeException.ThrowIfZero(models.Count);
        var first = models[0];
        var passes = new PerceptronModel[models.Count];
        var seconds = new PerceptronModel[models.Count];
        for (var m = 0; m < models.Count; m++)
        {
            var model = models[m];
            if (model.BeamWidth != first.BeamWidth || !model._xpos.AsSpan().SequenceEqual(first._xpos) || !model._upos.AsSpan().SequenceEqual(first._upos)
                || !ReferenceEquals(model.Gazetteer, first.Gazetteer))
            {
                throw new ArgumentException("Only taggers trained alike can be averaged.", nameof(models));
            }
            passes[m] = model._model;
            seconds[m] = model._second;
        }
        return new TaggerModel(first._xpos, first._upos, PerceptronModel.Average(passes), PerceptronModel.Average(seconds), first._lexicon, first.Lemmatizer, first.BeamWidth, first.Gazetteer);
    }

    /// <summary>A copy whose passes leave out the weights smaller than <paramref name="threshold"/> in magnitude: smaller and faster.</summary>
    public TaggerModel Prune(float threshold) =>
        new(_xpos, _upos, _model.Prune(threshold), _second.Prune(threshold), _lexicon, Lemmatizer, BeamWidth, Gazetteer);

    /// <summary>Largest beam width a model may use.</summary>
    public const int MaxBeamWidth = 16;

    /// <summary>Tag sequences kept by each pass's search; 1 is greedy. Tagging uses the width the model was trained with.</summary>
    public int BeamWidth { get; }

    /// <summary>The names whose matches are features (the recogniser's gazetteer, stored with the model), or null for none.</summary>
    public EntityGazetteer? Gazetteer { get; }

    /// <summary>The lemmatizer applied after tagging.</summary>
    public Lemmatizer Lemmatizer { get; }

    /// <summary>Number of (Penn tag, universal tag) classes.</summary>
    public int Classes => _xpos.Length;

    /// <summary>Number of hashed features with weights.</summary>
    public int FeatureCount => _model.FeatureCount + _second.FeatureCount;

    /// <summary>The Penn tag of a class.</summary>
    public string Xpos(int tagClass) => _xpos[tagClass];

    /// <summary>The universal tag of a class.</summary>
    public string Upos(int tagClass) => _upos[tagClass];

    /// <summary>
    /// Tags and lemmatizes every sentence of <paramref name="document"/> and returns analyses parallel
    /// to its tokens, with <c>Head = -1</c> and an empty relation (the parser fills those). Tokens
    /// outside every sentence get <c>X</c>/<c>FW</c> and their form as lemma.
    /// </summary>
    public TokenAnalysis[] Analyze(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var analyses = new TokenAnalysis[document.Tokens.Length];
        var scratch = RentScratch();
        var covered = 0;
        foreach (var sentence in document.Sentences)
        {
            FillUncovered(document, analyses, covered, sentence.FirstToken);
            TagSentence(document.Text, document.Tokens, sentence.FirstToken, sentence.TokenCount, scratch);
            for (var i = 0; i < sentence.TokenCount; i++)
            {
                var t = sentence.FirstToken + i;
                var c = scratch.Classes[i];
                var token = document.Tokens[t];
                var lemma = Lemmatizer.Lemmatize(document.Text.AsSpan(token.Start, token.Length), _lemmaTag[c], null, scratch.Features, scratch.LemmaScores);
                analyses[t] = new TokenAnalysis(_upos[c], _xpos[c], lemma, -1, "");
            }
            covered = Math.Max(covered, sentence.EndToken);
        }
        FillUncovered(document, analyses, covered, document.Tokens.Length);
        return analyses;
    }

    // One scratch per thread, reused across documents and models, so tagging a document allocates
    // only its analyses and the lemmas not found in the table.
    [ThreadStatic]
    private static TaggerScratch? _threadScratch;

    private TaggerScratch RentScratch()
    {
        var scratch = _threadScratch;
        if (scratch is null || scratch.Scores.Length < _model.Classes || scratch.LemmaScores.Length < Lemmatizer.RuleCount)
        {
            scratch = new TaggerScratch(_model.Classes, Lemmatizer.RuleCount);
            _threadScratch = scratch;
        }
        return scratch;
    }

    private static void FillUncovered(Document document, TokenAnalysis[] analyses, int from, int to)
    {
        for (var t = from; t < to; t++)
        {
            analyses[t] = new TokenAnalysis("X", "FW", document.TokenText(t).ToString(), -1, "");
        }
    }

    /// <summary>
    /// Tags tokens <c>[first, first + count)</c>, leaving the classes in <c>scratch.Classes</c>: a
    /// right-to-left pass, then a left-to-right pass (each a beam search) that also sees the first pass's
    /// tags of the words to the right, so each decision has predicted tags on both sides.
    /// </summary>
    internal void TagSentence(string text, Token[] tokens, int first, int count, TaggerScratch scratch)
    {
        scratch.Ensure(count);
        var reversed = scratch.Reversed;
        for (var i = 0; i < count; i++)
        {
            reversed[i] = tokens[first + count - 1 - i];
        }
        // Word hashes are computed once and reversed for the first pass, then restored.
        TaggerFeatures.Prepare(text, tokens, first, count, _lexicon, Gazetteer, scratch);
        scratch.Reverse(count);
        Decode(_model, null, text, reversed, 0, count, scratch, null, BeamWidth);
        scratch.Reverse(count);
        for (var i = 0; i < count; i++)
        {
            scratch.FirstPass[i] = scratch.Classes[count - 1 - i];
        }
        Decode(_second, null, text, tokens, first, count, scratch, scratch.FirstPass, BeamWidth);
    }

    /// <summary>
    /// One beam-search pass over a prepared sentence with a compiled model or, while training, with a
    /// trainer's current weights; <paramref name="firstPass"/> gives the first pass's classes to a
    /// second pass.
    /// </summary>
    internal static void Decode(PerceptronModel? model, PerceptronTrainer? trainer, string text, Token[] tokens, int first, int count, TaggerScratch scratch, int[]? firstPass, int beamWidth)
    {
        if (beamWidth > 1)
        {
            scratch.Beam(beamWidth).Run(model, trainer, text, tokens, first, count, scratch, firstPass, null);
            return;
        }
        var sentinel = model?.Classes ?? trainer!.Classes;
        int prev1 = sentinel, prev2 = sentinel;
        var scores = scratch.Scores.AsSpan(0, sentinel);
        for (var i = 0; i < count; i++)
        {
            var n = TaggerFeatures.Extract(text, tokens, first, count, i, prev1, prev2, scratch, firstPass, sentinel);
            Score(model, trainer, scratch.Features.AsSpan(0, n), scores);
            var c = PerceptronModel.ArgMax(scores);
            scratch.Classes[i] = c;
            prev2 = prev1;
            prev1 = c;
        }
    }

    /// <summary>Scores the features with the compiled model if given, else with the trainer's current weights.</summary>
    internal static void Score(PerceptronModel? model, PerceptronTrainer? trainer, ReadOnlySpan<ulong> features, Span<float> scores)
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

    /// <summary>Loads a model saved by <see cref="Save(string)"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a tagger model of this format version.</exception>
    public static TaggerModel Load(string path)
    {
        using var stream = new BufferedStream(File.OpenRead(path), 1 << 16);
        return Load(stream);
    }

    /// <summary>Reads a model written by <see cref="Save(Stream)"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a tagger model of this format version.</exception>
    public static TaggerModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var reader = new BinaryReader(stream);
        var version = ModelHeader.Read(reader, Magic, "tagger model", GreedyFormatVersion, FormatVersion);
        var beamWidth = version == GreedyFormatVersion ? 1 : reader.ReadInt32();
        EntityGazetteer? gazetteer = null;
        if (version >= FormatVersion)
        {
            var entries = new (string, string)[reader.ReadInt32()];
            for (var i = 0; i < entries.Length; i++)
            {
                entries[i] = (reader.ReadString(), reader.ReadString());
            }
            gazetteer = new EntityGazetteer(entries);
        }
        var classes = reader.ReadInt32();
        var xpos = new string[classes];
        var upos = new string[classes];
        for (var c = 0; c < classes; c++)
        {
            xpos[c] = string.Intern(reader.ReadString());
            upos[c] = string.Intern(reader.ReadString());
        }
        var lexicon = TagLexicon.Read(reader);
        var model = PerceptronModel.Load(new MemoryStream(reader.ReadBytes(reader.ReadInt32())));
        var second = PerceptronModel.Load(new MemoryStream(reader.ReadBytes(reader.ReadInt32())));
        var lemmatizer = Lemmatizer.Load(stream);
        return new TaggerModel(xpos, upos, model, second, lexicon, lemmatizer, beamWidth, gazetteer);
    }

    /// <summary>Writes the model to a file.</summary>
    public void Save(string path)
    {
        using var stream = File.Create(path);
        Save(stream);
    }

    /// <summary>Writes the model. The same model always gives the same bytes.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var writer = new BinaryWriter(stream);
        writer.Write(Magic);
        var version = Gazetteer is not null ? FormatVersion : BeamWidth > 1 ? BeamFormatVersion : GreedyFormatVersion;
        writer.Write(version);
        if (version > GreedyFormatVersion)
        {
            writer.Write(BeamWidth);
        }
        if (Gazetteer is not null)
        {
            writer.Write(Gazetteer.Entries.Count);
            foreach (var (category, phrase) in Gazetteer.Entries)
            {
                writer.Write(category);
                writer.Write(phrase);
            }
        }
        writer.Write(_xpos.Length);
        for (var c = 0; c < _xpos.Length; c++)
        {
            writer.Write(_xpos[c]);
            writer.Write(_upos[c]);
        }
        _lexicon.Write(writer);
        foreach (var pass in (ReadOnlySpan<PerceptronModel>)[_model, _second])
        {
            using var model = new MemoryStream();
            pass.Save(model);
            writer.Write((int)model.Length);
            writer.Write(model.GetBuffer(), 0, (int)model.Length);
        }
        writer.Flush();
        Lemmatizer.Save(stream);
    }
}
