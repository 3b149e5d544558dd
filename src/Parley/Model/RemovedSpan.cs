using System.Text.Json.Serialization;

namespace Parley.Model;

/// <summary>A span of the text left out of analysis (boilerplate, navigation, a repeated line), and why.</summary>
public sealed record RemovedSpan(int Start, int End, string Reason)
{
    /// <summary>The removed span.</summary>
    [JsonIgnore]
    public TextSpan Span => new(Start, End);
}
