using Parley.Model;
using Parley.Processing;
using Parley.Text;

namespace Parley.Tests.Places;

/// <summary>The project's own tokenizer and sentence splitter, as the geocoder sees them in the pipeline.</summary>
internal static class Segmentation
{
    private static readonly Pipeline Stages = Pipeline.Build([new RuleTokenizer(), new RuleSentenceSplitter()]);

    /// <summary>Fills <see cref="Document.Tokens"/> and <see cref="Document.Sentences"/>.</summary>
    public static void Prepare(Document document) => Stages.Process(document);
}
