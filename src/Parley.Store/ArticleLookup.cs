namespace Parley.Store;

/// <summary>What the store already holds for an article, found before it is coded.</summary>
/// <param name="Outcome"><see cref="ArticleOutcome.Unchanged"/> or <see cref="ArticleOutcome.Duplicate"/> when coding can be skipped, else <see cref="ArticleOutcome.New"/>.</param>
/// <param name="Original">For a duplicate, the id of the stored article with the same normalised text.</param>
public sealed record ArticleLookup(ArticleOutcome Outcome, string? Original);
