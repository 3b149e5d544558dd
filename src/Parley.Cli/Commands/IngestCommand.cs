using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Parley.Cli.Output;
using Parley.Model;
using Parley.Serialization;
using Parley.Store;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley ingest</c>: reads and codes articles like <c>parley code</c> and keeps them in the
/// event store. Articles already stored are skipped before coding; each batch is one transaction,
/// so a killed run loses at most its last batch and a rerun finishes the job.
/// </summary>
internal static class IngestCommand
{
    private const int BatchArticles = 64;
    private static readonly TimeSpan BatchTime = TimeSpan.FromSeconds(2);

    public static Command Create()
    {
        var coding = new CodingOptions();
        var store = StoreOption.Create();
        var command = new Command("ingest",
            "Code articles and keep them in the event store: same id or same text is skipped, changed text is re-coded, near-duplicates are linked, " +
            "events are merged across articles.");
        coding.AddTo(command);
        command.Options.Add(store);
        command.SetAction((result, cancellationToken) => RunAsync(coding.Read(result), result.GetValue(store)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CodingSettings settings, string storeSpec, CancellationToken cancellationToken)
    {
        var run = settings.Start("ingest");
        await using var store = await EventStores.OpenAsync(storeSpec, cancellationToken).ConfigureAwait(false);
        using var bar = ProgressReporter.Create(settings.AllowProgress, run.EstimateArticles());
        var counts = new Dictionary<ArticleOutcome, int>();
        foreach (var outcome in Enum.GetValues<ArticleOutcome>())
        {
            counts[outcome] = 0;
        }
        var unchanged = 0;

        async ValueTask<bool> NotStoredYet(Document document, CancellationToken token)
        {
            if (document.IsFailed)
            {
                return true; // counted and reported where coded documents are
            }
            var lookup = await store.LookupAsync(document.Id, TextFingerprint.Of(document.Text), token).ConfigureAwait(false);
            if (lookup.Outcome == ArticleOutcome.Unchanged)
            {
                Interlocked.Increment(ref unchanged);
                return false;
            }
            return true;
        }

        var batch = new List<ParleyRecord>(BatchArticles);
        var clock = Stopwatch.StartNew();
        async Task FlushAsync()
        {
            if (batch.Count == 0)
            {
                return;
            }
            foreach (var outcome in await store.StoreAsync(batch, cancellationToken).ConfigureAwait(false))
            {
                counts[outcome]++;
            }
            batch.Clear();
            clock.Restart();
        }

        await using var stdin = Console.OpenStandardInput();
        await foreach (var document in run.CodeAsync(stdin, NotStoredYet, cancellationToken).ConfigureAwait(false))
        {
            if (document.IsFailed)
            {
                counts[ArticleOutcome.Failed]++;
                bar.Clear();
                await Console.Error.WriteLineAsync($"parley: {CodingRun.Describe(document)}").ConfigureAwait(false);
            }
            else
            {
                batch.Add(RecordBuilder.Build(document, false, run.Stages.ModelsVersion, run.Actors.LexiconsVersion));
                run.Actors.Observe(document);
                if (batch.Count >= BatchArticles || clock.Elapsed >= BatchTime)
                {
                    await FlushAsync().ConfigureAwait(false);
                }
            }
            bar.Advance(document.Sentences.Length, document.Tokens.Length);
        }
        await FlushAsync().ConfigureAwait(false);
        await store.OptimizeAsync(cancellationToken).ConfigureAwait(false);
        bar.Finish();
        await run.Actors.CompleteAsync(Console.Error).ConfigureAwait(false);

        var added = counts[ArticleOutcome.New] + counts[ArticleOutcome.NearDuplicate];
        var failed = counts[ArticleOutcome.Failed];
        var seconds = Math.Max(bar.Elapsed.TotalSeconds, 1e-3);
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"parley: {added} new ({counts[ArticleOutcome.NearDuplicate]} near-duplicates linked to their original), " +
            $"{counts[ArticleOutcome.Replaced]} replaced, {unchanged + counts[ArticleOutcome.Unchanged]} unchanged, " +
            $"{counts[ArticleOutcome.Duplicate]} duplicate, {failed} failed{(failed > 0 ? " (reasons above; not stored, a rerun tries them again)" : "")}; " +
            $"{bar.Articles / seconds:0.0} articles/s into {store.Kind} {Describe(storeSpec)}.")).ConfigureAwait(false);
        return failed > 0 ? ExitCodes.PartialFailure : ExitCodes.Success;
    }

    /// <summary>The store as shown to the user: a file path, or a server without its password.</summary>
    internal static string Describe(string storeSpec)
    {
        var scheme = storeSpec.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            var rest = storeSpec[(scheme + 3)..];
            return rest[(rest.LastIndexOf('@') + 1)..];
        }
        return storeSpec.Contains('=', StringComparison.Ordinal) ? "(connection string)" : storeSpec;
    }
}
