using Parley.Diagnostics;

namespace Parley.Model;

/// <summary>
/// The one carrier object that passes through every stage. Its <see cref="Text"/> never changes once
/// the document exists; every annotation points into it with half-open UTF-16 offsets. Stages add
/// layers; <see cref="Layers"/> records which are present.
/// </summary>
public sealed class Document
{
    private readonly List<Diagnostic> _diagnostics = [];

    /// <summary>Creates a document over <paramref name="text"/>.</summary>
    public Document(string id, string text)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(text);
        Id = id;
        Text = text;
    }

    /// <summary>Stable id: given by the input, or derived from the file name or line.</summary>
    public string Id { get; }

    /// <summary>The article text. Immutable: every offset in every layer points into it.</summary>
    public string Text { get; }

    /// <summary>Where the document came from (a file path, <c>file:line</c>, or <c>-</c> for stdin), for diagnostics.</summary>
    public string? Origin { get; init; }

    /// <summary>Canonical URL, or null.</summary>
    public string? Url { get; init; }

    /// <summary>Publishing outlet, or null.</summary>
    public string? Source { get; init; }

    /// <summary>Headline, or null.</summary>
    public string? Title { get; init; }

    /// <summary>Publication date, or null when unknown.</summary>
    public DateOnly? Published { get; init; }

    /// <summary>ISO 639-1 language code as detected or given; null until known.</summary>
    public string? Language { get; set; }

    /// <summary>Spans left out of analysis, in text order.</summary>
    public List<RemovedSpan> Removed { get; } = [];

    /// <summary>Tokens in text order (empty until the tokenizer runs).</summary>
    public Token[] Tokens { get; set; } = [];

    /// <summary>Sentences in text order (empty until the splitter runs).</summary>
    public Sentence[] Sentences { get; set; } = [];

    /// <summary>Morphosyntax parallel to <see cref="Tokens"/>, or empty before tagging.</summary>
    public TokenAnalysis[] Analyses { get; set; } = [];

    /// <summary>Named-entity spans in text order.</summary>
    public EntityMention[] Entities { get; set; } = [];

    /// <summary>Resolved actors.</summary>
    public List<Actor> Actors { get; } = [];

    /// <summary>Coded events.</summary>
    public List<CodedEvent> Events { get; } = [];

    /// <summary>Quotations.</summary>
    public List<Quote> Quotes { get; } = [];

    /// <summary>Resolved places.</summary>
    public List<Place> Places { get; } = [];

    /// <summary>Time expressions.</summary>
    public List<TimeExpression> Times { get; } = [];

    /// <summary>Diagnostics in the order they were reported.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>The layers present.</summary>
    public Layers Layers { get; private set; } = Layers.Text;

    /// <summary>The versioned names of the stages that ran, in order.</summary>
    public List<string> Stages { get; } = [];

    /// <summary>True when the document could not be read or coded; its diagnostics say why.</summary>
    public bool IsFailed { get; private set; }

    /// <summary>The text of a span.</summary>
    public string Slice(TextSpan span) => Text.Substring(span.Start, span.Length);

    /// <summary>The text of a token.</summary>
    public ReadOnlySpan<char> TokenText(int index)
    {
        var token = Tokens[index];
        return Text.AsSpan(token.Start, token.Length);
    }

    /// <summary>Adds a diagnostic.</summary>
    public void Report(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        _diagnostics.Add(diagnostic);
    }

    /// <summary>Marks the document failed with an E2xx diagnostic; later stages do not run on it.</summary>
    public void Fail(Diagnostic reason)
    {
        Report(reason);
        IsFailed = true;
    }

    /// <summary>Records that a stage added its layers.</summary>
    public void AddLayers(Layers layers) => Layers |= layers;

    /// <summary>True when <paramref name="span"/> overlaps a removed span.</summary>
    public bool IsRemoved(TextSpan span)
    {
        foreach (var removed in Removed)
        {
            if (removed.Start < span.End && span.Start < removed.End)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A document that could not be read: no text, failed, with the reason. It is still written to the
    /// output so nothing the user gave is lost silently.
    /// </summary>
    public static Document FailedInput(string id, string? origin, Diagnostic reason)
    {
        var document = new Document(id, string.Empty) { Origin = origin };
        document.Fail(reason);
        return document;
    }
}
