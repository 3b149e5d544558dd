namespace Parley.Events;

/// <summary>
/// One record of the PETRARCH unit-test suite: the sentence, its date and the codings it must get
/// (an empty set for <c>noevents</c>).
/// </summary>
/// <param name="Id">Record id (<c>DEMO-01</c>).</param>
/// <param name="Category">Record category (DEMO, ACTOR, AGENT, COMPOUND …).</param>
/// <param name="Date">The record's date, which date-restricted actor codes depend on.</param>
/// <param name="Text">The sentence text, whitespace collapsed.</param>
/// <param name="Expected">Expected (source, target, event code) triples.</param>
/// <param name="Active">False for records the suite leaves out (<c>sentence="false"</c>) or expects an error on.</param>
/// <param name="RequireDyad">The suite's <c>require_dyad</c> switch as set by the <c>&lt;Config&gt;</c> elements before the record.</param>
/// <param name="NewActorLength">The suite's <c>new_actor_length</c> switch before the record (0: off).</param>
public sealed record PetrarchRecord(string Id, string Category, DateOnly? Date, string Text,
    IReadOnlySet<(string Source, string Target, string Code)> Expected, bool Active, bool RequireDyad = true, int NewActorLength = 0);
