using Parley.Model;

namespace Parley.Actors;

/// <summary>An actor coded from the people table: its first mention and the office row it took.</summary>
/// <param name="Span">The actor's first mention.</param>
/// <param name="Office">The row of <c>people.tsv</c> the code comes from.</param>
public readonly record struct PeopleMatch(TextSpan Span, PersonOffice Office);
