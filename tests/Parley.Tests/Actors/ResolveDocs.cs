using Parley.Model;

namespace Parley.Tests.Actors;

/// <summary>
/// Builds documents by hand for the resolver tests: tokens separated by spaces, one sentence per
/// call, optional tags, heads and relations per token, and entity spans given by their words.
/// </summary>
internal sealed class ResolveDocs
{
    private readonly System.Text.StringBuilder _text = new();
    private readonly List<Token> _tokens = [];
    private readonly List<Sentence> _sentences = [];
    private readonly List<TokenAnalysis> _analyses = [];
    private readonly List<EntityMention> _entities = [];
    private readonly List<RemovedSpan> _removed = [];
    private bool _tagged = true;
    private bool _parsed = true;

    /// <summary>
    /// Adds a sentence. <paramref name="upos"/> and <paramref name="heads"/> (1-based within the
    /// sentence, 0 for the root) and <paramref name="relations"/> are space-separated, one per token.
    /// </summary>
    public ResolveDocs Sentence(string words, string? upos = null, string? heads = null, string? relations = null, bool newParagraph = false)
    {
        if (_text.Length > 0)
        {
            _text.Append(newParagraph ? "\n" : " ");
        }
        var split = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var tags = upos?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var headList = heads?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var rels = relations?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        _tagged &= tags is not null;
        _parsed &= headList is not null && rels is not null;
        var first = _tokens.Count;
        var start = _text.Length;
        for (var i = 0; i < split.Length; i++)
        {
            if (i > 0)
            {
                _text.Append(' ');
            }
            var tokenStart = _text.Length;
            _text.Append(split[i]);
            _tokens.Add(new Token(tokenStart, _text.Length));
            var tag = tags?[i] ?? "X";
            var head = headList is null ? -1 : int.Parse(headList[i], System.Globalization.CultureInfo.InvariantCulture);
            _analyses.Add(new TokenAnalysis(tag, tag == "PROPN" ? "NNP" : tag == "NOUN" && split[i].EndsWith('s') ? "NNS" : tag,
                split[i].ToLowerInvariant(), head <= 0 ? -1 : first + head - 1, rels?[i] ?? "dep"));
        }
        _sentences.Add(new Sentence(start, _text.Length, first, split.Length));
        return this;
    }

    /// <summary>Marks the words <paramref name="words"/> (the first occurrence at or after token <paramref name="from"/>) as an entity.</summary>
    public ResolveDocs Entity(string words, EntityType type, int from = 0)
    {
        var target = words.Split(' ');
        var text = _text.ToString();
        for (var i = from; i + target.Length <= _tokens.Count; i++)
        {
            var ok = true;
            for (var k = 0; k < target.Length && ok; k++)
            {
                ok = text[_tokens[i + k].Start.._tokens[i + k].End] == target[k];
            }
            if (ok)
            {
                _entities.Add(new EntityMention(_tokens[i].Start, _tokens[i + target.Length - 1].End, i, target.Length, type));
                return this;
            }
        }
        throw new ArgumentException($"'{words}' is not in the document.");
    }

    /// <summary>Marks the last sentence added as removed boilerplate.</summary>
    public ResolveDocs RemoveLastSentence()
    {
        var s = _sentences[^1];
        _removed.Add(new RemovedSpan(s.Start, s.End, "boilerplate"));
        return this;
    }

    public Document Build(string id = "doc", DateOnly? published = null)
    {
        var document = new Document(id, _text.ToString()) { Published = published ?? new DateOnly(2024, 3, 1) };
        document.Removed.AddRange(_removed);
        document.Tokens = [.. _tokens];
        document.Sentences = [.. _sentences];
        var layers = Layers.Tokens | Layers.Sentences;
        if (_tagged)
        {
            document.Analyses = [.. _analyses];
            layers |= Layers.Tags;
            if (_parsed)
            {
                layers |= Layers.Dependencies;
            }
        }
        _entities.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        document.Entities = [.. _entities];
        if (_entities.Count > 0)
        {
            layers |= Layers.Entities;
        }
        if (_removed.Count > 0)
        {
            layers |= Layers.Cleaned;
        }
        document.AddLayers(layers);
        return document;
    }
}
