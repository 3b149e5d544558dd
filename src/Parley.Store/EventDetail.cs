namespace Parley.Store;

/// <summary>A merged event with every mention of it, for <c>parley show event</c>.</summary>
public sealed record EventDetail(StoredEvent Event, IReadOnlyList<StoredMention> Mentions);
