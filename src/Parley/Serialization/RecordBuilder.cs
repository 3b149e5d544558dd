using System.Globalization;
using System.Reflection;
using Parley.Diagnostics;
using Parley.Model;

namespace Parley.Serialization;

/// <summary>Turns a processed <see cref="Document"/> into its <c>parley/1</c> record.</summary>
public static class RecordBuilder
{
    /// <summary>The program's version, from the assembly.</summary>
    public static string ProgramVersion { get; } =
        typeof(RecordBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    /// <summary>Builds the record.</summary>
    /// <param name="document">A processed document.</param>
    /// <param name="includeTokens">Adds the <c>tokens</c> list with analyses.</param>
    /// <param name="modelsVersion">Version of the models used, or null when none were.</param>
    /// <param name="lexiconsVersion">Version of the lexicons used, or null when none were.</param>
    public static ParleyRecord Build(Document document, bool includeTokens = false,
        string? modelsVersion = null, string? lexiconsVersion = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sentences = new SpanRecord[document.Sentences.Length];
        for (var i = 0; i < sentences.Length; i++)
        {
            sentences[i] = new SpanRecord(document.Sentences[i].Start, document.Sentences[i].End);
        }
        var diagnostics = new DiagnosticRecord[document.Diagnostics.Count];
        for (var i = 0; i < diagnostics.Length; i++)
        {
            var d = document.Diagnostics[i];
            diagnostics[i] = new DiagnosticRecord(d.Code, SeverityName(d.Severity), d.Message, d.Start, d.End, d.Stage);
        }
        return new ParleyRecord
        {
            Id = document.Id,
            Url = document.Url,
            Source = document.Source,
            Title = document.Title,
            Published = document.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Language = document.Language,
            Status = document.IsFailed ? "failed" : "ok",
            Text = document.Text,
            Removed = document.Removed,
            Sentences = sentences,
            Actors = document.Actors,
            Events = document.Events,
            Quotes = document.Quotes,
            Places = document.Places,
            Times = document.Times,
            Diagnostics = diagnostics,
            Versions = new VersionsRecord(ProgramVersion, modelsVersion, lexiconsVersion, [.. document.Stages]),
            Tokens = includeTokens ? BuildTokens(document) : null,
        };
    }

    private static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    private static TokenRecord[] BuildTokens(Document document)
    {
        var tokens = document.Tokens;
        var records = new TokenRecord[tokens.Length];
        var entityOf = EntityLabels.ByToken(document);
        var sentence = 0;
        var hasAnalyses = document.Analyses.Length == tokens.Length;
        for (var i = 0; i < tokens.Length; i++)
        {
            while (sentence < document.Sentences.Length - 1 && i >= document.Sentences[sentence].EndToken)
            {
                sentence++;
            }
            var a = hasAnalyses ? document.Analyses[i] : default;
            records[i] = new TokenRecord(tokens[i].Start, tokens[i].End, document.Text.Substring(tokens[i].Start, tokens[i].Length),
                sentence, a.Upos, a.Xpos, a.Lemma, hasAnalyses ? a.Head : null, a.Relation, entityOf[i]);
        }
        return records;
    }
}
