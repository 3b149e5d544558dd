using System.Diagnostics;
using System.Globalization;
using Parley.Processing;

namespace Parley.Bench;

/// <summary>
/// Time from starting <c>parley code</c> on one article to its record on standard output, in a fresh
/// process each time (models loaded from disk). Needs a Release build of src/Parley.Cli.
/// </summary>
internal static class ColdStartRun
{
    public static int Run(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var root = FindRepository();
        var cli = Path.Combine(root, "src", "Parley.Cli", "bin", "Release", "net10.0", "Parley.Cli.dll");
        var article = Path.Combine(DataPaths.ResolveShared() ?? Path.Combine(root, "..", "shared"), "examples", "un-guterres-putin.txt");
        if (!File.Exists(article))
        {
            Console.Error.WriteLine($"The example article was not found at {article}: set {DataPaths.SharedVariable} to the shared folder.");
            return 2;
        }
        if (!File.Exists(cli))
        {
            Console.Error.WriteLine("Build the command first: dotnet build -c Release src/Parley.Cli");
            return 2;
        }
        var times = new List<double>();
        for (var i = 0; i <= runs; i++)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { cli, "code", article, "--published", "2022-04-20" })
            {
                start.ArgumentList.Add(arg);
            }
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var firstByte = process.StandardOutput.Read(); // blocks until the record starts
            var elapsed = clock.Elapsed.TotalSeconds;
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (firstByte < 0 || process.ExitCode != 0)
            {
                Console.Error.WriteLine($"parley exited with {process.ExitCode}: {process.StandardError.ReadToEnd()}");
                return 1;
            }
            if (i > 0) // the first run fills the disk cache
            {
                times.Add(elapsed);
            }
        }
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"first output for one article, fresh process: median {times[times.Count / 2]:F2} s, min {times[0]:F2} s, max {times[^1]:F2} s over {times.Count} runs"));
        return 0;
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }
}
