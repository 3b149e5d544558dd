using System.Runtime.InteropServices;
using Parley.Diagnostics;
using Parley.Model;
using Parley.Processing;

namespace Parley.Actors;

/// <summary>
/// Actor knowledge as phrases: countries and their adjectives, demonyms and metonyms,
/// organisations, armed and political groups, people, and CAMEO agent words, each phrase mapped
/// to one or more <see cref="ActorEntry"/>. Lookup walks a token trie whose edges are hash-table
/// entries keyed by (node, token id), so each token costs one or two hash probes whatever the
/// lexicon's size. Tokens are compared after <see cref="NormalizeToken"/>. Immutable and safe to
/// share across threads.
/// </summary>
public sealed class ActorLexicon
{
    /// <summary>The folder of the project's tables inside the data folder.</summary>
    public const string DataFolder = "actors";

    private static readonly ActorEntry[] NoEntries = [];

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _vocabulary;
    private readonly Dictionary<long, int> _edges;
    private readonly ActorEntry[]?[] _nodeEntries;
    private readonly CaseRule[] _nodeRules;
    private readonly ActorEntry[] _entries;

    internal ActorLexicon(
        Dictionary<string, int> vocabulary, Dictionary<long, int> edges, ActorEntry[]?[] nodeEntries,
        CaseRule[] nodeRules, ActorEntry[] entries, int phraseCount, int maxPhraseLength, PeopleLexicon people)
    {
        People = people;
        _vocabulary = vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        _edges = edges;
        _nodeEntries = nodeEntries;
        _nodeRules = nodeRules;
        _entries = entries;
        PhraseCount = phraseCount;
        MaxPhraseLength = maxPhraseLength;
    }

    /// <summary>A lexicon with no phrases.</summary>
    public static ActorLexicon Empty { get; } = new ActorLexiconBuilder().Build();

    /// <summary>Number of stored token sequences (a phrase's spelling variants count separately).</summary>
    public int PhraseCount { get; }

    /// <summary>
    /// The offices people held (<c>people.tsv</c> of the project's tables), for names written without
    /// a role; empty for a lexicon built from other dictionaries alone.
    /// </summary>
    public PeopleLexicon People { get; }

    /// <summary>Tokens in the longest stored phrase.</summary>
    public int MaxPhraseLength { get; }

    /// <summary>Every entry, in the order it was first added.</summary>
    public IReadOnlyList<ActorEntry> Entries => _entries;

    /// <summary>Loads the project's tables from <paramref name="folder"/> (normally <c>data/actors</c>).</summary>
    /// <exception cref="ParleyConfigurationException">A table is missing or malformed (E103).</exception>
    public static ActorLexicon Load(string folder) => new ActorLexiconBuilder().AddTables(folder).Build();

    /// <summary>
    /// Loads the project's tables from <c>actors/</c> in the data folder that
    /// <see cref="DataPaths.ResolveData"/> finds.
    /// </summary>
    /// <exception cref="ParleyConfigurationException">No data folder, or a table is missing or malformed (E103).</exception>
    public static ActorLexicon LoadDefault()
    {
        var data = DataPaths.ResolveData()
            ?? throw new ParleyConfigurationException(DiagnosticCodes.DataMissing,
                $"No data folder found for the actor lexicon; set {DataPaths.DataVariable} to Parley's data/ folder.");
        return Load(Path.Combine(data, DataFolder));
    }

    /// <summary>The form in which tokens are compared: lower case, Latin diacritics folded, plain apostrophes and hyphens.</summary>
    public static string NormalizeToken(ReadOnlySpan<char> token) => LexiconText.Normalize(token);

    /// <summary>The entries of exactly <paramref name="phrase"/> (words split at white space); empty if none.</summary>
    public IReadOnlyList<ActorEntry> Lookup(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var tokens = LexiconText.SplitPhrase(phrase);
        return Lookup(CollectionsMarshal.AsSpan(tokens));
    }

    /// <summary>The entries of exactly this token sequence; empty if none.</summary>
    public IReadOnlyList<ActorEntry> Lookup(ReadOnlySpan<string> tokens)
    {
        var source = new StringTokens(tokens);
        var node = 0;
        for (var i = 0; i < tokens.Length && node >= 0; i++)
        {
            node = Step(node, source.Get(i));
        }
        return node > 0 && Allows(node, source, 0, tokens.Length) ? _nodeEntries[node] ?? NoEntries : NoEntries;
    }

    /// <summary>
    /// The longest phrase that starts at token <paramref name="start"/>; false when none does.
    /// </summary>
    public bool TryMatchLongest(ReadOnlySpan<string> tokens, int start, out LexiconMatch match) =>
        TryMatchLongest(new StringTokens(tokens), start, out match);

    /// <summary>
    /// The longest phrase that starts at token <paramref name="start"/>, with tokens given as
    /// spans of <paramref name="text"/> (a Document's text and tokens); allocates nothing.
    /// </summary>
    public bool TryMatchLongest(string text, ReadOnlySpan<Token> tokens, int start, out LexiconMatch match)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryMatchLongest(new TextTokens(text, tokens), start, out match);
    }

    /// <summary>
    /// Every phrase found scanning left to right, taking the longest match at each position and
    /// continuing after it (matches never overlap).
    /// </summary>
    public IReadOnlyList<LexiconMatch> FindAll(ReadOnlySpan<string> tokens)
    {
        var found = new List<LexiconMatch>();
        var i = 0;
        while (i < tokens.Length)
        {
            if (TryMatchLongest(tokens, i, out var match))
            {
                found.Add(match);
                i = match.End;
            }
            else
            {
                i++;
            }
        }
        return found;
    }

    internal static long EdgeKey(int node, int tokenId) => ((long)node << 32) | (uint)tokenId;

    private bool TryMatchLongest<T>(T tokens, int start, out LexiconMatch match)
        where T : ITokenTexts, allows ref struct
    {
        if ((uint)start >= (uint)tokens.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(start));
        }
        var node = 0;
        var bestEnd = -1;
        ActorEntry[]? best = null;
        for (var i = start; i < tokens.Count; i++)
        {
            node = Step(node, tokens.Get(i));
            if (node < 0)
            {
                break;
            }
            if (_nodeEntries[node] is { } entries && Allows(node, tokens, start, i + 1))
            {
                best = entries;
                bestEnd = i + 1;
            }
        }
        match = best is null ? default : new LexiconMatch(start, bestEnd - start, best);
        return best is not null;
    }

    // Whether tokens [start, end) are written as the phrase's case rule asks.
    private bool Allows<T>(int node, T tokens, int start, int end)
        where T : ITokenTexts, allows ref struct
    {
        var rule = _nodeRules[node];
        if (rule.IsNone)
        {
            return true;
        }
        for (var i = start; i < end && i - start < 64; i++)
        {
            if (!rule.Allows(i - start, tokens.Get(i)))
            {
                return false;
            }
        }
        return true;
    }

    // One trie step: the child of `node` along `token`, or -1.
    private int Step(int node, ReadOnlySpan<char> token)
    {
        if (token.IsEmpty)
        {
            return -1;
        }
        var buffer = token.Length <= LexiconText.StackLimit ? stackalloc char[token.Length] : new char[token.Length];
        LexiconText.Normalize(token, buffer);
        if (!_vocabulary.TryGetValue(buffer, out var id))
        {
            return -1;
        }
        return _edges.TryGetValue(EdgeKey(node, id), out var child) ? child : -1;
    }

    private interface ITokenTexts
    {
        int Count { get; }

        ReadOnlySpan<char> Get(int index);
    }

    private readonly ref struct StringTokens(ReadOnlySpan<string> tokens) : ITokenTexts
    {
        private readonly ReadOnlySpan<string> _tokens = tokens;

        public int Count => _tokens.Length;

        public ReadOnlySpan<char> Get(int index) => _tokens[index];
    }

    private readonly ref struct TextTokens(string text, ReadOnlySpan<Token> tokens) : ITokenTexts
    {
        private readonly string _text = text;
        private readonly ReadOnlySpan<Token> _tokens = tokens;

        public int Count => _tokens.Length;

        public ReadOnlySpan<char> Get(int index) => _text.AsSpan(_tokens[index].Start, _tokens[index].Length);
    }
}
