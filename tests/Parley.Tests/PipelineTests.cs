using Parley.Diagnostics;
using Parley.Model;
using Parley.Processing;

namespace Parley.Tests;

public sealed class PipelineTests
{
    private sealed class FakeStage(string name, Layers requires, Layers provides, Action<Document>? action = null) : IStage
    {
        public string Name => name;
        public Layers Requires => requires;
        public Layers Provides => provides;
        public void Process(Document document, StageContext context) => action?.Invoke(document);
    }

    [Fact]
    public void Build_fails_with_E102_when_a_required_layer_is_missing()
    {
        var stages = new IStage[]
        {
            new FakeStage("segment.test.v1", Layers.Tokens, Layers.Sentences),
            new FakeStage("tokenize.test.v1", Layers.Text, Layers.Tokens),
        };
        var ex = Assert.Throws<ParleyConfigurationException>(() => Pipeline.Build(stages));
        Assert.Equal(DiagnosticCodes.StageOrder, ex.Code);
        Assert.Contains("segment.test.v1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_from_names_fails_with_E101_for_an_unknown_stage()
    {
        var registry = new StageRegistry().Add("tokenize.test.v1", () => new FakeStage("tokenize.test.v1", Layers.Text, Layers.Tokens));
        var ex = Assert.Throws<ParleyConfigurationException>(() => Pipeline.Build(registry, ["tokenize.test.v1", "nope.v1"]));
        Assert.Equal(DiagnosticCodes.UnknownStage, ex.Code);
    }

    [Fact]
    public async Task Runner_keeps_input_order_and_fails_only_the_document_that_throws()
    {
        var stage = new FakeStage("boom.v1", Layers.Text, Layers.Tokens, d =>
        {
            if (d.Id == "d13")
            {
                throw new InvalidOperationException("broken on purpose");
            }
            Thread.SpinWait((50 - int.Parse(d.Id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture)) * 1000);
        });
        var runner = new PipelineRunner(Pipeline.Build([stage]), parallelism: 4);
        var ids = new List<string>();
        var failed = new List<string>();
        await foreach (var doc in runner.RunAsync(Source(50)))
        {
            ids.Add(doc.Id);
            if (doc.IsFailed)
            {
                failed.Add(doc.Id);
                Assert.Equal(DiagnosticCodes.StageFailed, doc.Diagnostics[^1].Code);
                Assert.Contains("broken on purpose", doc.Diagnostics[^1].Message, StringComparison.Ordinal);
            }
        }
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"d{i}"), ids);
        Assert.Equal(["d13"], failed);
    }

    private static async IAsyncEnumerable<Document> Source(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return new Document($"d{i}", $"text {i}");
        }
    }
}
