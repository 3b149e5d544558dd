using Parley.Model;
using Parley.Processing;
using Parley.Text;

namespace Parley.Tests.Time;

/// <summary>Builds documents from text with the real tokenizer and splitter, then runs one more stage.</summary>
internal static class TestDocuments
{
    public static Document Run(string text, DateOnly? published, IStage stage)
    {
        var document = new Document("t", text) { Published = published };
        foreach (var s in new IStage[] { new RuleTokenizer(), new RuleSentenceSplitter(), stage })
        {
            s.Process(document, new StageContext(document, s.Name));
            document.AddLayers(s.Provides);
        }
        Assert.Empty(DocumentInvariants.Violations(document));
        return document;
    }

    public static string? SharedFolder() => DataPaths.ResolveShared();
}
