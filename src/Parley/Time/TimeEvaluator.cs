using Parley.Model;
using Parley.Processing;
using Parley.Text;

namespace Parley.Time;

/// <summary>
/// Scores <see cref="RuleTimeResolver"/> on GUM's Wikinews articles (<c>&lt;date when="…"&gt;</c>
/// spans): each article's text is rebuilt from its XML, tokenized and split by the project's own
/// stages, and the time stage runs with no publication date, so values rest on the article's
/// dateline as they would for a Wikinews page read without metadata.
/// </summary>
public static class TimeEvaluator
{
    /// <summary>Scores every <c>*.xml</c> file in <paramref name="xmlFolder"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static TimeScores Evaluate(string xmlFolder)
    {
        ArgumentNullException.ThrowIfNull(xmlFolder);
        var files = Directory.GetFiles(xmlFolder, "*.xml");
        Array.Sort(files, StringComparer.Ordinal);
        var articles = new List<GumArticle>(files.Length);
        foreach (var file in files)
        {
            articles.Add(GumArticle.Load(file));
        }
        return Evaluate(articles, new RuleTimeResolver());
    }

    /// <summary>Scores <paramref name="stage"/> on <paramref name="articles"/>.</summary>
    public static TimeScores Evaluate(IReadOnlyList<GumArticle> articles, IStage stage)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(stage);
        var pipeline = Pipeline.Build([new RuleTokenizer(), new RuleSentenceSplitter(), stage]);
        int goldSpans = 0, foundSpans = 0, goldValues = 0, foundValues = 0, correct = 0, predicted = 0, onGold = 0;
        var errors = new List<string>();
        foreach (var article in articles)
        {
            var document = new Document(article.Id, article.Text);
            pipeline.Process(document);
            predicted += document.Times.Count;
            foreach (var time in document.Times)
            {
                foreach (var gold in article.Dates)
                {
                    if (gold.Start < time.End && time.Start < gold.End)
                    {
                        onGold++;
                        break;
                    }
                }
            }
            foreach (var gold in article.Dates)
            {
                goldSpans++;
                var best = BestOverlap(document.Times, gold);
                if (best is not null)
                {
                    foundSpans++;
                }
                if (gold.When is null)
                {
                    continue;
                }
                goldValues++;
                var goldText = article.Text[gold.Start..gold.End];
                if (best is null)
                {
                    errors.Add($"{article.Id}: missed '{goldText}' = {gold.When}");
                    continue;
                }
                foundValues++;
                if (string.Equals(best.Value, gold.When, StringComparison.Ordinal))
                {
                    correct++;
                }
                else
                {
                    errors.Add($"{article.Id}: '{goldText}' = {gold.When}, got '{best.Text}' = {best.Value ?? "null"}");
                }
            }
        }
        return new TimeScores(articles.Count, goldSpans, foundSpans, goldValues, foundValues, correct, predicted, onGold, errors);
    }

    private static TimeExpression? BestOverlap(List<TimeExpression> times, GumDate gold)
    {
        TimeExpression? best = null;
        var bestOverlap = 0;
        foreach (var time in times)
        {
            var overlap = Math.Min(time.End, gold.End) - Math.Max(time.Start, gold.Start);
            if (overlap > bestOverlap)
            {
                best = time;
                bestOverlap = overlap;
            }
        }
        return best;
    }
}
