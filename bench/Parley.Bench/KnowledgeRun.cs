using System.Diagnostics;
using System.Globalization;
using Parley.Actors;
using Parley.Model;
using Parley.Processing;

namespace Parley.Bench;

/// <summary>
/// Person knowledge base lookup cost against its size. The Wikinews sample is analysed once up to
/// the actor stage; then the same documents are resolved with an empty base (the in-run baseline)
/// and with bases of 1,000 and 100,000 generated people. Every base also holds one fact for each
/// person the sample names, so the articles find the same people in every base and only the size
/// differs. Also times surname lookups directly (half hits, half misses). Ratios are against the
/// 1,000-people base measured in the same run.
/// </summary>
internal static class KnowledgeRun
{
    private static readonly string[] Syllables =
        ["ka", "lo", "mi", "ren", "sa", "tu", "vel", "dor", "an", "is", "ko", "ral", "ne", "pu", "sh", "ta", "vi", "mar", "go", "el"];

    public static async Task<int> RunAsync(string[] args)
    {
        var shared = DataPaths.ResolveShared(ThroughputRun.Option(args, "--shared"));
        var repeat = int.Parse(ThroughputRun.Option(args, "--repeat") ?? "5", CultureInfo.InvariantCulture);
        if (shared is null || !Directory.Exists(Path.Combine(shared, "news", "wikinews-2019-2020")))
        {
            await Console.Error.WriteLineAsync("The news sample was not found: pass --shared DIR or set PARLEY_SHARED.").ConfigureAwait(false);
            return 2;
        }
        var articles = await ThroughputRun.ReadNewsAsync(shared).ConfigureAwait(false);
        var stages = StandardStages.Create(DataPaths.ResolveData());
        var all = stages.Pipeline.Stages;
        var actorStage = all.OfType<LexiconActorResolver>().FirstOrDefault();
        if (actorStage is null)
        {
            await Console.Error.WriteLineAsync("The actor stage is not available (data/actors/ missing).").ConfigureAwait(false);
            return 2;
        }
        var before = Pipeline.Build(all.TakeWhile(s => s is not LexiconActorResolver));
        var documents = new List<Document>(articles.Count);
        foreach (var a in articles)
        {
            var document = new Document(a.Id, a.Text) { Published = a.Published ?? new DateOnly(2020, 1, 1) };
            before.Process(document);
            if (!document.IsFailed)
            {
                documents.Add(document);
            }
        }
        var named = NamedPeople(documents);
        Console.WriteLine($"articles: {documents.Count}, people named in them: {named.Count}, rounds: {repeat}, each timing every base in turn (median reported)");
        Console.WriteLine();
        Console.WriteLine("base                 people     facts   build ms   resolve ms (all articles)   µs/article   ns/surname lookup   resolve vs 1,000   lookup vs 1,000");

        var resolver = actorStage.Resolver;
        // The same queries for every base: surnames of people the articles name (in every base) and words in none.
        var queries = Queries(named);
        // Warm the JIT on both paths before any figure is taken, so the first base measured is not penalised.
        var warm = new PersonKnowledgeBase(Facts(1_000, named));
        for (var r = 0; r < 5; r++)
        {
            foreach (var document in documents)
            {
                resolver.Resolve(document, r == 0 ? PersonKnowledgeBase.Empty : warm);
            }
        }
        int[] sizes = [1_000, 100_000, 0];
        var bases = new PersonKnowledgeBase[sizes.Length];
        var buildMs = new double[sizes.Length];
        for (var b = 0; b < sizes.Length; b++)
        {
            var clock = Stopwatch.StartNew();
            bases[b] = sizes[b] == 0 ? PersonKnowledgeBase.Empty : new PersonKnowledgeBase(Facts(sizes[b], named));
            buildMs[b] = clock.Elapsed.TotalMilliseconds;
        }
        // Rounds interleave the bases, so drift in machine load affects each base alike.
        var resolveRuns = new List<double>[sizes.Length];
        var lookupRuns = new List<double>[sizes.Length];
        for (var b = 0; b < sizes.Length; b++)
        {
            resolveRuns[b] = [];
            lookupRuns[b] = [];
        }
        var day = new DateOnly(2020, 1, 1);
        for (var r = 0; r < repeat; r++)
        {
            for (var b = 0; b < sizes.Length; b++)
            {
                var knowledge = bases[b];
                resolveRuns[b].Add(Time(() =>
                {
                    foreach (var document in documents)
                    {
                        resolver.Resolve(document, knowledge);
                    }
                }));
                lookupRuns[b].Add(Time(() =>
                {
                    var found = 0;
                    foreach (var query in queries)
                    {
                        found += knowledge.BySurname(query, day).Count;
                    }
                    GC.KeepAlive(found);
                }));
            }
        }
        var firstMs = Median(resolveRuns[0]);
        var firstLookup = Median(lookupRuns[0]);
        for (var b = 0; b < sizes.Length; b++)
        {
            var resolveMs = Median(resolveRuns[b]);
            var lookupMs = Median(lookupRuns[b]);
            var size = sizes[b];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(size == 0 ? "empty" : $"{size:N0} generated"),-18} {bases[b].PersonCount,8} {bases[b].Facts.Count,9} {buildMs[b],10:F0} {resolveMs,27:F1} {resolveMs * 1000 / documents.Count,12:F1} {lookupMs * 1e6 / queries.Length,19:F0} {resolveMs / firstMs,17:F2}x {lookupMs / firstLookup,16:F2}x"));
        }
        return 0;
    }

    private static List<string> NamedPeople(List<Document> documents)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var entity in document.Entities)
            {
                if (entity.Type == EntityType.Person && entity.TokenCount > 1)
                {
                    var first = document.Tokens[entity.FirstToken];
                    var last = document.Tokens[entity.FirstToken + entity.TokenCount - 1];
                    names.Add(document.Text[first.Start..last.End]);
                }
            }
        }
        return [.. names];
    }

    // Two facts per generated person (an earlier and a later role), one per person the articles name.
    private static List<PersonFact> Facts(int people, List<string> named)
    {
        var facts = new List<PersonFact>(2 * people + named.Count);
        for (var i = 0; i < people; i++)
        {
            var name = GeneratedName(i);
            facts.Add(new PersonFact { Name = name, Country = "ARN", Sector = "LEG", Role = "Senator", Code = "ARNLEG",
                FirstSeen = new DateOnly(2005 + i % 10, 1, 1), LastSeen = new DateOnly(2008 + i % 10, 1, 1), Evidence = $"g{i}" });
            facts.Add(new PersonFact { Name = name, Country = "ARN", Sector = "GOV", Role = "Minister", Code = "ARNGOV",
                FirstSeen = new DateOnly(2015 + i % 5, 1, 1), LastSeen = new DateOnly(2019 + i % 3, 1, 1), Evidence = $"h{i}" });
        }
        for (var i = 0; i < named.Count; i++)
        {
            facts.Add(new PersonFact { Name = named[i], Country = "GON", Sector = "GOV", Role = "Minister", Code = "GONGOV",
                FirstSeen = new DateOnly(2018, 1, 1), LastSeen = new DateOnly(2020, 6, 1), Evidence = $"n{i}" });
        }
        return facts;
    }

    // 100,000 lookups: half surnames of people the articles name (in every base), half words in no base.
    private static string[] Queries(List<string> named)
    {
        var queries = new string[100_000];
        for (var i = 0; i < queries.Length; i++)
        {
            queries[i] = i % 2 == 0 && named.Count > 0
                ? named[i / 2 % named.Count].Split(' ')[^1]
                : GeneratedName(i / 2 % 1_000).Split(' ')[^1] + "q";
        }
        return queries;
    }

    // Distinct names from the number's digits in base 20: first name and surname differ per person.
    private static string GeneratedName(int i)
    {
        string Word(int n, int length)
        {
            var chars = new System.Text.StringBuilder();
            for (var k = 0; k < length; k++)
            {
                chars.Append(Syllables[n % Syllables.Length]);
                n /= Syllables.Length;
            }
            return char.ToUpperInvariant(chars[0]) + chars.ToString(1, chars.Length - 1);
        }
        return $"{Word(i * 31 + 7, 3)} {Word(i, 5)}";
    }

    private static double Time(Action run)
    {
        var clock = Stopwatch.StartNew();
        run();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> times)
    {
        times.Sort();
        return times[times.Count / 2];
    }
}
