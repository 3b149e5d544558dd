namespace Parley.Model;

/// <summary>
/// The annotation layers a <see cref="Document"/> can carry. Stages declare the layers they require
/// and provide; the pipeline checks the order when it is built.
/// </summary>
[Flags]
public enum Layers
{
    /// <summary>No layer.</summary>
    None = 0,
    /// <summary>The text itself; every document has it.</summary>
    Text = 1 << 0,
    /// <summary>Spans of boilerplate marked in <see cref="Document.Removed"/>.</summary>
    Cleaned = 1 << 1,
    /// <summary>Tokens.</summary>
    Tokens = 1 << 2,
    /// <summary>Sentences over the tokens.</summary>
    Sentences = 1 << 3,
    /// <summary>Part-of-speech tags and lemmas.</summary>
    Tags = 1 << 4,
    /// <summary>Dependency heads and relations.</summary>
    Dependencies = 1 << 5,
    /// <summary>Named-entity spans.</summary>
    Entities = 1 << 6,
    /// <summary>Resolved actors with their mentions.</summary>
    Actors = 1 << 7,
    /// <summary>Time expressions resolved to calendar values.</summary>
    Times = 1 << 8,
    /// <summary>Places resolved to coordinates.</summary>
    Places = 1 << 9,
    /// <summary>Coded events.</summary>
    Events = 1 << 10,
    /// <summary>Quotations with speakers.</summary>
    Quotes = 1 << 11,
    /// <summary>Events linked to their place and date, quotations to the events inside them.</summary>
    Links = 1 << 12,
}
