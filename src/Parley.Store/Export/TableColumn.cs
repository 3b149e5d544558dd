namespace Parley.Store.Export;

/// <summary>One column of an exported table: its name, its type and how to read it from a row.</summary>
public sealed record TableColumn<TRow>(string Name, Type Type, Func<TRow, object?> Value);
