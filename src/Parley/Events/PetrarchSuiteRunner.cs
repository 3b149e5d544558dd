using Parley.Actors;
using Parley.Diagnostics;
using Parley.Model;
using Parley.Processing;
using Parley.Syntax;
using Parley.Text;

namespace Parley.Events;

/// <summary>
/// Codes PETRARCH unit-test records from their raw text with Parley's own analysis: the rule
/// tokenizer and splitter, the shipped tagger and parser, actors from the suite's actor and agent
/// dictionaries over each noun phrase of the parse (<see cref="NounPhraseActors"/>), and events from
/// the suite's verb dictionary read into dependency patterns (<see cref="PetrarchVerbReader"/>). Each
/// record's <c>require_dyad</c> switch is honoured. Read-only after construction.
/// </summary>
public sealed class PetrarchSuiteRunner
{
    /// <summary>The suite's actor dictionary file name.</summary>
    public const string ActorsFile = "PETR.Validate.actors.txt";

    /// <summary>The suite's agent dictionary file name.</summary>
    public const string AgentsFile = "PETR.Validate.agents.txt";

    /// <summary>The suite's verb dictionary file name.</summary>
    public const string VerbsFile = "PETR.Validate.verbs.txt";

    private readonly Pipeline _analysis;
    private readonly ActorPhraseCoder _phrases;
    private readonly ActorPhraseCoder _actorsOnly;
    private readonly EventCoder _dyadic;
    private readonly EventCoder _monadic;

    /// <summary>
    /// Loads the models and ontology from Parley's <paramref name="dataDirectory"/> and the suite's
    /// dictionaries from <paramref name="dictionaryDirectory"/>.
    /// </summary>
    /// <exception cref="ParleyConfigurationException">E103 when a model or dictionary file is missing.</exception>
    public PetrarchSuiteRunner(string dataDirectory, string dictionaryDirectory)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        ArgumentNullException.ThrowIfNull(dictionaryDirectory);
        var tagger = Require(Path.Combine(dataDirectory, "models", "tagger-v1.bin"));
        var parser = Require(Path.Combine(dataDirectory, "models", "parser-v1.bin"));
        var actors = Require(Path.Combine(dictionaryDirectory, ActorsFile));
        var agents = Require(Path.Combine(dictionaryDirectory, AgentsFile));
        var verbs = Require(Path.Combine(dictionaryDirectory, VerbsFile));
        var builder = new ActorLexiconBuilder();
        PetrarchDictionaryReader.ReadActorsFile(actors, builder);
        PetrarchDictionaryReader.ReadAgentsFile(agents, builder);
        _phrases = new ActorPhraseCoder(builder.Build());
        var actorsOnly = new ActorLexiconBuilder();
        PetrarchDictionaryReader.ReadActorsFile(actors, actorsOnly);
        _actorsOnly = new ActorPhraseCoder(actorsOnly.Build());
        // The suite's dictionary uses codes of its own (1717, 174K, 903) and expects them back.
        var cameo = CameoOntology.LoadFromData(dataDirectory);
        Verbs = PetrarchVerbReader.Read(verbs, cameo, out var skipped, keepCodes: true);
        var used = new List<string>();
        foreach (var pattern in Verbs.Patterns)
        {
            used.Add(pattern.Code);
            if (pattern.ReverseCode is not null)
            {
                used.Add(pattern.ReverseCode);
            }
        }
        var ontology = cameo.WithCodes(used);
        SkippedLines = skipped;
        _dyadic = new EventCoder(Verbs, ontology, new EventCoderOptions { RequireDyad = true, TargetFromVerbPhrase = true });
        _monadic = new EventCoder(Verbs, ontology, new EventCoderOptions { RequireDyad = false, TargetFromVerbPhrase = true });
        _analysis = Pipeline.Build(
        [
            new RuleTokenizer(), new RuleSentenceSplitter(), new PerceptronTagger(tagger), ArcEagerParser.Load(parser),
        ]);
    }

    /// <summary>The verb dictionary as read.</summary>
    public EventLexicon Verbs { get; }

    /// <summary>Lines of the verb dictionary the reader could not use.</summary>
    public int SkippedLines { get; }

    /// <summary>The coder a record uses (its <c>require_dyad</c> switch picks it).</summary>
    public EventCoder CoderFor(PetrarchRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.RequireDyad ? _dyadic : _monadic;
    }

    /// <summary>The record's text analysed: tokens, sentences, tags, dependencies and actors.</summary>
    public Document Analyse(PetrarchRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var doc = new Document(record.Id, record.Text) { Published = record.Date };
        _analysis.Process(doc);
        NounPhraseActors.Add(doc, _phrases, record.Date);
        return doc;
    }

    /// <summary>The (source, target, code) triples Parley codes for the record; a missing side is <c>---</c>.</summary>
    public List<(string Source, string Target, string Code)> Code(PetrarchRecord record)
    {
        var doc = Analyse(record);
        var result = new List<(string, string, string)>();
        foreach (var e in CoderFor(record).Code(doc))
        {
            result.Add((Side(e.Source, record.Date), Side(e.Target, record.Date), e.Code));
        }
        return result;
    }

    // PETRARCH writes an agent with no actor ("officials") as "---GOV"; a missing side as "---".
    private string Side(EventArgument? side, DateOnly? date) =>
        side?.Code is not { } code ? "---"
        : _actorsOnly.Code(Words(side.Text), date).Count == 0 ? "---" + code
        : code;

    // The mention's words with a possessive and punctuation split off, as the tokenizer splits them,
    // and words joined by "_" apart, as the dictionary lists them.
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var word in text.Split([' ', '\t', '\n', '\r', '_'], StringSplitOptions.RemoveEmptyEntries))
        {
            var end = word.Length;
            while (end > 0 && char.IsPunctuation(word[end - 1]) && word[end - 1] != '\'')
            {
                end--;
            }
            var apostrophe = word.IndexOf('\'', StringComparison.Ordinal);
            if (apostrophe > 0 && apostrophe < end)
            {
                words.Add(word[..apostrophe]);
                words.Add(word[apostrophe..end]);
            }
            else if (end > 0)
            {
                words.Add(word[..end]);
            }
        }
        return words;
    }

    /// <summary>
    /// Codes every active record, writes each failure and the closing line <c>N passed, M failed</c>
    /// to <paramref name="report"/> (see <see cref="PetrarchEvaluation.Run"/>).
    /// </summary>
    public (int Passed, int Failed) Run(IEnumerable<PetrarchRecord> records, TextWriter report) =>
        PetrarchEvaluation.Run(records, Code, report);

    private static string Require(string path) => File.Exists(path)
        ? path
        : throw new ParleyConfigurationException(DiagnosticCodes.DataMissing,
            $"'{path}' is missing: the PETRARCH suite run needs the tagger and parser models in data/models and the PETR.Validate dictionaries.");
}
