using System.Globalization;

namespace Parley.Cli.Commands;

/// <summary>
/// A file of best-so-far scores (<c>measure value</c> per line). An evaluation fails when any measure
/// it computes falls below the recorded best, so accuracy can only go up; <c>--update-ratchet</c>
/// raises the recorded values after an improvement.
/// </summary>
internal sealed class Ratchet
{
    // Scores are deterministic, so the tolerance only absorbs the rounding of the recorded value.
    private const double Tolerance = 0.005;
    private readonly string _path;
    private readonly SortedDictionary<string, double> _best = new(StringComparer.Ordinal);

    private Ratchet(string path) => _path = path;

    public static Ratchet Load(string path)
    {
        var ratchet = new Ratchet(path);
        if (!File.Exists(path))
        {
            return ratchet;
        }
        foreach (var line in File.ReadLines(path))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }
            var parts = trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                ratchet._best[parts[0]] = value;
            }
        }
        return ratchet;
    }

    /// <summary>Compares measured values with the recorded best; returns the regressions as messages.</summary>
    public IReadOnlyList<string> Check(IReadOnlyDictionary<string, double> measured)
    {
        var regressions = new List<string>();
        foreach (var (name, value) in measured)
        {
            if (_best.TryGetValue(name, out var best) && value < best - Tolerance)
            {
                regressions.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {value:F2} is below the best recorded {best:F2}"));
            }
        }
        return regressions;
    }

    /// <summary>Raises recorded values to the measured ones where they are higher (new measures are added) and saves.</summary>
    public void Raise(IReadOnlyDictionary<string, double> measured)
    {
        foreach (var (name, value) in measured)
        {
            var rounded = Math.Floor(value * 100) / 100;
            if (!_best.TryGetValue(name, out var best) || rounded > best)
            {
                _best[name] = rounded;
            }
        }
        using var writer = new StreamWriter(_path);
        writer.WriteLine("# Best scores so far; .ci/run fails when a measure drops below its line. Raise with --update-ratchet.");
        foreach (var (name, value) in _best)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {value:F2}"));
        }
    }
}
