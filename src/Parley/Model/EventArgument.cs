namespace Parley.Model;

/// <summary>The source or target of an event: the actor, its code and the span that names it.</summary>
public sealed record EventArgument(string? Actor, string? Code, int Start, int End, string Text);
