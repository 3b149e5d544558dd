using Parley.Entities;
using Parley.Processing;
using Parley.Syntax;

namespace Parley.Tests.Actors;

/// <summary>The model stages (tagger, parser, entities) whose files are in data/models, in pipeline order.</summary>
internal static class ResolveModels
{
    public static IReadOnlyList<IStage> Stages()
    {
        var stages = new List<IStage>();
        var models = Path.Combine(DataPaths.ResolveData() ?? "", "models");
        var tagger = Path.Combine(models, "tagger-v1.bin");
        var entities = Path.Combine(models, "ner-v1.bin");
        var parser = Path.Combine(models, "parser-v1.bin");
        if (File.Exists(tagger))
        {
            stages.Add(new PerceptronTagger(tagger));
            if (File.Exists(parser))
            {
                stages.Add(new ArcEagerParser(ParserModel.Load(parser)));
            }
        }
        if (File.Exists(entities))
        {
            stages.Add(new PerceptronEntityRecognizer(entities));
        }
        return stages;
    }

    /// <summary>The entity recogniser alone, for input that already has gold tags.</summary>
    public static IReadOnlyList<IStage> EntityStages()
    {
        var entities = Path.Combine(DataPaths.ResolveData() ?? "", "models", "ner-v1.bin");
        return File.Exists(entities) ? [new PerceptronEntityRecognizer(entities)] : [];
    }
}
