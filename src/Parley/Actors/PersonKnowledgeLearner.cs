using Parley.Diagnostics;
using Parley.Model;

namespace Parley.Actors;

/// <summary>
/// Grows a <see cref="PersonKnowledgeBase"/> from the roles articles state, so that a later
/// article naming only "Dahl" is coded as the foreign minister an earlier one introduced.
/// </summary>
/// <remarks>
/// <para>The flow keeps output reproducible while documents are processed in parallel:</para>
/// <list type="number">
/// <item>A <see cref="LexiconActorResolver"/> built over the learner reads <see cref="Current"/>,
/// an immutable snapshot, when each document starts.</item>
/// <item>After a batch, the caller passes each output document to <see cref="Learn(Document)"/>
/// in input order (the order the runner writes them); facts are merged in that order.</item>
/// <item><see cref="Commit"/> publishes the merged base as the next snapshot.</item>
/// </list>
/// <para>Documents of one batch therefore see the same snapshot, and a run with the same input,
/// batch size and starting base gives the same output. Committing after every document (batch
/// size one) lets each article learn from all before it. A fact repeated by a later article
/// widens its dates instead of adding a row; the evidence stays the earliest article.</para>
/// <para>All members are thread-safe.</para>
/// </remarks>
public sealed class PersonKnowledgeLearner
{
    private readonly object _gate = new();
    private readonly List<PersonFact> _facts;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly int _leadMargin;
    private readonly int _trailMargin;
    private PersonKnowledgeBase _current;
    private bool _pending;
    private KnowledgeMergeCounts _merged;

    /// <summary>Starts from <paramref name="initial"/> (its facts and date margins).</summary>
    public PersonKnowledgeLearner(PersonKnowledgeBase initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _current = initial;
        _leadMargin = initial.LeadMargin;
        _trailMargin = initial.TrailMargin;
        _facts = new List<PersonFact>(initial.Facts.Count);
        foreach (var fact in initial.Facts)
        {
            _ = Merge(fact);
        }
    }

    /// <summary>What every merge since the learner started did (the initial facts not counted).</summary>
    public KnowledgeMergeCounts Merged
    {
        get
        {
            lock (_gate)
            {
                return _merged;
            }
        }
    }

    /// <summary>The snapshot stages read: everything committed so far.</summary>
    public PersonKnowledgeBase Current => Volatile.Read(ref _current);

    /// <summary>
    /// Merges the roles <paramref name="document"/> states (its I401 diagnostics from
    /// <see cref="LexiconActorResolver"/> and the actors they point at), dated by its publication
    /// date; a document without a date teaches nothing. Returns the number of facts read.
    /// </summary>
    public int Learn(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Published is not { } day)
        {
            return 0;
        }
        var facts = new List<PersonFact>();
        foreach (var diagnostic in document.Diagnostics)
        {
            if (diagnostic.Code != DiagnosticCodes.PersonRoleStated || diagnostic.Stage != LexiconActorResolver.StageName
                || diagnostic.Start is not { } start || diagnostic.End is not { } end)
            {
                continue;
            }
            if (FindActor(document, start, end) is { Code: not null } actor)
            {
                facts.Add(new PersonFact
                {
                    Name = actor.Name,
                    Country = actor.Country,
                    Sector = actor.Sector,
                    Role = actor.Role,
                    Organization = actor.Organization,
                    Code = actor.Code,
                    FirstSeen = day,
                    LastSeen = day,
                    Evidence = document.Id,
                });
            }
        }
        _ = Learn(facts);
        return facts.Count;
    }

    /// <summary>
    /// Merges <paramref name="facts"/> in order (for callers that use
    /// <see cref="ActorResolution.StatedFacts"/> directly, and for imports) and says what each did.
    /// </summary>
    public KnowledgeMergeCounts Learn(IEnumerable<PersonFact> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var counts = default(KnowledgeMergeCounts);
        lock (_gate)
        {
            foreach (var fact in facts)
            {
                ArgumentNullException.ThrowIfNull(fact);
                counts += Merge(fact);
                _pending = true;
            }
            _merged += counts;
        }
        return counts;
    }

    /// <summary>Publishes everything learned so far as the new <see cref="Current"/> and returns it.</summary>
    public PersonKnowledgeBase Commit()
    {
        lock (_gate)
        {
            if (_pending)
            {
                Volatile.Write(ref _current, new PersonKnowledgeBase(_facts, _leadMargin, _trailMargin));
                _pending = false;
            }
            return _current;
        }
    }

    private KnowledgeMergeCounts Merge(PersonFact fact)
    {
        var key = string.Join('\u001F', LexiconText.NormalizePhrase(fact.Name), fact.Code, fact.Country, fact.Sector,
            fact.Role is null ? null : LexiconText.NormalizePhrase(fact.Role), fact.Organization);
        if (!_index.TryGetValue(key, out var position))
        {
            _index[key] = _facts.Count;
            _facts.Add(fact);
            return new KnowledgeMergeCounts(1, 0, 0);
        }
        var known = _facts[position];
        var earlier = fact.FirstSeen < known.FirstSeen;
        var later = fact.LastSeen > known.LastSeen;
        if (!earlier && !later)
        {
            return new KnowledgeMergeCounts(0, 0, 1);
        }
        _facts[position] = known with
        {
            FirstSeen = earlier ? fact.FirstSeen : known.FirstSeen,
            LastSeen = later ? fact.LastSeen : known.LastSeen,
            Evidence = earlier ? fact.Evidence : known.Evidence,
        };
        return new KnowledgeMergeCounts(0, 1, 0);
    }

    private static Actor? FindActor(Document document, int start, int end)
    {
        foreach (var actor in document.Actors)
        {
            foreach (var mention in actor.Mentions)
            {
                if (mention.Start == start && mention.End == end)
                {
                    return actor;
                }
            }
        }
        return null;
    }
}
