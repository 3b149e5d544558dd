using System.Diagnostics;
using System.Globalization;
using Parley.Actors;
using Parley.Places;
using Parley.Processing;

namespace Parley.Bench;

/// <summary>
/// Time to load the three Phoenix actor dictionaries and the Phoenix agent dictionary into an
/// actor lexicon (what <c>parley code --actors … --agents …</c> does before coding), beside the
/// project's own tables loaded in the same run as the baseline. The first load includes JIT work;
/// the median of the later ones is the steady figure. The places gazetteer (read by every run that
/// codes places) is timed the same way, its names counted as phrases.
/// </summary>
internal static class DictionaryLoadRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var shared = DataPaths.ResolveShared(ThroughputRun.Option(args, "--shared"));
        var repeat = int.Parse(ThroughputRun.Option(args, "--repeat") ?? "5", CultureInfo.InvariantCulture);
        var folder = shared is null ? null : Path.Combine(shared, "petrarch", "dictionaries");
        var data = DataPaths.ResolveData();
        if (folder is null || !Directory.Exists(folder) || data is null)
        {
            await Console.Error.WriteLineAsync("The PETRARCH dictionaries or data/ were not found: pass --shared DIR or set PARLEY_SHARED.").ConfigureAwait(false);
            return 2;
        }
        var tables = Path.Combine(data, ActorLexicon.DataFolder);
        Console.WriteLine("what                                   first load ms (cpu)   median ms (cpu)   phrases   warnings");
        Measure("project tables (baseline)", repeat, () => (new ActorLexiconBuilder().AddTables(tables).Build().PhraseCount, 0));
        Measure("places gazetteer", repeat, () => (Gazetteer.LoadFromDataFolder(data).NameCount, 0));
        Measure("Phoenix 3 actor files + agents", repeat, () =>
        {
            var warnings = new List<string>();
            return (PetrarchDictionaryReader.LoadPhoenix(folder, new ActorLexiconBuilder(), warnings).Build().PhraseCount, warnings.Count);
        });
        Measure("project tables + Phoenix (--actors)", repeat, () =>
        {
            var warnings = new List<string>();
            return (PetrarchDictionaryReader.LoadPhoenix(folder, new ActorLexiconBuilder().AddTables(tables), warnings).Build().PhraseCount, warnings.Count);
        });
        return 0;
    }

    private static void Measure(string name, int repeat, Func<(int Phrases, int Warnings)> load)
    {
        var runs = new List<(double Wall, double Cpu)>();
        (int Phrases, int Warnings) last = default;
        for (var r = 0; r <= repeat; r++)
        {
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            last = load();
            clock.Stop();
            process.Refresh();
            runs.Add((clock.Elapsed.TotalMilliseconds, (process.TotalProcessorTime - cpu).TotalMilliseconds));
        }
        var first = runs[0];
        var later = runs.Skip(1).OrderBy(r => r.Wall).ToList();
        var median = later[later.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-38} {first.Wall,8:F0} ({first.Cpu,6:F0})   {median.Wall,8:F0} ({median.Cpu,6:F0}) {last.Phrases,9} {last.Warnings,10}"));
    }
}
