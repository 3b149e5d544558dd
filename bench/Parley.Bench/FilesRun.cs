using System.Diagnostics;
using System.Globalization;
using Parley.Ingest;
using Parley.Processing;

namespace Parley.Bench;

/// <summary>
/// Peak memory while coding a directory of N small files, to show that reading streams: run it with
/// N = 1,000 and N = 10,000 (separate processes) and compare the peaks.
/// </summary>
internal static class FilesRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var dir = Directory.CreateTempSubdirectory("parley-files-").FullName;
        try
        {
            for (var i = 0; i < n; i++)
            {
                var sub = Path.Combine(dir, (i % 100).ToString("D2", CultureInfo.InvariantCulture));
                Directory.CreateDirectory(sub);
                await File.WriteAllTextAsync(Path.Combine(sub, $"a{i:D6}.txt"),
                    $"Officials in district {i} said on Tuesday that the new bridge would open next month. " +
                    "The mayor welcomed the decision and thanked the engineers.").ConfigureAwait(false);
            }
            var stages = StandardStages.Create(DataPaths.ResolveData());
            var runner = new PipelineRunner(stages.Pipeline);
            var reader = new ArticleReader(new IngestOptions());
            var clock = Stopwatch.StartNew();
            long count = 0;
            await foreach (var doc in runner.RunAsync(reader.ReadAsync([dir], Stream.Null, CancellationToken.None)).ConfigureAwait(false))
            {
                count++;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"files: {count}, seconds: {clock.Elapsed.TotalSeconds:F1}, peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):F0} MB"));
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
