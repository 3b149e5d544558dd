using System.Diagnostics;
using Parley.Model;
using Xunit.Abstractions;

namespace Parley.Tests.Events;

[CollectionDefinition(nameof(EventCoderSpeedTests), DisableParallelization = true)]
public sealed class EventCoderTimingCollection;

[Collection(nameof(EventCoderSpeedTests))]
public sealed class EventCoderSpeedTests(ITestOutputHelper output)
{
    // The budget: coding adds at most 20 % to a pipeline doing 2,000 sentences/s, so it must code at
    // least 10,000 sentences/s on one core. Measured over the lexicon's examples, one document each,
    // best of five runs, alone (no parallel tests). On a shared, loaded machine a Debug build reads
    // low, so the assertion only guards against a gross regression (the whole pipeline's budget);
    // the printed rate is the figure to compare.
    [Fact]
    [Trait("Category", "Slow")]
    public void Codes_at_least_ten_thousand_sentences_a_second()
    {
        var reader = new ExampleReader(EventLexiconExampleTests.Lexicon);
        var docs = new List<Document>();
        foreach (var p in EventLexiconExampleTests.Lexicon.Patterns)
        {
            if (p.Example is not null)
            {
                docs.Add(reader.Read(p.Example));
            }
        }
        var coder = EventLexiconExampleTests.Coder;
        var events = 0;
        foreach (var d in docs)
        {
            events += coder.Code(d).Count;
        }
        var best = double.MaxValue;
        for (var run = 0; run < 5; run++)
        {
            var sw = Stopwatch.StartNew();
            for (var rep = 0; rep < 10; rep++)
            {
                foreach (var d in docs)
                {
                    coder.Code(d);
                }
            }
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        var rate = docs.Count * 10 / best;
        output.WriteLine($"{docs.Count} sentences, {events} events; {rate:0} sentences/s");
        Assert.True(rate > 2_000, $"{rate:0} sentences/s");
    }
}
