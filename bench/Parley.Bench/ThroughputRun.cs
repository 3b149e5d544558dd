using System.Diagnostics;
using System.Globalization;
using Parley.Ingest;
using Parley.Model;
using Parley.Processing;

namespace Parley.Bench;

/// <summary>
/// End-to-end throughput on the Wikinews sample. Articles are read once; each run codes fresh
/// Documents over the same texts. The segmentation-only pipeline runs in the same process as the
/// baseline, so a noisy machine shows up in both figures.
/// </summary>
internal static class ThroughputRun
{
    private sealed record Article(string Id, string Text, DateOnly? Published);

    public static async Task<int> RunAsync(string[] args)
    {
        var shared = DataPaths.ResolveShared(Option(args, "--shared"));
        var repeat = int.Parse(Option(args, "--repeat") ?? "5", CultureInfo.InvariantCulture);
        if (shared is null || !Directory.Exists(Path.Combine(shared, "news", "wikinews-2019-2020")))
        {
            await Console.Error.WriteLineAsync("The news sample was not found: pass --shared DIR or set PARLEY_SHARED.").ConfigureAwait(false);
            return 2;
        }
        var articles = new List<Article>();
        var reader = new ArticleReader(new IngestOptions());
        using var stdin = Stream.Null;
        var news = Directory.GetFiles(Path.Combine(shared, "news", "wikinews-2019-2020"), "*.csv");
        Array.Sort(news, StringComparer.Ordinal);
        await foreach (var doc in reader.ReadAsync(news, stdin, CancellationToken.None).ConfigureAwait(false))
        {
            if (!doc.IsFailed)
            {
                articles.Add(new Article(doc.Id, doc.Text, doc.Published));
            }
        }
        var chars = articles.Sum(a => (long)a.Text.Length);
        Console.WriteLine($"articles: {articles.Count}, characters: {chars:N0}, runs per configuration: {repeat} (median reported)");

        var full = StandardStages.Create(DataPaths.ResolveData());
        var baseline = Pipeline.Build(full.Pipeline.Stages.Where(s => (s.Provides & (Layers.Cleaned | Layers.Tokens | Layers.Sentences)) != 0));
        // The same pipeline without the event coder, so its share of the end-to-end time is measured in the same run.
        var withoutEvents = Pipeline.Build(full.Pipeline.Stages.Where(s => (s.Provides & Layers.Events) == 0));
        Console.WriteLine($"full pipeline: {string.Join(" → ", full.Pipeline.StageNames)}");
        Console.WriteLine($"baseline:      {string.Join(" → ", baseline.StageNames)}");
        Console.WriteLine();
        Console.WriteLine("Wall-clock rates depend on what else the machine runs; the per-CPU-second rates (all threads'");
        Console.WriteLine("processor time, GC included) are steadier on a shared machine.");
        Console.WriteLine();
        Console.WriteLine("configuration              threads  articles/s  sentences/s    tokens/s   vs baseline   sentences/CPU-s  tokens/CPU-s");

        foreach (var threads in new[] { 1, Environment.ProcessorCount })
        {
            var b = await MeasureAsync(baseline, articles, threads, repeat).ConfigureAwait(false);
            Print("baseline (segment)", threads, b, b);
            var w = await MeasureAsync(withoutEvents, articles, threads, repeat).ConfigureAwait(false);
            Print("full without events", threads, w, b);
            var f = await MeasureAsync(full.Pipeline, articles, threads, repeat).ConfigureAwait(false);
            Print("full pipeline", threads, f, b);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  event coding adds {100 * (f.Seconds / w.Seconds - 1),5:F1} % wall time, {100 * (f.CpuSeconds / w.CpuSeconds - 1),5:F1} % CPU time ({threads} thread(s))"));
        }
        Console.WriteLine();
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):F0} MB");
        return 0;
    }

    private sealed record Figures(double Seconds, double CpuSeconds, long Articles, long Sentences, long Tokens);

    private static async Task<Figures> MeasureAsync(Pipeline pipeline, List<Article> articles, int threads, int repeat)
    {
        var runs = new List<Figures>();
        for (var r = 0; r <= repeat; r++)
        {
            var runner = new PipelineRunner(pipeline, threads);
            long sentences = 0, tokens = 0, count = 0;
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            await foreach (var doc in runner.RunAsync(Fresh(articles)).ConfigureAwait(false))
            {
                sentences += doc.Sentences.Length;
                tokens += doc.Tokens.Length;
                count++;
            }
            clock.Stop();
            process.Refresh();
            var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
            if (r > 0) // the first run warms up the JIT and is not counted
            {
                runs.Add(new Figures(clock.Elapsed.TotalSeconds, cpuSeconds, count, sentences, tokens));
            }
        }
        runs.Sort((a, b) => a.Seconds.CompareTo(b.Seconds));
        return runs[runs.Count / 2];
    }

    private static async IAsyncEnumerable<Document> Fresh(List<Article> articles)
    {
        foreach (var a in articles)
        {
            yield return new Document(a.Id, a.Text) { Published = a.Published };
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }

    private static void Print(string name, int threads, Figures f, Figures baseline)
    {
        var relative = f.Seconds / baseline.Seconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-26} {threads,7} {f.Articles / f.Seconds,11:F1} {f.Sentences / f.Seconds,12:F0} {f.Tokens / f.Seconds,11:F0}   {relative,8:F2}x time {f.Sentences / f.CpuSeconds,16:F0} {f.Tokens / f.CpuSeconds,13:F0}"));
    }

    internal static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
