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
    internal sealed record Article(string Id, string Text, DateOnly? Published);

    public static async Task<int> RunAsync(string[] args)
    {
        var shared = DataPaths.ResolveShared(Option(args, "--shared"));
        var repeat = int.Parse(Option(args, "--repeat") ?? "5", CultureInfo.InvariantCulture);
        if (shared is null || !Directory.Exists(Path.Combine(shared, "news", "wikinews-2019-2020")))
        {
            await Console.Error.WriteLineAsync("The news sample was not found: pass --shared DIR or set PARLEY_SHARED.").ConfigureAwait(false);
            return 2;
        }
        var articles = await ReadNewsAsync(shared).ConfigureAwait(false);
        var chars = articles.Sum(a => (long)a.Text.Length);
        Console.WriteLine($"articles: {articles.Count}, characters: {chars:N0}, runs per configuration: {repeat} (median reported)");

        var full = StandardStages.Create(DataPaths.ResolveData());
        var baseline = Pipeline.Build(full.Pipeline.Stages.Where(s => (s.Provides & (Layers.Cleaned | Layers.Tokens | Layers.Sentences)) != 0));
        // The English models alone (tagger, parser, recogniser) over the same segmentation.
        var models = Pipeline.Build(full.Pipeline.Stages.Where(s => (s.Provides & (Layers.Cleaned | Layers.Tokens | Layers.Sentences
            | Layers.Tags | Layers.Dependencies | Layers.Entities)) != 0));
        Console.WriteLine($"full pipeline: {string.Join(" → ", full.Pipeline.StageNames)}");
        Console.WriteLine($"models:        {string.Join(" → ", models.StageNames)}");
        Console.WriteLine($"baseline:      {string.Join(" → ", baseline.StageNames)}");
        var noPlaces = Pipeline.Build(full.Pipeline.Stages.Where(s => (s.Provides & (Layers.Places | Layers.Links)) == 0));
        // Without the event coder (and the linking that needs its events), so its share is measured in the same run.
        var noEvents = Pipeline.Build(full.Pipeline.Stages.Where(s => (s.Provides & (Layers.Events | Layers.Links)) == 0));
        Console.WriteLine();
        Console.WriteLine("Wall-clock rates depend on what else the machine runs; the per-CPU-second rates (all threads'");
        Console.WriteLine("processor time, GC included) are steadier on a shared machine.");
        Console.WriteLine();
        Console.WriteLine("configuration              threads  articles/s  sentences/s    tokens/s   vs baseline   sentences/CPU-s  tokens/CPU-s");

        if (args.Contains("--models-only"))
        {
            // A quicker run for work on the English models: segmentation and the models, one thread.
            var pair = await MeasureAsync([baseline, models], articles, 1, repeat).ConfigureAwait(false);
            var segment = Median(pair[0]);
            Print("baseline (segment)", 1, segment, segment);
            Print("models (tag, parse, NER)", 1, Median(pair[1]), segment);
            Console.WriteLine();
            Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):F0} MB");
            return 0;
        }
        foreach (var threads in new[] { 1, Environment.ProcessorCount })
        {
            // The configurations take turns run by run, so a change in the machine's load falls
            // on all of them alike; a stage's cost is the median of the paired
            // ratios (full pipeline against itself without them, in the same round).
            var runs = await MeasureAsync([baseline, full.Pipeline, noPlaces, models, noEvents], articles, threads, repeat).ConfigureAwait(false);
            var b = Median(runs[0]);
            Print("baseline (segment)", threads, b, b);
            Print("models (tag, parse, NER)", threads, Median(runs[3]), b);
            Print("full pipeline", threads, Median(runs[1]), b);
            Print("full without places, link", threads, Median(runs[2]), b);
            Print("full without events, link", threads, Median(runs[4]), b);
            PrintCost("places + link", threads, runs[1], runs[2]);
            PrintCost("events + link", threads, runs[1], runs[4]);
        }
        Console.WriteLine();
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):F0} MB");
        return 0;
    }

    /// <summary>The Wikinews sample's articles under <c>--shared</c> (or the default shared folder), or
    /// null after telling the user where to point when the sample is not there.</summary>
    internal static async Task<List<Article>?> LoadNewsAsync(string[] args)
    {
        var shared = DataPaths.ResolveShared(Option(args, "--shared"));
        if (shared is null || !Directory.Exists(Path.Combine(shared, "news", "wikinews-2019-2020")))
        {
            await Console.Error.WriteLineAsync("The news sample was not found: pass --shared DIR or set PARLEY_SHARED.").ConfigureAwait(false);
            return null;
        }
        return await ReadNewsAsync(shared).ConfigureAwait(false);
    }

    /// <summary>The Wikinews sample's articles, in file order.</summary>
    internal static async Task<List<Article>> ReadNewsAsync(string shared)
    {
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
        return articles;
    }

    // The cost of some stages: the median of the paired CPU ratios, full pipeline against itself without them.
    private static void PrintCost(string stages, int threads, List<Figures> full, List<Figures> without)
    {
        var ratios = full.Zip(without, (f, w) => f.CpuSeconds / w.CpuSeconds - 1).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {stages}, {threads} thread(s): {ratios[ratios.Count / 2] * 100:+0.0;-0.0} % CPU time over the full pipeline without them (paired runs: {string.Join(", ", ratios.Select(r => (r * 100).ToString("+0.0;-0.0", CultureInfo.InvariantCulture)))} %)"));
    }

    private sealed record Figures(double Seconds, double CpuSeconds, long Articles, long Sentences, long Tokens);

    // Runs each pipeline once per round, repeat + 1 rounds; the first round warms up the JIT and is
    // not counted. Returns each pipeline's figures, one per counted round, in round order.
    private static async Task<List<Figures>[]> MeasureAsync(Pipeline[] pipelines, List<Article> articles, int threads, int repeat)
    {
        var runs = pipelines.Select(_ => new List<Figures>()).ToArray();
        for (var r = 0; r <= repeat; r++)
        {
            for (var p = 0; p < pipelines.Length; p++)
            {
                var figures = await RunOnceAsync(pipelines[p], articles, threads).ConfigureAwait(false);
                if (r > 0)
                {
                    runs[p].Add(figures);
                }
            }
        }
        return runs;
    }

    private static async Task<Figures> RunOnceAsync(Pipeline pipeline, List<Article> articles, int threads)
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
        return new Figures(clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds, count, sentences, tokens);
    }

    private static Figures Median(List<Figures> runs)
    {
        var sorted = runs.OrderBy(f => f.Seconds).ToList();
        return sorted[sorted.Count / 2];
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
