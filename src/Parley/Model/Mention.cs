namespace Parley.Model;

/// <summary>A span of text naming an actor or place, with its text for readability.</summary>
public sealed record Mention(int Start, int End, string Text);
