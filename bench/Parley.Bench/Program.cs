using BenchmarkDotNet.Running;

namespace Parley.Bench;

/// <summary>
/// Benchmarks. <c>throughput</c> (default): end-to-end over the Wikinews sample, single-threaded and on
/// all cores, with the segmentation-only pipeline as the in-run baseline. <c>files N</c>: peak memory
/// when coding a directory of N small files. <c>coldstart</c>: first output from a fresh process.
/// <c>micro</c>: BenchmarkDotNet micro-benchmarks.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var mode = args.Length > 0 ? args[0] : "throughput";
        switch (mode)
        {
            case "throughput":
                return await ThroughputRun.RunAsync(args[1..]).ConfigureAwait(false);
            case "files":
                return await FilesRun.RunAsync(args[1..]).ConfigureAwait(false);
            case "coldstart":
                return ColdStartRun.Run(args[1..]);
            case "store":
                return await StoreRun.RunAsync(args[1..]).ConfigureAwait(false);
            case "micro":
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args[1..]);
                return 0;
            default:
                await Console.Error.WriteLineAsync("usage: Parley.Bench [throughput [--shared DIR] [--repeat N] | files N | coldstart [RUNS] | store [--postgres URL] [--events N] [--million-on sqlite,postgres] | micro]").ConfigureAwait(false);
                return 2;
        }
    }
}
