using Parley.Serialization;

namespace Parley.Store;

/// <summary>
/// Where coded articles are kept: SQLite (one file) or PostgreSQL, with the same behaviour. Every
/// article is stored atomically with all its rows; storing the same article twice changes nothing.
/// </summary>
public interface IEventStore : IAsyncDisposable
{
    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    string Kind { get; }

    /// <summary>Creates the schema or brings it up to this program's version.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Tells, before coding, whether an article can be skipped (already stored, or an exact duplicate).</summary>
    Task<ArticleLookup> LookupAsync(string id, TextFingerprint fingerprint, CancellationToken cancellationToken);

    /// <summary>Stores coded articles in one transaction, merging their events into the stored ones.</summary>
    /// <returns>The outcome for each record, in order.</returns>
    Task<IReadOnlyList<ArticleOutcome>> StoreAsync(IReadOnlyList<ParleyRecord> records, CancellationToken cancellationToken);

    /// <summary>Refreshes the database's statistics after many rows arrived, so queries pick the right indexes.</summary>
    Task OptimizeAsync(CancellationToken cancellationToken);

    /// <summary>Merged events matching <paramref name="query"/>, by day then id.</summary>
    IAsyncEnumerable<StoredEvent> QueryAsync(EventQuery query, CancellationToken cancellationToken);

    /// <summary>Counts of merged events matching <paramref name="query"/>, grouped.</summary>
    Task<IReadOnlyList<CountRow>> CountAsync(EventQuery query, CountBy by, CancellationToken cancellationToken);

    /// <summary>One merged event with its mentions, or null when there is none with that id.</summary>
    Task<EventDetail?> GetEventAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every mention, by event then article then local id.</summary>
    IAsyncEnumerable<StoredMention> MentionsAsync(CancellationToken cancellationToken);

    /// <summary>Every row of every table as text, in key order: two stores holding the same data give the same lines.</summary>
    IAsyncEnumerable<string> DumpAsync(CancellationToken cancellationToken);
}
