using System.Globalization;
using System.Security.Cryptography;
using Parley.Actors;
using Parley.Diagnostics;
using Parley.Model;
using Parley.Processing;

namespace Parley.Cli.Commands;

/// <summary>
/// The actor stage of a <c>parley code</c> run as <see cref="ActorSettings"/> ask for it, and the
/// person knowledge base around the run: read before the first article, used read-only while
/// articles are coded in parallel, grown from the output in input order, saved at the end. So the
/// output depends on the starting base, never on <c>--parallel</c> or thread timing.
/// </summary>
internal sealed class ActorSetup
{
    // Skipped dictionary entries shown one by one; the rest are counted.
    private const int WarningsShown = 10;

    private readonly string? _knowledgeFile;
    private readonly bool _knowledgeExisted;
    private readonly PersonKnowledgeLearner? _learner;
    private readonly PersonKnowledgeBase _initial;
    private int _teachingArticles;

    private ActorSetup(Pipeline pipeline, string? lexiconsVersion, string? knowledgeFile, bool knowledgeExisted,
        PersonKnowledgeBase initial, PersonKnowledgeLearner? learner)
    {
        Pipeline = pipeline;
        LexiconsVersion = lexiconsVersion;
        _knowledgeFile = knowledgeFile;
        _knowledgeExisted = knowledgeExisted;
        _initial = initial;
        _learner = learner;
    }

    /// <summary>The pipeline to run: the standard one, its actor stage replaced when the settings ask for it.</summary>
    public Pipeline Pipeline { get; }

    /// <summary>
    /// The lexicons version for the records: the shipped lexicons' version, plus a content
    /// identifier of the user's dictionaries (<c>+dictionaries.…</c>) and of the starting knowledge
    /// base (<c>+kb.…</c>) when they are used, since both change the output.
    /// </summary>
    public string? LexiconsVersion { get; }

    /// <summary>Builds the pipeline for <paramref name="settings"/>; reports skipped dictionary entries (W307) to <paramref name="messages"/>.</summary>
    /// <exception cref="ParleyConfigurationException">E104 for options that do not fit together; E103 for a
    /// missing or malformed dictionary or knowledge base, or when the actor stage is not available.</exception>
    public static ActorSetup Create(ActorSettings settings, StandardStages stages, string? dataDirectory, TextWriter messages)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(messages);
        if (settings.ReadOnly && settings.KnowledgeFile is null)
        {
            throw new ParleyConfigurationException(DiagnosticCodes.InvalidOption, "--kb-readonly needs --kb FILE, the knowledge base to read.");
        }
        if (settings.DictionariesOnly && settings.ActorDictionaries.Length == 0)
        {
            throw new ParleyConfigurationException(DiagnosticCodes.InvalidOption,
                "--actors-only needs at least one --actors FILE (e.g. Phoenix.Countries.actors.txt) to resolve actors with.");
        }
        if (settings.IsDefault)
        {
            return new ActorSetup(stages.Pipeline, stages.LexiconsVersion, null, false, PersonKnowledgeBase.Empty, null);
        }
        var stageList = new List<IStage>(stages.Pipeline.Stages);
        var index = stageList.FindIndex(s => s.Name == LexiconActorResolver.StageName);
        if (index < 0 || stageList[index] is not LexiconActorResolver standard)
        {
            throw new ParleyConfigurationException(DiagnosticCodes.DataMissing,
                $"--kb, --actors and --agents need the actor stage {LexiconActorResolver.StageName}, which needs data/{ActorLexicon.DataFolder}/; "
                + "restore the data/ folder from the repository.");
        }

        var resolver = standard.Resolver;
        var version = stages.LexiconsVersion;
        if (settings.ActorDictionaries.Length > 0 || settings.AgentDictionaries.Length > 0)
        {
            resolver = new ActorResolver(LoadDictionaries(settings, dataDirectory, messages));
            var id = "dictionaries." + DictionaryContentId(settings);
            version = settings.DictionariesOnly || version is null ? id : $"{version}+{id}";
        }

        var knowledge = PersonKnowledgeBase.Empty;
        var existed = false;
        PersonKnowledgeLearner? learner = null;
        if (settings.KnowledgeFile is { } file)
        {
            existed = File.Exists(file);
            // A read-only base must exist; a learning one is created by the first run.
            knowledge = existed || settings.ReadOnly ? PersonKnowledgeFile.Load(file) : PersonKnowledgeBase.Empty;
            if (!settings.ReadOnly)
            {
                CheckWritable(file);
                learner = new PersonKnowledgeLearner(knowledge);
            }
            var id = "kb." + PersonKnowledgeFile.ContentId(knowledge);
            version = version is null ? id : $"{version}+{id}";
        }

        // A fixed base, not the learner's snapshot: every article of the run sees the same knowledge.
        stageList[index] = new LexiconActorResolver(resolver, knowledge);
        return new ActorSetup(Pipeline.Build(stageList), version, settings.KnowledgeFile, existed, knowledge, learner);
    }

    /// <summary>Learns from one output record; call it for each document in output (= input) order.</summary>
    public void Observe(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (_learner is not null && !document.IsFailed && _learner.Learn(document) > 0)
        {
            _teachingArticles++;
        }
    }

    /// <summary>Saves what the run learned (when the base is not read-only) and says so on <paramref name="messages"/>.</summary>
    public async Task CompleteAsync(TextWriter messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (_learner is null || _knowledgeFile is null)
        {
            return;
        }
        var merged = _learner.Merged;
        var learned = _learner.Commit();
        if (merged.Added + merged.Widened > 0 || !_knowledgeExisted)
        {
            PersonKnowledgeFile.Save(learned, _knowledgeFile);
        }
        await messages.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"parley: knowledge base {_knowledgeFile}: {merged.Total} stated role{(merged.Total == 1 ? "" : "s")} in {_teachingArticles} article{(_teachingArticles == 1 ? "" : "s")} "
            + $"({merged.Added} new, {merged.Widened} widened, {merged.Unchanged} already known); "
            + $"{(merged.Added + merged.Widened > 0 || !_knowledgeExisted ? "saved" : "unchanged")}, {ActorsCommand.Size(learned)} "
            + $"(was {ActorsCommand.Size(_initial)}).")).ConfigureAwait(false);
    }

    private static ActorLexicon LoadDictionaries(ActorSettings settings, string? dataDirectory, TextWriter messages)
    {
        var builder = new ActorLexiconBuilder();
        if (!settings.DictionariesOnly)
        {
            // Built-in tables first: where both know a phrase, the built-in meaning (with its roles
            // and titles) is tried first and the dictionary's is the fallback.
            builder.AddTables(Path.Combine(dataDirectory ?? ".", ActorLexicon.DataFolder));
        }
        var warnings = new List<string>();
        var groups = 0;
        var agents = 0;
        foreach (var file in settings.ActorDictionaries)
        {
            groups += PetrarchDictionaryReader.ReadActorsFile(file, builder, warnings);
        }
        foreach (var file in settings.AgentDictionaries)
        {
            agents += PetrarchDictionaryReader.ReadAgentsFile(file, builder, warnings);
        }
        for (var i = 0; i < warnings.Count && i < WarningsShown; i++)
        {
            messages.WriteLine($"parley: {warnings[i]}");
        }
        if (warnings.Count > WarningsShown)
        {
            messages.WriteLine($"parley: … and {warnings.Count - WarningsShown} more {DiagnosticCodes.DictionaryEntrySkipped} warnings (entries skipped).");
        }
        messages.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"parley: dictionaries: {groups} actor groups from {settings.ActorDictionaries.Length} file(s), {agents} agents from {settings.AgentDictionaries.Length} file(s), "
            + $"{warnings.Count} entries skipped ({DiagnosticCodes.DictionaryEntrySkipped}){(settings.DictionariesOnly ? "; built-in actor tables not used" : "")}."));
        return builder.Build();
    }

    private static string DictionaryContentId(ActorSettings settings)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (kind, files) in new[] { ("actors", settings.ActorDictionaries), ("agents", settings.AgentDictionaries) })
        {
            foreach (var file in files)
            {
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes(kind + "\n"));
                hash.AppendData(File.ReadAllBytes(file));
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    // Fail before coding, not after hours of it, when the base cannot be saved.
    private static void CheckWritable(string file)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (folder is null || !Directory.Exists(folder))
        {
            throw new ParleyConfigurationException(DiagnosticCodes.InvalidOption,
                $"--kb '{file}': the folder '{folder}' does not exist; create it or choose another file.");
        }
    }
}
