using System.CommandLine;
using Parley.Store;

namespace Parley.Cli.Commands;

/// <summary>The <c>--store</c> option every store command shares.</summary>
internal static class StoreOption
{
    public static Option<string> Create() => new("--store")
    {
        Description = $"The event store: a SQLite file (default {EventStores.DefaultPath}), or PostgreSQL as postgres://user@host:port/database " +
            "or a connection string (Host=…;Database=…). Also $PARLEY_STORE.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("PARLEY_STORE") is { Length: > 0 } store ? store : EventStores.DefaultPath,
    };
}
