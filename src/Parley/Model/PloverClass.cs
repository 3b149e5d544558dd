namespace Parley.Model;

/// <summary>The PLOVER event type and mode a CAMEO code maps to.</summary>
public sealed record PloverClass(string Type, string? Mode);
