namespace Parley.Actors;

/// <summary>
/// Collects phrases and their entries, then builds an immutable <see cref="ActorLexicon"/>. Not
/// thread-safe; build once at start-up and share the lexicon.
/// </summary>
public sealed class ActorLexiconBuilder
{
    // Key: normalised tokens joined by single spaces (LexiconText.NormalizePhrase); _keys keeps insertion order.
    private readonly Dictionary<string, List<ActorEntry>> _phrases = new(StringComparer.Ordinal);
    private readonly List<string> _keys = [];
    private readonly Dictionary<string, CaseRule> _rules = new(StringComparer.Ordinal);
    private readonly List<ActorEntry> _entries = [];
    private readonly HashSet<ActorEntry> _entrySet = new(ReferenceEqualityComparer.Instance);
    private readonly List<PersonOffice> _offices = [];

    /// <summary>Number of distinct stored token sequences so far (spelling variants included).</summary>
    public int PhraseCount => _phrases.Count;

    /// <summary>
    /// Adds <paramref name="phrase"/> (words separated by white space or '_') as a name of
    /// <paramref name="entry"/>. With <paramref name="replace"/>, entries of the same
    /// <see cref="ActorEntry.Source"/> already stored under the phrase are dropped first, so a
    /// later definition in one dictionary overrides an earlier one; otherwise entries accumulate.
    /// With <paramref name="matchCase"/>, words written with a capital match only capitalised
    /// tokens, and two- or three-letter capitals ("US", "WHO") only tokens in capitals; if the
    /// same phrase is also added without it, the looser rule holds.
    /// </summary>
    /// <exception cref="ArgumentException">The phrase has no words.</exception>
    public ActorLexiconBuilder Add(string phrase, ActorEntry entry, bool replace = false, bool matchCase = false)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        ArgumentNullException.ThrowIfNull(entry);
        var written = LexiconText.JoinWords(phrase);
        if (written.Length == 0)
        {
            throw new ArgumentException("A phrase needs at least one word.", nameof(phrase));
        }
        if (_entrySet.Add(entry))
        {
            _entries.Add(entry);
        }
        AddKey(written, entry, replace, matchCase);
        if (written.AsSpan().IndexOfAny("-.'\u2019") >= 0)
        {
            var variants = LexiconText.Variants(written);
            for (var i = 1; i < variants.Count; i++)
            {
                AddKey(variants[i], entry, replace, matchCase);
            }
        }
        return this;
    }

    /// <summary>Adds a phrase given as tokens; see <see cref="Add(string, ActorEntry, bool, bool)"/>.</summary>
    /// <exception cref="ArgumentException">There are no tokens.</exception>
    public ActorLexiconBuilder Add(IReadOnlyList<string> tokens, ActorEntry entry, bool replace = false, bool matchCase = false)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count == 0)
        {
            throw new ArgumentException("A phrase needs at least one word.", nameof(tokens));
        }
        return Add(string.Join(' ', tokens), entry, replace, matchCase);
    }

    private void AddKey(string written, ActorEntry entry, bool replace, bool matchCase)
    {
        var key = LexiconText.NormalizePhrase(written);
        var rule = matchCase ? CaseRule.Of(written) : default;
        if (!_phrases.TryGetValue(key, out var list))
        {
            list = [];
            _phrases.Add(key, list);
            _keys.Add(key);
            _rules.Add(key, rule);
        }
        else
        {
            _rules[key] = _rules[key].Loosest(rule);
            if (replace)
            {
                for (var i = list.Count - 1; i >= 0; i--)
                {
                    if (!ReferenceEquals(list[i], entry) && list[i].Source == entry.Source)
                    {
                        list.RemoveAt(i);
                    }
                }
            }
        }
        if (!list.Contains(entry))
        {
            list.Add(entry);
        }
    }

    /// <summary>Adds an office a person held (a row of <c>people.tsv</c>) to the lexicon's <see cref="ActorLexicon.People"/>.</summary>
    public ActorLexiconBuilder AddOffice(PersonOffice office)
    {
        ArgumentNullException.ThrowIfNull(office);
        _offices.Add(office);
        return this;
    }

    /// <summary>
    /// Adds the project's lexicon tables (<c>countries.tsv</c>, <c>organizations.tsv</c>,
    /// <c>groups.tsv</c>, <c>agents.tsv</c>, and <c>discards.tsv</c>, phrases that hold a name but
    /// name no actor) from <paramref name="folder"/>, and when present <c>regions.tsv</c>,
    /// <c>media.tsv</c> and <c>people.tsv</c> (the offices people held, <see cref="ActorLexicon.People"/>).
    /// </summary>
    /// <exception cref="Parley.Diagnostics.ParleyConfigurationException">A table is missing or malformed (E103).</exception>
    public ActorLexiconBuilder AddTables(string folder)
    {
        ActorTableReader.ReadFolder(folder, this);
        return this;
    }

    /// <summary>Builds the read-only lexicon. The builder may be used again afterwards.</summary>
    public ActorLexicon Build()
    {
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var edges = new Dictionary<long, int>(EdgeKeyComparer.Instance);
        var nodeEntries = new List<ActorEntry[]?> { null };
        var nodeRules = new List<CaseRule> { default };
        var maxLength = 0;
        foreach (var key in _keys)
        {
            var tokens = key.Split(' ');
            var node = 0;
            foreach (var token in tokens)
            {
                if (!vocabulary.TryGetValue(token, out var id))
                {
                    id = vocabulary.Count;
                    vocabulary.Add(token, id);
                }
                var edge = ActorLexicon.EdgeKey(node, id);
                if (!edges.TryGetValue(edge, out var child))
                {
                    child = nodeEntries.Count;
                    nodeEntries.Add(null);
                    nodeRules.Add(default);
                    edges.Add(edge, child);
                }
                node = child;
            }
            var list = _phrases[key];
            if (list.Count > 0)
            {
                nodeEntries[node] = [.. list];
                nodeRules[node] = _rules[key];
            }
            maxLength = Math.Max(maxLength, tokens.Length);
        }
        var phraseCount = 0;
        foreach (var list in _phrases.Values)
        {
            phraseCount += list.Count > 0 ? 1 : 0;
        }
        var people = _offices.Count == 0 ? PeopleLexicon.Empty : new PeopleLexicon(_offices);
        return new ActorLexicon(vocabulary, edges, [.. nodeEntries], [.. nodeRules], [.. _entries], phraseCount, maxLength, people);
    }
}
