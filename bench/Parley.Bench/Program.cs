using BenchmarkDotNet.Running;

namespace Parley.Bench;

/// <summary>
/// Benchmarks. <c>throughput</c> (default): end-to-end over the Wikinews sample, single-threaded and on
/// all cores, with the segmentation-only pipeline as the in-run baseline (<c>--models-only</c>: just it and the English
/// models, one thread). <c>files N</c>: peak memory
/// when coding a directory of N small files. <c>coldstart</c>: first output from a fresh process.
/// <c>kb</c>: person knowledge base lookups with 1,000 and 100,000 people against an empty base.
/// <c>dictionaries</c>: loading the Phoenix PETRARCH dictionaries. <c>stages</c>: single-thread time per
/// pipeline stage. <c>micro</c>: BenchmarkDotNet
/// micro-benchmarks.
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
            case "kb":
                return await KnowledgeRun.RunAsync(args[1..]).ConfigureAwait(false);
            case "dictionaries":
                return await DictionaryLoadRun.RunAsync(args[1..]).ConfigureAwait(false);
            case "stages":
                return await StagesRun.RunAsync(args[1..]).ConfigureAwait(false);
            case "store":
                return await StoreRun.RunAsync(args[1..]).ConfigureAwait(false);
            case "micro":
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args[1..]);
                return 0;
            default:
                await Console.Error.WriteLineAsync("usage: Parley.Bench [throughput [--shared DIR] [--repeat N] [--models-only] | files N | coldstart [RUNS] | kb [--repeat N] | dictionaries [--repeat N] | stages [--repeat N] | store [--postgres URL] [--events N] [--million-on sqlite,postgres] [--runs N] [--keep FILE.db] [--keep-schema NAME] [--queries-only] | micro]").ConfigureAwait(false);
                return 2;
        }
    }
}
