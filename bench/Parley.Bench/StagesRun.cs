using System.Diagnostics;
using System.Globalization;
using Parley.Model;
using Parley.Processing;
using Parley.Syntax;

namespace Parley.Bench;

/// <summary>
/// Where the single-thread time goes: the full pipeline over the Wikinews sample, one stage at a time,
/// with a stopwatch around each stage. Runs after the first (which warms up the JIT) are summed. Where
/// the system reports the thread's processor time (Linux), each stage's CPU time is shown too: on a
/// shared machine it is far steadier than the clock.
/// </summary>
internal static class StagesRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var repeat = int.Parse(ThroughputRun.Option(args, "--repeat") ?? "3", CultureInfo.InvariantCulture);
        if (await ThroughputRun.LoadNewsAsync(args).ConfigureAwait(false) is not { } articles)
        {
            return 2;
        }
        var stages = StandardStages.Create(DataPaths.ResolveData()).Pipeline.Stages;
        var ticks = new long[stages.Count];
        var cpu = new long[stages.Count];
        // A beam parser is also timed greedy (same weights) on the same documents, for comparison.
        var beam = stages.OfType<ArcEagerParser>().FirstOrDefault(p => p.Model.BeamWidth > 1);
        var greedy = beam is null ? null : new ArcEagerParser(beam.Model.WithBeamWidth(1));
        long greedyTicks = 0;
        for (var r = 0; r <= repeat; r++)
        {
            foreach (var a in articles)
            {
                var document = new Document(a.Id, a.Text) { Published = a.Published };
                for (var s = 0; s < stages.Count && !document.IsFailed; s++)
                {
                    if (greedy is not null && stages[s] is ArcEagerParser)
                    {
                        var before = Stopwatch.GetTimestamp();
                        greedy.Process(document, new StageContext(document, greedy.Name));
                        greedyTicks += r > 0 ? Stopwatch.GetTimestamp() - before : 0;
                    }
                    var start = Stopwatch.GetTimestamp();
                    var startCpu = ThreadCpuNanoseconds();
                    stages[s].Process(document, new StageContext(document, stages[s].Name));
                    var spent = Stopwatch.GetTimestamp() - start;
                    var spentCpu = ThreadCpuNanoseconds() - startCpu;
                    document.AddLayers(stages[s].Provides);
                    if (r > 0)
                    {
                        ticks[s] += spent;
                        cpu[s] += spentCpu;
                    }
                }
            }
        }
        var total = ticks.Sum();
        Console.WriteLine($"articles: {articles.Count}, timed runs: {repeat}, one thread");
        Console.WriteLine("stage                           ms/run   share   CPU ms/run");
        for (var s = 0; s < stages.Count; s++)
        {
            var ms = ticks[s] * 1000.0 / Stopwatch.Frequency / repeat;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stages[s].Name,-30} {ms,8:F0} {100.0 * ticks[s] / total,6:F1} % {cpu[s] / 1e6 / repeat,10:F0}"));
        }
        if (greedy is not null)
        {
            var ms = greedyTicks * 1000.0 / Stopwatch.Frequency / repeat;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"(parse greedy, same weights)",-30} {ms,8:F0}     (not in the total; the stage above uses a beam of {beam!.Model.BeamWidth})"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"total",-30} {total * 1000.0 / Stopwatch.Frequency / repeat,8:F0}          {cpu.Sum() / 1e6 / repeat,10:F0}"));
        return 0;
    }

    // Processor time of the calling thread so far, in nanoseconds (Linux's scheduler statistics), or
    // 0 where the system does not report it.
    private static long ThreadCpuNanoseconds()
    {
        const string Path = "/proc/thread-self/schedstat";
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }
        var line = File.ReadAllText(Path);
        var end = line.IndexOf(' ', StringComparison.Ordinal);
        return long.Parse(end < 0 ? line : line[..end], CultureInfo.InvariantCulture);
    }
}
