using Parley.Places;
using Parley.Text;

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

        var gazetteer = dataDirectory is null ? null : Path.Combine(dataDirectory, Gazetteer.RelativePath);
        if (gazetteer is not null && File.Exists(gazetteer))
        {
            // Loaded once on first use and shared by every thread.
            var shared = new Lazy<Gazetteer>(() => Gazetteer.Load(gazetteer));
            registry.Add(GazetteerGeocoder.StageName, () => new GazetteerGeocoder(shared.Value));
            names.Add(GazetteerGeocoder.StageName);
            usesLexicons = true;
        }
        else
        {
            missing.Add($"{GazetteerGeocoder.StageName} (needs data/{Gazetteer.RelativePath})");
        }

        var pipeline = Pipeline.Build(registry, names);
        return new StandardStages(pipeline, registry, null, usesLexicons ? versions.GetValueOrDefault("lexicons") : null, missing);
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
        foreach (var line in File.ReadLines(path))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && !line.StartsWith('#'))
            {
                versions[line[..equals].Trim()] = line[(equals + 1)..].Trim();
            }
        }
        return versions;
    }
}
