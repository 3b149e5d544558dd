using System.Runtime.CompilerServices;
using Parley.Actors;
using Parley.Processing;
using Xunit.Abstractions;

namespace Parley.Tests.Actors;

/// <summary>
/// The resolver on the 24 GUM Wikinews articles (gold words, tags and trees): clustering of
/// person and organisation mentions, and countries of country and city names.
/// </summary>
public sealed class ResolveGumEvaluationTests(ITestOutputHelper output)
{
    [SharedDataFact]
    [Trait("Category", "Slow")]
    public void Gum_wikinews_scores()
    {
        var folder = Path.Combine(DataPaths.ResolveShared()!, "gold", "gum-wikinews", "dep_conllu");
        using var table = new StreamReader(TablePath());
        var evaluator = new CorefEvaluator(new ActorResolver(ProjectLexicon.Lexicon), CorefEvaluator.ReadPlaceTable(table), ResolveModels.EntityStages());
        var scores = evaluator.Evaluate(Directory.GetFiles(folder, "*.conllu").Order(StringComparer.Ordinal));
        output.WriteLine(scores.ToString());
        Assert.Equal(24, scores.Documents);
        Assert.True(scores.CountryMentions > 0 && scores.CountryCorrect >= 0.95 * scores.CountryMentions, scores.ToString());
        Assert.True(scores.Named.B3F1 > 0.5, scores.ToString());
    }

    [SharedDataFact]
    [Trait("Category", "Slow")]
    public void Gum_wikinews_scores_with_predicted_tags_trees_and_entities()
    {
        var folder = Path.Combine(DataPaths.ResolveShared()!, "gold", "gum-wikinews", "dep_conllu");
        var stages = ResolveModels.Stages();
        if (stages.Count < 3)
        {
            return;
        }
        using var table = new StreamReader(TablePath());
        var evaluator = new CorefEvaluator(new ActorResolver(ProjectLexicon.Lexicon), CorefEvaluator.ReadPlaceTable(table), stages);
        var scores = evaluator.Evaluate(Directory.GetFiles(folder, "*.conllu").Order(StringComparer.Ordinal));
        output.WriteLine(scores.ToString());
        Assert.True(scores.CountryCorrect >= 0.95 * scores.CountryMentions, scores.ToString());
    }

    private static string TablePath([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "gum-place-countries.tsv");
}
