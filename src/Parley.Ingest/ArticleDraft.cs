using Parley.Diagnostics;

namespace Parley.Ingest;

/// <summary>
/// An article as read, before it becomes a <see cref="Model.Document"/>: the id may still change (a
/// duplicate gets a suffix), and the document's id is fixed at construction.
/// </summary>
internal sealed class ArticleDraft
{
    public required string Id { get; init; }

    public required string Origin { get; init; }

    public string Text { get; init; } = string.Empty;

    public string? Url { get; init; }

    public string? Source { get; init; }

    public string? Title { get; init; }

    public DateOnly? Published { get; init; }

    /// <summary>Why the article could not be read (an E2xx diagnostic), or null.</summary>
    public Diagnostic? Failure { get; init; }

    public List<Diagnostic> Warnings { get; init; } = [];

    public static ArticleDraft Failed(string id, string origin, string code, string message) =>
        new() { Id = id, Origin = origin, Failure = new Diagnostic(code, message) };
}
