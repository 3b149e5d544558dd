namespace Parley.Learning;

/// <summary>
/// Training runs that differ only in their seed, run two at a time when there are cores for it. Each
/// run is independent, so the results, returned in run order, do not depend on which finished first.
/// </summary>
internal static class SeedRuns
{
    /// <summary>Runs <paramref name="run"/>(k) for k = 0 … <paramref name="count"/> - 1 and returns the results in that order.</summary>
    public static T[] Run<T>(int count, Func<int, T> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var results = new T[count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Clamp(Environment.ProcessorCount, 1, 2) };
        Parallel.For(0, count, parallel, k => results[k] = run(k));
        return results;
    }
}
