using System.CommandLine;
using System.Globalization;
using Parley.Diagnostics;
using Parley.Store;

namespace Parley.Cli.Commands;

/// <summary><c>parley show event ID</c>: one merged event, every mention of it, and why each was merged.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var store = StoreOption.Create();
        var id = new Argument<string>("id") { Description = "The event id, as `parley query` lists it." };
        var showEvent = new Command("event", "Show one merged event with every mention and why it was merged.") { id, store };
        showEvent.SetAction(async (result, cancellationToken) =>
        {
            var eventId = result.GetValue(id)!;
            await using var opened = await EventStores.OpenAsync(result.GetValue(store), cancellationToken).ConfigureAwait(false);
            var detail = await opened.GetEventAsync(eventId, cancellationToken).ConfigureAwait(false)
                ?? throw new ParleyConfigurationException(DiagnosticCodes.InvalidQuery, $"No event '{eventId}' in the store. List ids with 'parley query'.");
            var e = detail.Event;
            var output = Console.Out;
            var invariant = CultureInfo.InvariantCulture;
            await output.WriteLineAsync(string.Create(invariant,
                $"event {e.Id}: {e.SourceCode ?? "-"} {e.Code} {e.TargetCode ?? "-"} ({e.Name}), root {e.Root}, quad {e.Quad}, goldstein {e.Goldstein}, {e.Mode}")).ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(invariant,
                $"  day {e.Date ?? "unknown"}, place {e.PlaceName ?? "unknown"}{(e.Country is null ? "" : $" ({e.Country})")}; " +
                $"{e.Mentions} mentions, {e.Articles} articles, {e.Sources} sources, {e.Independent} independent")).ConfigureAwait(false);
            foreach (var m in detail.Mentions)
            {
                await output.WriteLineAsync(string.Create(invariant,
                    $"  - {m.ArticleId} ({m.Outlet}{(m.DuplicateOf is null ? "" : $", copy of {m.DuplicateOf}")}) sentence {m.Sentence} " +
                    $"[{m.TriggerStart}..{m.TriggerEnd}) \"{m.TriggerText}\" {m.Code} {m.Date ?? "-"}: {m.Reason}")).ConfigureAwait(false);
            }
            return ExitCodes.Success;
        });
        return new Command("show", "Show what the store holds about one thing.") { showEvent };
    }
}
