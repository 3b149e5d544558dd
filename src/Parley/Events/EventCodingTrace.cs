namespace Parley.Events;

/// <summary>
/// Why the <see cref="EventCoder"/> coded what it coded: one note per decision (a predicate's best
/// pattern, a match that gave way to another, how source and target were found, an event dropped
/// and why). Pass one to <see cref="EventCoder.Code(Model.Document, int, EventCodingTrace?)"/>; with
/// none the coder writes nothing and builds no messages. Not thread-safe: one trace per call.
/// </summary>
public sealed class EventCodingTrace
{
    private readonly List<(int Sentence, int Token, string Message)> _notes = [];

    /// <summary>Every note in the order written: sentence index, token index (or -1) and message.</summary>
    public IReadOnlyList<(int Sentence, int Token, string Message)> Notes => _notes;

    /// <summary>Adds a note.</summary>
    public void Note(int sentence, int token, string message) => _notes.Add((sentence, token, message));
}
