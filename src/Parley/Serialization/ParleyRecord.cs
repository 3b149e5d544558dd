using System.Text.Json.Serialization;
using Parley.Model;

namespace Parley.Serialization;

/// <summary>
/// One article in the <c>parley/1</c> output contract (docs/schema.md). Every field is always
/// present; a layer whose stage did not run is an empty list, never invented.
/// </summary>
public sealed record ParleyRecord
{
    /// <summary>The schema version, always <see cref="SchemaVersion"/>.</summary>
    public const string SchemaVersion = "parley/1";

    /// <summary>Always <c>parley/1</c>.</summary>
    public string Schema { get; init; } = SchemaVersion;
    /// <summary>Document id.</summary>
    public required string Id { get; init; }
    /// <summary>URL or null.</summary>
    public string? Url { get; init; }
    /// <summary>Outlet or null.</summary>
    public string? Source { get; init; }
    /// <summary>Headline or null.</summary>
    public string? Title { get; init; }
    /// <summary>ISO date or null.</summary>
    public string? Published { get; init; }
    /// <summary>ISO 639-1 code or null.</summary>
    public string? Language { get; init; }
    /// <summary><c>ok</c>, or <c>failed</c> when the document could not be read or coded.</summary>
    public required string Status { get; init; }
    /// <summary>The article text; every offset points into it.</summary>
    public required string Text { get; init; }
    /// <summary>Spans left out of analysis.</summary>
    public required IReadOnlyList<RemovedSpan> Removed { get; init; }
    /// <summary>Sentence spans.</summary>
    public required IReadOnlyList<SpanRecord> Sentences { get; init; }
    /// <summary>Resolved actors.</summary>
    public required IReadOnlyList<Actor> Actors { get; init; }
    /// <summary>Coded events.</summary>
    public required IReadOnlyList<CodedEvent> Events { get; init; }
    /// <summary>Quotations.</summary>
    public required IReadOnlyList<Quote> Quotes { get; init; }
    /// <summary>Places.</summary>
    public required IReadOnlyList<Place> Places { get; init; }
    /// <summary>Time expressions.</summary>
    public required IReadOnlyList<TimeExpression> Times { get; init; }
    /// <summary>Diagnostics.</summary>
    public required IReadOnlyList<DiagnosticRecord> Diagnostics { get; init; }
    /// <summary>Versions of the program, models and lexicons, and the stages that ran.</summary>
    public required VersionsRecord Versions { get; init; }
    /// <summary>Tokens with their analyses, only when asked for (<c>--tokens</c>); otherwise omitted.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TokenRecord>? Tokens { get; init; }
}
