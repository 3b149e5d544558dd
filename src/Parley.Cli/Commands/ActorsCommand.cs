using System.CommandLine;
using System.Globalization;
using System.Text;
using Parley.Actors;
using Parley.Diagnostics;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley actors</c>: what a person knowledge base knows about someone and why (the dates and
/// the first article that showed each role), and moving a base between machines as a text file.
/// </summary>
internal static class ActorsCommand
{
    public static Command Create()
    {
        var name = new Argument<string?>("name")
        {
            Arity = ArgumentArity.ZeroOrOne,
            Description = "A full name or a surname; without it every person in the base is listed.",
        };
        var knowledge = new Option<string?>("--kb")
        {
            HelpName = "FILE",
            Description = "The person knowledge base file (as written by 'parley code --kb FILE').",
        };
        var on = new Option<string?>("--on")
        {
            HelpName = "DATE",
            Description = "Show only the facts that apply on this date (YYYY-MM-DD), as 'parley code' would use them for an article of that date.",
        };
        var export = new Option<string?>("--export")
        {
            HelpName = "FILE",
            Description = "Write the base to this file (- for standard output) in the text format --import reads.",
        };
        var import = new Option<string[]>("--import")
        {
            HelpName = "FILE",
            Description = "Merge these knowledge base files into the --kb file (created if missing): new facts are added, known ones get the wider dates.",
            AllowMultipleArgumentsPerToken = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("actors", "Show what the person knowledge base knows about a name and why; import and export it as text.")
        {
            name, knowledge, on, export, import,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(name), result.GetValue(knowledge), result.GetValue(on), result.GetValue(export), result.GetValue(import) ?? [], cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? name, string? file, string? on, string? export, string[] imports, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            throw new ParleyConfigurationException(DiagnosticCodes.InvalidOption,
                "Name the knowledge base: parley actors [NAME] --kb FILE (the file 'parley code --kb FILE' writes).");
        }
        DateOnly? date = null;
        if (on is not null)
        {
            date = DateOnly.TryParseExact(on, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed
                : throw new ParleyConfigurationException(DiagnosticCodes.InvalidOption, $"--on '{on}' is not a date; write it as YYYY-MM-DD, e.g. 2022-04-20.");
        }
        foreach (var path in imports)
        {
            if (!File.Exists(path))
            {
                throw new ParleyConfigurationException(DiagnosticCodes.InputNotFound, $"--import '{path}' does not exist. Check the path.");
            }
        }

        PersonKnowledgeBase knowledge;
        if (imports.Length > 0)
        {
            knowledge = await ImportAsync(file, imports, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            knowledge = PersonKnowledgeFile.Load(file);
        }
        if (export is not null)
        {
            if (export == "-")
            {
                await using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
                knowledge.Write(stdout);
            }
            else
            {
                PersonKnowledgeFile.Save(knowledge, export);
            }
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"parley: exported {Size(knowledge)} from {file} to {(export == "-" ? "standard output" : export)}.")).ConfigureAwait(false);
        }
        if (imports.Length > 0 || export is not null)
        {
            if (name is null)
            {
                return ExitCodes.Success;
            }
        }
        return await ShowAsync(knowledge, file, name, date).ConfigureAwait(false);
    }

    private static async Task<PersonKnowledgeBase> ImportAsync(string file, string[] imports, CancellationToken cancellationToken)
    {
        var existed = File.Exists(file);
        var learner = new PersonKnowledgeLearner(existed ? PersonKnowledgeFile.Load(file) : PersonKnowledgeBase.Empty);
        // Read every file before changing anything, so a malformed one leaves the base as it was.
        var incoming = new List<(string Path, PersonKnowledgeBase Base)>();
        foreach (var path in imports)
        {
            cancellationToken.ThrowIfCancellationRequested();
            incoming.Add((path, PersonKnowledgeFile.Load(path)));
        }
        foreach (var (path, facts) in incoming)
        {
            var counts = learner.Learn(facts.Facts);
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"parley: imported {path}: {counts.Total} facts ({counts.Added} new, {counts.Widened} widened, {counts.Unchanged} already known).")).ConfigureAwait(false);
        }
        var merged = learner.Commit();
        var total = learner.Merged;
        if (total.Added + total.Widened > 0 || !existed)
        {
            PersonKnowledgeFile.Save(merged, file);
        }
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"parley: {file} {(total.Added + total.Widened > 0 || !existed ? "saved" : "unchanged")}: {Size(merged)}.")).ConfigureAwait(false);
        return merged;
    }

    private static async Task<int> ShowAsync(PersonKnowledgeBase knowledge, string file, string? name, DateOnly? date)
    {
        IReadOnlyList<PersonFact> facts;
        if (name is null)
        {
            facts = knowledge.Facts;
        }
        else
        {
            var found = new List<PersonFact>(knowledge.ByName(name));
            // One word may be a surname: "Virtanen" finds every Virtanen the base knows.
            if (!name.Trim().Contains(' ', StringComparison.Ordinal))
            {
                foreach (var fact in knowledge.BySurname(name))
                {
                    if (!found.Contains(fact))
                    {
                        found.Add(fact);
                    }
                }
            }
            facts = found;
        }
        var shown = new List<PersonFact>();
        foreach (var fact in facts)
        {
            if (date is not { } day || knowledge.AppliesOn(fact, day))
            {
                shown.Add(fact);
            }
        }

        var stdout = Console.Out;
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"# {file}: {Size(knowledge)}; a fact applies from {knowledge.LeadMargin} days before its first evidence to {knowledge.TrailMargin} days after its last.")).ConfigureAwait(false);
        foreach (var fact in shown)
        {
            await stdout.WriteLineAsync(Describe(knowledge, fact)).ConfigureAwait(false);
        }
        if (shown.Count == 0 && name is not null)
        {
            var when = date is { } d ? $" on {d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : "";
            await Console.Error.WriteLineAsync(facts.Count > 0
                ? $"parley: the base knows '{name}', but no fact about them applies{when}."
                : $"parley: '{name}' is not in {file}; it learns people from articles that state their role ('Finnish Prime Minister Aino Virtanen').").ConfigureAwait(false);
            return ExitCodes.PartialFailure;
        }
        if (date is not null && name is not null && DistinctPeople(knowledge, shown) > 1)
        {
            await Console.Error.WriteLineAsync(
                $"parley: {DistinctPeople(knowledge, shown)} people match '{name}' then; an article naming only that word leaves it uncoded.").ConfigureAwait(false);
        }
        return ExitCodes.Success;
    }

    /// <summary>One line: name, code, role, organisation, country and sector, then why (dates and evidence).</summary>
    internal static string Describe(PersonKnowledgeBase knowledge, PersonFact fact)
    {
        var line = new StringBuilder();
        line.Append(fact.Name).Append('\t').Append(fact.Code ?? "-").Append('\t').Append(fact.Role ?? "-");
        if (fact.Organization is not null)
        {
            line.Append(", ").Append(fact.Organization);
        }
        line.Append(" (country ").Append(fact.Country ?? "-").Append(", sector ").Append(fact.Sector ?? "-").Append(')');
        line.Append(CultureInfo.InvariantCulture,
            $"\tseen {fact.FirstSeen:yyyy-MM-dd} to {fact.LastSeen:yyyy-MM-dd}, first in '{fact.Evidence}'");
        line.Append(CultureInfo.InvariantCulture,
            $"\tapplies {Shift(fact.FirstSeen, -knowledge.LeadMargin):yyyy-MM-dd} to {Shift(fact.LastSeen, knowledge.TrailMargin):yyyy-MM-dd}");
        return line.ToString();
    }

    /// <summary>"1 person, 1 fact", "12 people, 15 facts".</summary>
    internal static string Size(PersonKnowledgeBase knowledge) => string.Create(CultureInfo.InvariantCulture,
        $"{knowledge.PersonCount} {(knowledge.PersonCount == 1 ? "person" : "people")}, {knowledge.Facts.Count} fact{(knowledge.Facts.Count == 1 ? "" : "s")}");

    private static DateOnly Shift(DateOnly date, int days) =>
        DateOnly.FromDayNumber(Math.Clamp(date.DayNumber + days, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber));

    private static int DistinctPeople(PersonKnowledgeBase knowledge, List<PersonFact> facts)
    {
        // The first fact under a name stands for the person (names are compared as the base compares them).
        var people = new HashSet<PersonFact>(ReferenceEqualityComparer.Instance);
        foreach (var fact in facts)
        {
            people.Add(knowledge.ByName(fact.Name)[0]);
        }
        return people.Count;
    }
}
