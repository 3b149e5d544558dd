using System.Globalization;
using Parley.Places;
using Parley.Processing;
using Xunit.Abstractions;

namespace Parley.Tests.Places;

/// <summary>
/// Runs <see cref="PlaceEvaluator"/> over GeoVirus when the shared gold folder is present, and prints the
/// figures. The gold set is evaluation data only: nothing here is built from it.
/// </summary>
public sealed class GeoVirusEvaluationTests(GazetteerFixture fixture, ITestOutputHelper output) : IClassFixture<GazetteerFixture>
{
    [Fact]
    [Trait("Category", "Slow")]
    public void ScoresGeoVirus()
    {
        var shared = DataPaths.ResolveShared();
        var path = shared is null ? null : Path.Combine(shared, "gold", "geovirus", "GeoVirus.xml");
        if (path is null || !File.Exists(path))
        {
            output.WriteLine("GeoVirus not found; skipped.");
            return;
        }
        var evaluator = new PlaceEvaluator(fixture.Geocoder, Segmentation.Prepare, fixture.Gazetteer);
        var result = evaluator.Evaluate(path);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"articles {result.Articles}, gold {result.Gold} (skipped {result.GoldSkipped}), predicted {result.Predicted}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"precision {result.Precision:P1}, recall {result.Recall:P1}, acc@161km {result.Accuracy:P1} (over all gold {result.AccuracyOverGold:P1}), right country {result.CountryAccuracy:P1}, median {result.MedianErrorKm:F1} km, mean {result.MeanErrorKm:F0} km"));
        foreach (var (kind, (found, within)) in result.ByKind)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind}: {found} found, {within} within 161 km ({(double)within / found:P1})"));
        }
        var notesPath = Environment.GetEnvironmentVariable("PARLEY_GEOVIRUS_NOTES");
        if (!string.IsNullOrEmpty(notesPath))
        {
            File.WriteAllLines(notesPath, result.Notes);
        }
        Assert.True(result.Recall > 0.5);
    }
}
