using Parley.Diagnostics;
using Parley.Model;
using Parley.Processing;

namespace Parley.Time;

/// <summary>
/// Adds the document's time expressions to <see cref="Document.Times"/>, resolved by
/// <see cref="DateExpressionMatcher"/> against the publication date. When
/// <see cref="Document.Published"/> is null the article's own dateline ("Friday, January 4, 2019"
/// at its start) serves as the reference day; with neither, relative expressions keep a null value
/// and each gets a <see cref="DiagnosticCodes.UnresolvedRelativeTime"/> warning rather than a guess.
/// Expressions inside removed spans are left out.
/// </summary>
public sealed class RuleTimeResolver : IStage
{
    /// <summary>The versioned stage name.</summary>
    public const string StageName = "times.v1";

    private readonly DateExpressionMatcher _matcher;

    /// <summary>Creates the stage over the shared matcher.</summary>
    public RuleTimeResolver()
        : this(DateExpressionMatcher.Default)
    {
    }

    /// <summary>Creates the stage over <paramref name="matcher"/>.</summary>
    public RuleTimeResolver(DateExpressionMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        _matcher = matcher;
    }

    /// <inheritdoc />
    public string Name => StageName;

    /// <inheritdoc />
    public Layers Requires => Layers.Tokens | Layers.Sentences;

    /// <inheritdoc />
    public Layers Provides => Layers.Times;

    /// <inheritdoc />
    public void Process(Document document, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        var reference = document.Published ?? _matcher.FindDateline(document.Text, document.Tokens, document.Sentences);
        var matches = new List<DateMatch>();
        _matcher.Match(document.Text, document.Tokens, document.Sentences, document.Analyses, reference, matches);
        foreach (var match in matches)
        {
            var span = new TextSpan(document.Tokens[match.FirstToken].Start, document.Tokens[match.EndToken - 1].End);
            if (document.IsRemoved(span))
            {
                continue;
            }
            var text = document.Slice(span);
            document.Times.Add(new TimeExpression(span.Start, span.End, text, match.Value, match.Precision));
            if (match.Value is null)
            {
                context.Warn(DiagnosticCodes.UnresolvedRelativeTime,
                    $"'{text}' at {span} is relative to the publication date, which is unknown; its value was left null. " +
                    "Give the article's published date to resolve it.", span);
            }
        }
    }
}
