using System.Text.Json;
using Json.Schema;

namespace Parley.Tests.Serialization;

/// <summary>Validates JSON against docs/parley-1.schema.json, returning readable errors.</summary>
public static class SchemaValidator
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "parley-1.schema.json"))));

    public static IReadOnlyList<string> Errors(string json)
    {
        var result = Schema.Value.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }
        var errors = new List<string>();
        foreach (var detail in result.Details ?? [])
        {
            if (detail.Errors is { Count: > 0 })
            {
                foreach (var (key, message) in detail.Errors)
                {
                    errors.Add($"{detail.InstanceLocation}: {key}: {message}");
                }
            }
        }
        return errors.Count > 0 ? errors : ["invalid (no details)"];
    }
}
