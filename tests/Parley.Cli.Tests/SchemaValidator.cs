using System.Text.Json;
using Json.Schema;

namespace Parley.Cli.Tests;

internal static class SchemaValidator
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "parley-1.schema.json"))));

    public static bool IsValid(string json) =>
        Schema.Value.Evaluate(JsonDocument.Parse(json).RootElement).IsValid;
}
