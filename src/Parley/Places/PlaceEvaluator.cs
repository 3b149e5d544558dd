using System.Globalization;
using System.Xml.Linq;
using Parley.Model;
using Parley.Processing;

namespace Parley.Places;

/// <summary>
/// Scores a geocoding stage against GeoVirus (Gritta et al. 2018): Wikinews articles with every toponym's
/// character span and coordinates. The file is read from where the user keeps it and never shipped
/// (its annotations are GPL-3.0). Each article becomes a <see cref="Document"/>; <c>prepare</c> adds the
/// tokens and sentences the stage needs — in production the project's tokenizer and sentence splitter,
/// in tests any tokenizer that fills <see cref="Document.Tokens"/> and <see cref="Document.Sentences"/>.
/// </summary>
public sealed class PlaceEvaluator
{
    /// <summary>The radius of the standard accuracy figure: 161 km, 100 miles.</summary>
    public const double AccuracyRadiusKm = 161;

    private const double EarthRadiusKm = 6371.0088;

    private readonly IStage _geocoder;
    private readonly Action<Document> _prepare;
    private readonly CountryFinder? _countries;

    /// <summary>
    /// Creates an evaluator for <paramref name="geocoder"/>; <paramref name="prepare"/> tokenises and splits
    /// each article before the geocoder runs (the seam where the project's tokenizer plugs in).
    /// </summary>
    /// <param name="geocoder">The stage under test.</param>
    /// <param name="prepare">Adds tokens and sentences to each article.</param>
    /// <param name="countries">
    /// When given, the gold point's country is taken to be that of the nearest city in this gazetteer,
    /// and <see cref="PlaceEvaluation.RightCountry"/> counts found toponyms resolved in that country.
    /// </param>
    public PlaceEvaluator(IStage geocoder, Action<Document> prepare, Gazetteer? countries = null)
    {
        ArgumentNullException.ThrowIfNull(geocoder);
        ArgumentNullException.ThrowIfNull(prepare);
        _geocoder = geocoder;
        _prepare = prepare;
        _countries = countries is null ? null : new CountryFinder(countries);
    }

    /// <summary>Evaluates against the GeoVirus XML file at <paramref name="path"/>.</summary>
    public PlaceEvaluation Evaluate(string path)
    {
        using var stream = File.OpenRead(path);
        return Evaluate(XDocument.Load(stream));
    }

    /// <summary>Evaluates against GeoVirus XML already loaded.</summary>
    public PlaceEvaluation Evaluate(XDocument geoVirus)
    {
        ArgumentNullException.ThrowIfNull(geoVirus);
        var errors = new List<double>();
        var byKind = new SortedDictionary<string, (int Found, int Within)>(StringComparer.Ordinal);
        var notes = new List<string>();
        int articles = 0, gold = 0, skipped = 0, predicted = 0, predictedCorrect = 0, found = 0, within = 0, rightCountry = 0;
        foreach (var article in geoVirus.Descendants("article"))
        {
            var text = (string?)article.Element("text") ?? string.Empty;
            var document = new Document("geovirus-" + articles.ToString(CultureInfo.InvariantCulture), text);
            articles++;
            _prepare(document);
            _geocoder.Process(document, new StageContext(document, _geocoder.Name));

            var goldSpans = new List<(int Start, int End, double Lat, double Lon, string Name)>();
            foreach (var location in article.Descendants("location"))
            {
                var name = (string?)location.Element("name") ?? string.Empty;
                var start = (int?)location.Element("start") ?? -1;
                var end = (int?)location.Element("end") ?? -1;
                // The published offsets are often one or two characters off; take the nearest exact copy
                // of the name within a few characters, and skip the toponym if there is none.
                var shift = Align(text, name, start, end);
                if (shift == int.MinValue)
                {
                    skipped++;
                    continue;
                }
                start += shift;
                end += shift;
                goldSpans.Add((start, end, (double?)location.Element("lat") ?? 0, (double?)location.Element("lon") ?? 0, name));
            }
            gold += goldSpans.Count;

            foreach (var place in document.Places)
            {
                foreach (var mention in place.Mentions)
                {
                    predicted++;
                    var hit = false;
                    foreach (var span in goldSpans)
                    {
                        if (span.Start < mention.End && mention.Start < span.End)
                        {
                            hit = true;
                            break;
                        }
                    }
                    if (hit)
                    {
                        predictedCorrect++;
                    }
                    else
                    {
                        notes.Add($"spurious\t{mention.Text}\t{place.Name} ({place.Country}, {place.Kind})");
                    }
                }
            }
            foreach (var span in goldSpans)
            {
                Place? match = null;
                foreach (var place in document.Places)
                {
                    foreach (var mention in place.Mentions)
                    {
                        if (span.Start < mention.End && mention.Start < span.End)
                        {
                            match = place;
                            break;
                        }
                    }
                    if (match is not null)
                    {
                        break;
                    }
                }
                if (match is null)
                {
                    notes.Add($"missed\t{span.Name}\t{Context(text, span.Start, span.End)}");
                    continue;
                }
                found++;
                if (_countries is not null && match.Country is not null && _countries.Find(span.Lat, span.Lon) == match.Country)
                {
                    rightCountry++;
                }
                var distance = DistanceKm(span.Lat, span.Lon, match.Lat, match.Lon);
                errors.Add(distance);
                var near = distance <= AccuracyRadiusKm;
                byKind.TryGetValue(match.Kind, out var tally);
                byKind[match.Kind] = (tally.Found + 1, tally.Within + (near ? 1 : 0));
                if (near)
                {
                    within++;
                }
                else
                {
                    notes.Add(string.Create(CultureInfo.InvariantCulture,
                        $"far\t{span.Name}\t{match.Name} ({match.Country}, {match.Kind}, {match.GazetteerId})\t{distance:F0} km\t{Context(text, span.Start, span.End)}"));
                }
            }
        }
        errors.Sort();
        double sum = 0;
        foreach (var e in errors)
        {
            sum += e;
        }
        return new PlaceEvaluation
        {
            Articles = articles,
            Gold = gold,
            GoldSkipped = skipped,
            Predicted = predicted,
            PredictedCorrect = predictedCorrect,
            Found = found,
            WithinRadius = within,
            RightCountry = _countries is null ? null : rightCountry,
            ByKind = byKind,
            MedianErrorKm = Median(errors),
            MeanErrorKm = errors.Count == 0 ? 0 : sum / errors.Count,
            Notes = notes,
        };
    }

    /// <summary>Great-circle distance in kilometres (haversine, mean Earth radius).</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(lat2 - lat1);
        var dLon = Radians(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static int Align(string text, string name, int start, int end)
    {
        if (start < 0 || end <= start || end - start != name.Length)
        {
            return int.MinValue;
        }
        for (var distance = 0; distance <= 3; distance++)
        {
            foreach (var shift in (ReadOnlySpan<int>)[distance, -distance])
            {
                var from = start + shift;
                if (from >= 0 && from + name.Length <= text.Length
                    && text.AsSpan(from, name.Length).SequenceEqual(name))
                {
                    return shift;
                }
            }
        }
        return int.MinValue;
    }

    private static double Median(List<double> sorted)
    {
        if (sorted.Count == 0)
        {
            return 0;
        }
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Context(string text, int start, int end)
    {
        var from = Math.Max(0, start - 40);
        var to = Math.Min(text.Length, end + 40);
        return text[from..start].ReplaceLineEndings(" ") + "[" + text[start..end] + "]" + text[end..to].ReplaceLineEndings(" ");
    }

    // The country of the nearest city to a point, from a one-degree grid of the gazetteer's cities.
    private sealed class CountryFinder
    {
        private readonly Dictionary<int, List<GazetteerEntry>> _cells = [];

        public CountryFinder(Gazetteer gazetteer)
        {
            foreach (var entry in gazetteer.Entries)
            {
                if (entry.Kind == PlaceKinds.City && entry.Country is not null)
                {
                    var cell = Cell((int)Math.Floor(entry.Latitude), (int)Math.Floor(entry.Longitude));
                    if (!_cells.TryGetValue(cell, out var list))
                    {
                        list = [];
                        _cells[cell] = list;
                    }
                    list.Add(entry);
                }
            }
        }

        public string? Find(double lat, double lon)
        {
            var row = (int)Math.Floor(lat);
            var column = (int)Math.Floor(lon);
            // Widen the search ring by ring until a city is found; stop after 10 degrees (open sea).
            for (var ring = 1; ring <= 10; ring++)
            {
                GazetteerEntry? best = null;
                var bestDistance = double.MaxValue;
                for (var r = row - ring; r <= row + ring; r++)
                {
                    for (var c = column - ring; c <= column + ring; c++)
                    {
                        if (!_cells.TryGetValue(Cell(r, ((c + 180) % 360 + 360) % 360 - 180), out var list))
                        {
                            continue;
                        }
                        foreach (var entry in list)
                        {
                            var distance = DistanceKm(lat, lon, entry.Latitude, entry.Longitude);
                            if (distance < bestDistance)
                            {
                                bestDistance = distance;
                                best = entry;
                            }
                        }
                    }
                }
                if (best is not null)
                {
                    return best.Country;
                }
            }
            return null;
        }

        private static int Cell(int row, int column) => (row + 90) * 360 + (column + 180);
    }
}
