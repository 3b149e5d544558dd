using Parley.Actors;
using Parley.Diagnostics;
using Parley.Entities;
using Parley.Events;
using Parley.Linking;
using Parley.Places;
using Parley.Quotes;
using Parley.Syntax;
using Parley.Text;
using Parley.Time;

namespace Parley.Processing;

/// <summary>
/// The standard pipeline and the registry of every built-in stage. Stages whose data files are
/// missing are left out of the default pipeline (and reported by <see cref="Missing"/>), so a checkout
/// without models still codes text; asking for such a stage by name is a configuration error.
/// </summary>
public sealed class StandardStages
{
    private StandardStages(Pipeline pipeline, StageRegistry registry, string? modelsVersion, string? lexiconsVersion, IReadOnlyList<string> missing)
    {
        Pipeline = pipeline;
        Registry = registry;
        ModelsVersion = modelsVersion;
        LexiconsVersion = lexiconsVersion;
        Missing = missing;
    }

    /// <summary>The default pipeline, checked.</summary>
    public Pipeline Pipeline { get; }

    /// <summary>Every built-in stage by versioned name.</summary>
    public StageRegistry Registry { get; }

    /// <summary>Version of the models in the pipeline, or null when it uses none.</summary>
    public string? ModelsVersion { get; }

    /// <summary>Version of the lexicons in the pipeline, or null when it uses none.</summary>
    public string? LexiconsVersion { get; }

    /// <summary>Stages left out because their data files were not found, with the file each needs.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Creates the standard stages, loading models and lexicons from <paramref name="dataDirectory"/>.</summary>
    /// <param name="dataDirectory">Parley's <c>data/</c> folder, or null when there is none.</param>
    public static StandardStages Create(string? dataDirectory)
    {
        var registry = new StageRegistry()
            .Add(BoilerplateCleaner.StageName, () => new BoilerplateCleaner())
            .Add(RuleTokenizer.StageName, () => new RuleTokenizer())
            .Add(RuleSentenceSplitter.StageName, () => new RuleSentenceSplitter());
        var names = new List<string> { BoilerplateCleaner.StageName, RuleTokenizer.StageName, RuleSentenceSplitter.StageName };
        var missing = new List<string>();
        var versions = ReadVersions(dataDirectory);
        var usesLexicons = false;

        var usesModels = false;
        // Each data file starts loading at once on the thread pool, so the models and the gazetteer
        // load in parallel; a stage factory waits only for its own file.
        var tagger = Optional(dataDirectory, "models/tagger-v1.bin", TaggerModel.Load);
        var parser = Optional(dataDirectory, "models/parser-v1.bin", ParserModel.Load);
        var recognizer = Optional(dataDirectory, "models/ner-v1.bin", EntityModel.Load);
        var gazetteer = Optional(dataDirectory, Gazetteer.RelativePath, Gazetteer.Load);

        if (tagger is not null)
        {
            registry.Add(PerceptronTagger.StageName, () => new PerceptronTagger(Wait(tagger)));
            names.Add(PerceptronTagger.StageName);
            usesModels = true;
            if (parser is not null)
            {
                registry.Add(ArcEagerParser.StageName, () => new ArcEagerParser(Wait(parser)));
                names.Add(ArcEagerParser.StageName);
            }
            if (recognizer is not null)
            {
                registry.Add(PerceptronEntityRecognizer.StageName, () => new PerceptronEntityRecognizer(Wait(recognizer)));
                names.Add(PerceptronEntityRecognizer.StageName);
            }
        }
        if (tagger is null)
        {
            missing.Add($"{PerceptronTagger.StageName} (needs data/models/tagger-v1.bin)");
        }
        if (parser is null || tagger is null)
        {
            missing.Add($"{ArcEagerParser.StageName} (needs data/models/parser-v1.bin and the tagger)");
        }
        if (recognizer is null || tagger is null)
        {
            missing.Add($"{PerceptronEntityRecognizer.StageName} (needs data/models/ner-v1.bin and the tagger)");
        }

        if (gazetteer is not null)
        {
            registry.Add(GazetteerGeocoder.StageName, () => new GazetteerGeocoder(Wait(gazetteer)));
            names.Add(GazetteerGeocoder.StageName);
            usesLexicons = true;
        }
        else
        {
            missing.Add($"{GazetteerGeocoder.StageName} (needs data/{Gazetteer.RelativePath})");
        }

        registry.Add(EventLinker.StageName, () => new EventLinker());
        // Rules only: always present.
        registry.Add(RuleTimeResolver.StageName, () => new RuleTimeResolver());
        names.Add(RuleTimeResolver.StageName);

        var actorTables = dataDirectory is null ? null : Path.Combine(dataDirectory, ActorLexicon.DataFolder);
        var actors = actorTables is not null && Directory.Exists(actorTables)
            ? Task.Run(() => new ActorResolver(ActorLexicon.Load(actorTables)))
            : null;
        if (actors is not null)
        {
            // The knowledge base is read-only during a run, so every article sees the same one and the
            // output does not depend on which thread finished first.
            registry.Add(LexiconActorResolver.StageName, () => new LexiconActorResolver(Wait(actors)));
            names.Add(LexiconActorResolver.StageName);
            usesLexicons = true;
        }
        else
        {
            missing.Add($"{LexiconActorResolver.StageName} (needs data/{ActorLexicon.DataFolder}/)");
        }

        // Quotes after actors, so speakers resolve to actor ids.
        registry.Add(QuoteAttributor.StageName, () => new QuoteAttributor());
        names.Add(QuoteAttributor.StageName);

        var events = dataDirectory is not null && Directory.Exists(Path.Combine(dataDirectory, "events"))
            && File.Exists(Path.Combine(dataDirectory, "cameo", "cameo.tsv"))
            ? Task.Run(() => VerbPatternCoder.FromData(dataDirectory))
            : null;
        if (events is not null && actors is not null && tagger is not null && parser is not null)
        {
            registry.Add(VerbPatternCoder.StageName, () => Wait(events));
            names.Add(VerbPatternCoder.StageName);
            // After the events and the quotes: places, dates and quotations point at events.
            names.Add(EventLinker.StageName);
        }
        else
        {
            missing.Add($"{VerbPatternCoder.StageName} (needs data/events/, data/cameo/cameo.tsv, the actors, the tagger and the parser)");
        }

        var pipeline = Pipeline.Build(registry, names);
        return new StandardStages(pipeline, registry, usesModels ? versions.GetValueOrDefault("models") : null, usesLexicons ? versions.GetValueOrDefault("lexicons") : null, missing);
    }

    /// <summary>Starts loading a data file in the background, or returns null when it does not exist.</summary>
    private static Task<T>? Optional<T>(string? dataDirectory, string relativePath, Func<string, T> load)
    {
        if (dataDirectory is null)
        {
            return null;
        }
        var path = Path.Combine(dataDirectory, relativePath);
        return File.Exists(path) ? Task.Run(() => load(path)) : null;
    }

    /// <summary>The loaded file; a file that exists but cannot be read is a configuration error (E103).</summary>
    private static T Wait<T>(Task<T> loading)
    {
        try
        {
            return loading.GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new ParleyConfigurationException(DiagnosticCodes.DataMissing,
                $"A data file could not be read ({ex.Message}). Restore the data/ folder from the repository (git checkout -- data).", ex);
        }
    }

    /// <summary>Reads <c>data/VERSIONS</c>: <c>name=version</c> lines naming the versions of the shipped models and lexicons.</summary>
    private static Dictionary<string, string> ReadVersions(string? dataDirectory)
    {
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = dataDirectory is null ? null : Path.Combine(dataDirectory, "VERSIONS");
        if (path is null || !File.Exists(path))
        {
            return versions;
        }
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? line[..equals].Trim() : string.Empty;
            var value = equals > 0 ? line[(equals + 1)..].Trim() : string.Empty;
            // A stray line (a merge left half done) would otherwise let a later duplicate win silently.
            if (name.Length == 0 || value.Length == 0 || !versions.TryAdd(name, value))
            {
                throw new ParleyConfigurationException(DiagnosticCodes.DataMissing,
                    $"{path} line {number} is not a new 'name=version' line: '{line}'. Restore the data/ folder from the repository (git checkout -- data).");
            }
        }
        return versions;
    }
}
