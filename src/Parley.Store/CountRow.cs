namespace Parley.Store;

/// <summary>One group of an aggregation: its key and how many merged events it holds.</summary>
public sealed record CountRow(string Key, long Events);
