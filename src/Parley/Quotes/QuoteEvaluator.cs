using Parley.Model;
using Parley.Processing;
using Parley.Text;
using Parley.Time;

namespace Parley.Quotes;

/// <summary>
/// Scores <see cref="QuoteAttributor"/> on GUM's Wikinews articles (<c>&lt;quote&gt;</c> spans) over
/// text rebuilt from the XML and segmented by the project's own tokenizer and splitter.
/// </summary>
/// <remarks>
/// GUM cuts a quotation that crosses a sentence boundary into one <c>&lt;quote&gt;</c> per sentence,
/// so gold pieces separated only by white space inside one paragraph are merged back. GUM also
/// varies in whether the marks and a final comma sit inside the span; both sides are trimmed of
/// quotation marks, white space and edge punctuation before spans are compared. Predicted direct
/// and partial quotations are scored; indirect speech has no gold here. A language tag GUM writes
/// inside the span after a translated quotation (<c>((it))</c>) is trimmed too.
/// </remarks>
public static class QuoteEvaluator
{
    /// <summary>Scores every <c>*.xml</c> file in <paramref name="xmlFolder"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <param name="xmlFolder">The folder of GUM XML files.</param>
    /// <param name="annotatedOnly">Score only articles with at least one gold quotation. GUM leaves the
    /// quotations of some articles unmarked (whole interviews in marks with no <c>&lt;quote&gt;</c>), and
    /// there every quotation found would count against precision.</param>
    /// <param name="pipeline">The stages that find quotations (with those they need before them);
    /// without one, the rules alone run on tokens and sentences, with no parse.</param>
    public static QuoteScores Evaluate(string xmlFolder, bool annotatedOnly = false, Pipeline? pipeline = null)
    {
        ArgumentNullException.ThrowIfNull(xmlFolder);
        var files = Directory.GetFiles(xmlFolder, "*.xml");
        Array.Sort(files, StringComparer.Ordinal);
        var articles = new List<GumArticle>(files.Length);
        foreach (var file in files)
        {
            var article = GumArticle.Load(file);
            if (!annotatedOnly || article.Quotes.Count > 0)
            {
                articles.Add(article);
            }
        }
        return Evaluate(articles, pipeline ?? Pipeline.Build([new RuleTokenizer(), new RuleSentenceSplitter(), new QuoteAttributor()]));
    }

    /// <summary>Scores the quotations <paramref name="pipeline"/> finds in <paramref name="articles"/>.</summary>
    public static QuoteScores Evaluate(IReadOnlyList<GumArticle> articles, Pipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(pipeline);
        int gold = 0, predicted = 0, exact = 0, predictedOverlapping = 0, goldOverlapped = 0;
        var errors = new List<string>();
        foreach (var article in articles)
        {
            var document = new Document(article.Id, article.Text);
            pipeline.Process(document);
            var goldSpans = Merge(article.Text, article.Quotes);
            var predictedSpans = new List<TextSpan>();
            foreach (var quote in document.Quotes)
            {
                if (quote.Kind != QuoteFinder.Indirect)
                {
                    predictedSpans.Add(Trim(article.Text, new TextSpan(quote.Start, quote.End)));
                }
            }
            gold += goldSpans.Count;
            predicted += predictedSpans.Count;
            foreach (var p in predictedSpans)
            {
                var overlaps = false;
                var equal = false;
                foreach (var g in goldSpans)
                {
                    overlaps |= p.Overlaps(g);
                    equal |= p == g;
                }
                if (equal)
                {
                    exact++;
                }
                if (overlaps)
                {
                    predictedOverlapping++;
                }
                if (!equal)
                {
                    errors.Add($"{article.Id}: spurious '{Clip(article.Text, p)}");
                }
            }
            foreach (var g in goldSpans)
            {
                var overlapped = false;
                var equal = false;
                foreach (var p in predictedSpans)
                {
                    overlapped |= p.Overlaps(g);
                    equal |= p == g;
                }
                if (overlapped)
                {
                    goldOverlapped++;
                }
                if (!equal)
                {
                    errors.Add($"{article.Id}: missed '{Clip(article.Text, g)}");
                }
            }
        }
        return new QuoteScores(articles.Count, gold, predicted, exact, predictedOverlapping, goldOverlapped, errors);
    }

    private static List<TextSpan> Merge(string text, IReadOnlyList<TextSpan> quotes)
    {
        var merged = new List<TextSpan>();
        foreach (var q in quotes)
        {
            if (merged.Count > 0 && IsOnlySpaces(text, merged[^1].End, q.Start))
            {
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, q.End) };
            }
            else
            {
                merged.Add(q);
            }
        }
        for (var i = 0; i < merged.Count; i++)
        {
            merged[i] = Trim(text, merged[i]);
        }
        return merged;
    }

    private static bool IsOnlySpaces(string text, int start, int end)
    {
        if (start > end)
        {
            return false;
        }
        for (var i = start; i < end; i++)
        {
            if (text[i] != ' ')
            {
                return false;
            }
        }
        return true;
    }

    private static TextSpan Trim(string text, TextSpan span)
    {
        var start = span.Start;
        var end = span.End;
        while (start < end && IsEdge(text[start]))
        {
            start++;
        }
        while (end > start && IsEdge(text[end - 1]))
        {
            end--;
        }
        // GUM writes the language of a translated quotation after it, inside the span: "…" ((it)).
        if (end - start > 6 && text[end - 1] == ')' && text[end - 2] == ')')
        {
            var open = text.LastIndexOf("((", end - 1, end - start, StringComparison.Ordinal);
            if (open > start)
            {
                end = open;
                while (end > start && IsEdge(text[end - 1]))
                {
                    end--;
                }
            }
        }
        return new TextSpan(start, end);
    }

    private static bool IsEdge(char c) =>
        char.IsWhiteSpace(c) || c is '"' or '“' or '”' or '‘' or '’' or '\'' or ',' or '.' or ';' or ':' or '…';

    private static string Clip(string text, TextSpan span)
    {
        // Both ends are shown, since a wrong boundary is the commonest error.
        var s = text[span.Start..span.End].ReplaceLineEndings(" ");
        return (s.Length <= 100 ? s : s[..60] + " ... " + s[^35..]) + $"' [{span.Start}..{span.End})";
    }
}
