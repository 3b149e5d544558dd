using Parley.Model;

namespace Parley.Actors;

/// <summary>
/// The working state of <see cref="ActorResolver"/> for one document. Steps, in order: lexicon
/// phrases; name spans; people with the roles their context states; references that depend on
/// another person ("spokeswoman for the prime minister"); role descriptions, collectives and
/// lexicon actors; pronouns; then the actors in order of first mention.
/// </summary>
internal sealed partial class ResolutionRun
{
    private static readonly HashSet<string> LocativePrepositions = new(StringComparer.OrdinalIgnoreCase)
    { "in", "at", "near", "inside", "within", "across", "throughout", "around", "outside" };

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    { "the", "a", "an", "this", "that", "its", "their" };

    private static readonly HashSet<string> Prepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "with", "to", "for", "of", "in", "on", "at", "from", "by", "about", "against", "into", "onto", "over", "under",
        "between", "among", "after", "before", "toward", "towards", "than", "like", "as", "near", "without", "via",
    };

    private static readonly HashSet<string> AffiliationPrepositions = new(StringComparer.OrdinalIgnoreCase)
    { "for", "of", "at", "from" };

    // Words that open a sentence in capitals without being names; only consulted without tags.
    private static readonly HashSet<string> CapitalisedFunctionWords = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "In", "On", "At", "For", "But", "And", "Or",
        "So", "This", "That", "These", "Those", "His", "Her", "Their", "Its", "Our", "My", "As", "After", "Before",
        "When", "While", "If", "Although", "Though", "Since", "During", "With", "Without", "From", "To", "By", "Of",
        "Some", "Many", "Most", "All", "Both", "Other", "Yet", "Then", "There", "Here", "What", "Who", "How", "Why",
        "Where", "Which", "Not", "No", "Yes", "Also", "However", "Meanwhile", "Earlier", "Later", "Last", "Next",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    };

    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal)
    { "de", "da", "van", "von", "bin", "ibn", "al", "el", "del", "la", "le", "di", "dos", "der", "den", "ben" };

    private static readonly HashSet<string> Honorifics = new(StringComparer.Ordinal)
    { "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sir", "Dame" };

    private readonly Document _doc;
    private readonly string _text;
    private readonly Token[] _tokens;
    private readonly ActorLexicon _lexicon;
    private readonly PersonKnowledgeBase _knowledge;
    private readonly DateOnly? _date;
    private readonly bool _hasTags;
    private readonly bool _hasDependencies;
    private readonly int[] _sentenceOf;
    private readonly bool[] _quoted;
    private readonly bool[] _removed;
    private readonly int[] _phraseOf;
    private readonly bool[] _used;
    private readonly List<Phrase> _phrases = [];
    private readonly List<Cluster> _clusters = [];
    private readonly List<PersonRef> _references = [];

    public ResolutionRun(ActorLexicon lexicon, Document document, PersonKnowledgeBase knowledge)
    {
        _lexicon = lexicon;
        _doc = document;
        _text = document.Text;
        _tokens = document.Tokens;
        _knowledge = knowledge;
        _date = document.Published;
        var n = _tokens.Length;
        _hasTags = document.Analyses.Length == n && n > 0 && (document.Layers & Layers.Tags) != 0;
        _hasDependencies = _hasTags && (document.Layers & Layers.Dependencies) != 0;
        _sentenceOf = new int[n];
        _quoted = new bool[n];
        _removed = new bool[n];
        _phraseOf = new int[n];
        _used = new bool[n];
        Array.Fill(_phraseOf, -1);
    }

    public ActorResolution Execute()
    {
        if (_tokens.Length == 0)
        {
            return new ActorResolution([], [], [], []);
        }
        MarkSentencesQuotesAndRemoved();
        FindPhrases();
        var names = FindNames();
        BuildPeople(names);
        MergeSurnames();
        FindLoneSurnames();
        ResolveReferences();
        ApplyPeople();
        ApplyKnowledge();
        FindDescriptionsAndCollectives();
        LinkPronouns();
        return Emit();
    }

    // ---- preparation -------------------------------------------------------------------------

    private void MarkSentencesQuotesAndRemoved()
    {
        for (var i = 0; i < _tokens.Length; i++)
        {
            _sentenceOf[i] = -1;
            _removed[i] = _doc.IsRemoved(_tokens[i].Span);
        }
        var sentences = _doc.Sentences;
        for (var s = 0; s < sentences.Length; s++)
        {
            for (var i = sentences[s].FirstToken; i < sentences[s].EndToken && i < _tokens.Length; i++)
            {
                _sentenceOf[i] = s;
            }
        }
        // Quotation state resets at each paragraph: a news paragraph that continues a quotation
        // opens with its own quotation mark.
        var inside = false;
        for (var i = 0; i < _tokens.Length; i++)
        {
            if (i > 0 && _text.AsSpan(_tokens[i - 1].End, _tokens[i].Start - _tokens[i - 1].End).Contains('\n'))
            {
                inside = false;
            }
            var t = TokenText(i);
            if (t is "\u201C" or "\u00AB")
            {
                inside = true;
                _quoted[i] = true;
                continue;
            }
            if (t is "\u201D" or "\u00BB")
            {
                _quoted[i] = true;
                inside = false;
                continue;
            }
            if (t is "\"" or "``" or "''")
            {
                _quoted[i] = true;
                inside = t == "``" || (t == "\"" && !inside);
                continue;
            }
            _quoted[i] = inside;
        }
    }

    private void FindPhrases()
    {
        var sentences = _doc.Sentences;
        var ranges = new List<(int Start, int End)>();
        if (sentences.Length == 0)
        {
            ranges.Add((0, _tokens.Length));
        }
        else
        {
            foreach (var s in sentences)
            {
                ranges.Add((s.FirstToken, Math.Min(s.EndToken, _tokens.Length)));
            }
        }
        foreach (var (start, end) in ranges)
        {
            // Matching stops at the sentence end so that no phrase spans two sentences.
            var window = _tokens.AsSpan(0, end);
            var i = start;
            while (i < end)
            {
                if (_removed[i] || !_lexicon.TryMatchLongest(_text, window, i, out var match))
                {
                    i++;
                    continue;
                }
                var phrase = Classify(match);
                var anyRemoved = false;
                for (var k = match.Start; k < match.End; k++)
                {
                    anyRemoved |= _removed[k];
                }
                if (!anyRemoved && phrase is not null)
                {
                    var index = _phrases.Count;
                    _phrases.Add(phrase);
                    for (var k = match.Start; k < match.End; k++)
                    {
                        _phraseOf[k] = index;
                    }
                }
                i = match.End;
            }
        }
    }

    private Phrase? Classify(LexiconMatch match)
    {
        ActorEntry? actor = null;
        ActorEntry? agent = null;
        ActorEntry? person = null;
        var discard = false;
        foreach (var entry in match.Entries)
        {
            switch (entry.Kind)
            {
                case ActorKind.Agent:
                    agent ??= entry;
                    break;
                case ActorKind.Person:
                    person ??= entry;
                    break;
                default:
                    var code = entry.CodeOn(_date);
                    if (code is null)
                    {
                        break;
                    }
                    if (code.Length == 0)
                    {
                        discard |= actor is null;
                    }
                    else
                    {
                        actor ??= entry;
                    }
                    break;
            }
        }
        if (actor is null && agent is null && person is null && !discard)
        {
            return null;
        }
        return new Phrase(match.Start, match.End, discard && actor is null ? null : actor, agent, person, discard && actor is null);
    }

    // ---- names -------------------------------------------------------------------------------

    private List<NameSpan> FindNames()
    {
        var names = new List<NameSpan>();
        var covered = new bool[_tokens.Length];
        foreach (var entity in _doc.Entities)
        {
            if (entity.Type == EntityType.Location || entity.TokenCount <= 0 || entity.FirstToken + entity.TokenCount > _tokens.Length)
            {
                continue;
            }
            var first = entity.FirstToken;
            var end = entity.FirstToken + entity.TokenCount;
            if (IsAnyRemoved(first, end))
            {
                continue;
            }
            for (var k = first; k < end; k++)
            {
                covered[k] = true;
            }
            if (entity.Type == EntityType.Person)
            {
                // A title or nationality inside the span ("President Emmanuel Macron") is context,
                // not name: the name starts after it.
                while (first < end - 1 && _phraseOf[first] >= 0 && _phrases[_phraseOf[first]].Person is null)
                {
                    first = _phrases[_phraseOf[first]].End;
                }
                while (end - 1 > first && IsPossessiveOrPunctuation(end - 1))
                {
                    end--;
                }
                if (first < end)
                {
                    names.Add(new NameSpan(first, end, EntityType.Person, FromEntities: true));
                }
            }
            else if (TitledNameInside(first, end) is var nameStart && nameStart > first)
            {
                // A recogniser may take "US President Barack Obama" for an organisation; a title
                // followed by capitalised words to the end of the span makes it a titled person.
                names.Add(new NameSpan(nameStart, end, EntityType.Person, FromEntities: true));
            }
            else
            {
                names.Add(new NameSpan(first, end, EntityType.Organization, FromEntities: true));
            }
        }
        // Capitalised runs find names the entity layer missed (or all of them when it is absent);
        // they become actors only when their context confirms a person.
        var i = 0;
        while (i < _tokens.Length)
        {
            if (covered[i] || !CouldStartName(i))
            {
                i++;
                continue;
            }
            var end = i + 1;
            while (end < _tokens.Length && !covered[end] && _sentenceOf[end] == _sentenceOf[i])
            {
                if (CouldContinueName(end))
                {
                    end++;
                }
                else if (end + 1 < _tokens.Length && NameParticles.Contains(TokenText(end).ToString()) && CouldContinueName(end + 1))
                {
                    end += 2;
                }
                else
                {
                    break;
                }
            }
            names.Add(new NameSpan(i, end, null, FromEntities: false));
            i = end;
        }
        names.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return names;
    }

    /// <summary>Where the name after a title starts inside [first, end), or -1 when the span holds no titled name.</summary>
    private int TitledNameInside(int first, int end)
    {
        for (var k = end - 1; k > first; k--)
        {
            if (_phraseOf[k] >= 0 || !IsCapitalised(k))
            {
                return -1;
            }
            if (PhraseEndingAt(k) is { } title && (title.Agent is { IsTitle: true } || title.Actor is { Role: not null }) && title.Start >= first)
            {
                return k;
            }
        }
        return -1;
    }

    private bool CouldStartName(int i)
    {
        if (_removed[i] || !IsCapitalised(i) || Honorifics.Contains(TokenText(i).ToString()))
        {
            return false;
        }
        if (_phraseOf[i] >= 0 && _phrases[_phraseOf[i]].Person is null)
        {
            return false;
        }
        if (_hasTags)
        {
            return _doc.Analyses[i].Upos == "PROPN";
        }
        return !CapitalisedFunctionWords.Contains(TokenText(i).ToString());
    }

    private bool CouldContinueName(int i) =>
        !_removed[i] && IsCapitalised(i) && (_phraseOf[i] < 0 || _phrases[_phraseOf[i]].Person is not null)
        && (!_hasTags || _doc.Analyses[i].Upos is "PROPN" or "X")
        && (_hasTags || !CapitalisedFunctionWords.Contains(TokenText(i).ToString()));

    private bool IsCapitalised(int i)
    {
        var t = TokenText(i);
        return t.Length > 0 && char.IsUpper(t[0]) && (t.Length == 1 || t[1..].ContainsAnyExcept('.'));
    }

    // ---- people ------------------------------------------------------------------------------

    private void BuildPeople(List<NameSpan> names)
    {
        foreach (var name in names)
        {
            if (name.Type == EntityType.Organization)
            {
                AddOrganizationName(name);
                continue;
            }
            var role = StatedRole(name.Start, name.End);
            var isLexiconPerson = _phraseOf[name.Start] >= 0 && _phrases[_phraseOf[name.Start]].Person is not null;
            var honorific = name.Start > 0 && Honorifics.Contains(TokenText(name.Start - 1).ToString());
            var fullKey = NameKey(name.Start, name.End);
            var cluster = FindPersonByFullName(fullKey);
            if (cluster is null)
            {
                cluster = new Cluster(ClusterKind.Person)
                {
                    Name = _text[_tokens[name.Start].Start.._tokens[name.End - 1].End],
                    FullKey = fullKey,
                    WordCount = name.End - name.Start,
                    Confirmed = name.FromEntities || isLexiconPerson || honorific,
                    NamedByEntities = name.FromEntities,
                };
                _clusters.Add(cluster);
                if (isLexiconPerson && _phrases[_phraseOf[name.Start]].Person!.CodeOn(_date) is { Length: > 0 } personCode)
                {
                    cluster.SetCode(personCode, null, _phrases[_phraseOf[name.Start]].Person!.Country);
                    cluster.FromLexicon = true;
                }
            }
            cluster.Confirmed |= name.FromEntities || honorific;
            var mention = AddNameMention(cluster, name.Start, name.End);
            MarkUsed(name.Start, name.End);
            if (role is not null)
            {
                cluster.Confirmed = true;
                if (!cluster.HasStatedRole)
                {
                    ApplyRole(cluster, role, mention);
                }
                MarkUsed(role.UsedStart, role.UsedEnd);
                if (role.ReferenceStart >= 0)
                {
                    _references.Add(new PersonRef(cluster, role.ReferenceStart, role.ReferenceEnd, role.ReferenceRole, role.ReferenceName));
                }
            }
        }
    }

    private void AddOrganizationName(NameSpan name)
    {
        // An organisation the lexicon knows is coded by the lexicon step; only unknown ones are kept here.
        for (var k = name.Start; k < name.End; k++)
        {
            if (_phraseOf[k] >= 0 && _phrases[_phraseOf[k]].Actor is not null)
            {
                return;
            }
        }
        var key = NameKey(name.Start, name.End);
        var cluster = _clusters.Find(c => c.Kind == ClusterKind.Unknown && c.FullKey == key);
        if (cluster is null)
        {
            cluster = new Cluster(ClusterKind.Unknown)
            {
                Name = _text[_tokens[name.Start].Start.._tokens[name.End - 1].End],
                FullKey = key,
                Confirmed = true,
                NamedByEntities = true,
            };
            _clusters.Add(cluster);
        }
        cluster.Add(MakeMention(name.Start, name.End));
        MarkUsed(name.Start, name.End);
    }

    private Cluster? FindPersonByFullName(string key)
    {
        foreach (var c in _clusters)
        {
            if (c.Kind == ClusterKind.Person && c.FullKey == key)
            {
                return c;
            }
        }
        return null;
    }

    private MentionRef AddNameMention(Cluster cluster, int start, int end)
    {
        // "[Okafor]": an editor's bracketed name stands in for a pronoun; the brackets belong to the mention.
        if (start > 0 && end < _tokens.Length && TokenText(start - 1) is "[" && TokenText(end) is "]")
        {
            start--;
            end++;
        }
        var mention = MakeMention(start, end);
        cluster.Add(mention);
        return mention;
    }

    /// <summary>The role the words around tokens [start, end) state for the name there, or null.</summary>
    private RoleStatement? StatedRole(int start, int end)
    {
        if (Premodifier(start) is { } before)
        {
            return before;
        }
        if (AppositionAfter(end) is { } after)
        {
            return after;
        }
        // "the Russian foreign minister, Sergei Lavrov,": a role phrase and a comma before the name.
        if (start > 1 && TokenText(start - 1) is "," && Premodifier(start - 1) is { } preposed)
        {
            return preposed;
        }
        return null;
    }

    private RoleStatement? Premodifier(int start)
    {
        var title = PhraseEndingAt(start);
        if (title is null)
        {
            return null;
        }
        var roleStart = title.Start;
        if (title.Actor is { Role: not null } office)
        {
            // "United Nations Secretary-General": one lexicon phrase names the office and its body.
            return new RoleStatement(office.Role!, office, office.CodeOn(_date), office.Country, office.Organization ?? office.Name,
                Former: false, roleStart, start);
        }
        // A plural title ("US presidents George Washington and …") names a class, not this person's office.
        if (title.Agent is not { IsTitle: true } agent || title.Actor is not null || IsPlural(title))
        {
            return null;
        }
        var roleText = Slice(title.Start, title.End);
        var j = title.Start;
        var former = false;
        if (j > 0 && TokenText(j - 1) is "former" or "Former" or "ex")
        {
            former = true;
            j--;
        }
        var affiliation = AffiliationEndingAt(j, out var affiliationStart);
        if (affiliation is not null)
        {
            roleStart = affiliationStart;
            // "former Egyptian Prime Minister": "former" may also come before the nationality.
            if (!former && affiliationStart > 0 && TokenText(affiliationStart - 1) is "former" or "Former" or "ex")
            {
                former = true;
                roleStart = affiliationStart - 1;
            }
        }
        else if (former)
        {
            roleStart = j;
        }
        return Role(agent, roleText, affiliation, former, roleStart, start);
    }

    private RoleStatement? AppositionAfter(int end)
    {
        if (end >= _tokens.Length || TokenText(end) is not ("," or "(" or "\u2013" or "\u2014"))
        {
            return null;
        }
        var k = end + 1;
        k = SkipDeterminer(k);
        var former = false;
        if (k < _tokens.Length && TokenText(k) is "former" or "ex")
        {
            former = true;
            k++;
        }
        ActorEntry? affiliation = null;
        ActorEntry? agent = null;
        var roleText = "";
        var roleEnd = k;
        while (k < _tokens.Length && _phraseOf[k] >= 0)
        {
            var p = _phrases[_phraseOf[k]];
            if (p.Start != k)
            {
                break;
            }
            if (p.Actor is { Role: not null } office && agent is null)
            {
                return new RoleStatement(office.Role!, office, office.CodeOn(_date), office.Country,
                    office.Organization ?? office.Name, former, end, p.End);
            }
            if (p.Actor is not null && agent is null)
            {
                affiliation ??= p.Actor;
                k = p.End;
                if (k < _tokens.Length && IsPossessive(k))
                {
                    k++;
                }
                continue;
            }
            if (p.Agent is { } a && p.Actor is null && (a.Role is not null))
            {
                agent = a;
                roleText = Slice(p.Start, p.End);
                k = p.End;
                roleEnd = k;
            }
            break;
        }
        // "…, United States President Donald Trump": the role belongs to the name that follows it.
        if (agent is null || StartsName(roleEnd) || IsPlural(_phrases[_phraseOf[roleEnd - 1]]))
        {
            return null;
        }
        var statement = Role(agent, roleText, affiliation, former, end, roleEnd);
        // "spokeswoman for the prime minister", "adviser to Emmanuel Macron": the affiliation may
        // be another actor of the article, resolved once every person is known.
        if (k < _tokens.Length && (AffiliationPrepositions.Contains(TokenText(k).ToString()) || TokenText(k) is "to"))
        {
            var np = SkipDeterminer(k + 1);
            if (PhraseAtNounPhrase(k + 1) is { } p)
            {
                if (p.Actor is not null && affiliation is null && TokenText(k) is not "to")
                {
                    return Role(agent, roleText, p.Actor, former, end, p.End);
                }
                if (p.Actor is null && p.Agent is { Role: not null } heldRole)
                {
                    statement = statement with { ReferenceStart = k + 1, ReferenceEnd = p.End, ReferenceRole = RoleKey(heldRole.Role!) };
                }
            }
            else if (np < _tokens.Length && IsCapitalised(np))
            {
                var nameEnd = np + 1;
                while (nameEnd < _tokens.Length && IsCapitalised(nameEnd) && _phraseOf[nameEnd] < 0)
                {
                    nameEnd++;
                }
                statement = statement with { ReferenceStart = np, ReferenceEnd = nameEnd, ReferenceName = NameKey(np, nameEnd) };
            }
        }
        return statement;
    }

    private RoleStatement Role(ActorEntry agent, string roleText, ActorEntry? affiliation, bool former, int usedStart, int usedEnd)
    {
        var affiliationCode = affiliation?.CodeOn(_date);
        string? organization = null;
        if (affiliation is { Kind: ActorKind.Organization or ActorKind.Group })
        {
            organization = affiliation.Organization ?? affiliation.Name;
        }
        return new RoleStatement(roleText, agent, Combine(affiliationCode, agent, former), affiliation?.Country, organization,
            former, usedStart, usedEnd);
    }

    private static string? Combine(string? affiliation, ActorEntry? agent, bool former)
    {
        if (string.IsNullOrEmpty(affiliation))
        {
            return null;
        }
        if (former)
        {
            return CameoCodes.Combine(affiliation, "ELI", AgentPosition.Suffix);
        }
        if (agent?.CodeOn(null) is not { Length: > 0 } agentCode)
        {
            return affiliation;
        }
        // An organisation's officers are the organisation (IGOUNO, not IGOUNOGOV); only
        // non-government sectors (its troops) extend its code.
        if (CameoCodes.CountryOf(affiliation) is null && agentCode is "GOV" or "IGO")
        {
            return affiliation;
        }
        return CameoCodes.Combine(affiliation, agentCode, agent.AgentPosition);
    }

    /// <summary>A country, organisation or region phrase ending at <paramref name="end"/>, through a possessive.</summary>
    private ActorEntry? AffiliationEndingAt(int end, out int start)
    {
        start = end;
        var k = end;
        if (k > 0 && IsPossessive(k - 1))
        {
            k--;
        }
        var p = PhraseEndingAt(k);
        if (p?.Actor is { } actor && p.Agent is null)
        {
            start = p.Start;
            return actor;
        }
        return null;
    }

    private void ApplyRole(Cluster cluster, RoleStatement role, MentionRef mention)
    {
        cluster.Role = role.Former ? "former " + role.Text : role.Text;
        cluster.RoleKey = RoleKey(role.Entry.Role ?? role.Text);
        cluster.RoleEntry = role.Entry;
        cluster.Organization = role.Organization;
        cluster.HasStatedRole = true;
        cluster.StatedAt = mention;
        cluster.FromLexicon = false;
        if (role.Code is not null)
        {
            cluster.SetCode(role.Code, role.Former ? "ELI" : null, role.Country);
        }
    }

    private void MergeSurnames()
    {
        // A surname alone ("Macron") joins the full-named person with that surname, wherever in
        // the article the full name comes. When two people share it, each mention goes to the one
        // named most recently before it (news repeats the full name when the referent changes).
        // A first name alone joins the one person it can be.
        for (var i = _clusters.Count - 1; i >= 0; i--)
        {
            var single = _clusters[i];
            if (single.Kind != ClusterKind.Person || single.WordCount != 1)
            {
                continue;
            }
            var targets = new List<Cluster>();
            foreach (var c in _clusters)
            {
                if (c.Kind == ClusterKind.Person && c.WordCount > 1 && SurnameOf(c.FullKey) == single.FullKey)
                {
                    targets.Add(c);
                }
            }
            if (targets.Count == 0)
            {
                foreach (var c in _clusters)
                {
                    if (c.Kind == ClusterKind.Person && c.WordCount > 1 && FirstNameOf(c.FullKey) == single.FullKey)
                    {
                        targets.Add(c);
                    }
                }
                if (targets.Count != 1)
                {
                    continue;
                }
            }
            if (targets.Count == 1)
            {
                var target = targets[0];
                target.Absorb(single);
                if (!target.HasStatedRole && single.HasStatedRole)
                {
                    target.CopyRole(single);
                }
            }
            else
            {
                foreach (var mention in single.Mentions)
                {
                    Cluster? nearest = null;
                    var nearestPosition = -1;
                    foreach (var t in targets)
                    {
                        var position = t.FirstTokenBefore(mention.FirstToken);
                        if (position > nearestPosition)
                        {
                            nearest = t;
                            nearestPosition = position;
                        }
                    }
                    (nearest ?? targets[0]).Add(mention);
                    (nearest ?? targets[0]).Confirmed |= single.Confirmed;
                }
            }
            _clusters.RemoveAt(i);
        }
    }

    private void FindLoneSurnames()
    {
        // A surname the tagger or recogniser missed ("Okafor bid for …" opening a sentence)
        // is still the person whose full name the article gives.
        var bySurname = new Dictionary<string, Cluster?>(StringComparer.Ordinal);
        foreach (var c in _clusters)
        {
            if (c.Kind == ClusterKind.Person && c.Confirmed && c.WordCount > 1)
            {
                var surname = SurnameOf(c.FullKey);
                bySurname[surname] = bySurname.ContainsKey(surname) ? null : c;
            }
        }
        if (bySurname.Count == 0)
        {
            return;
        }
        for (var i = 0; i < _tokens.Length; i++)
        {
            if (_used[i] || _removed[i] || !IsCapitalised(i) || _phraseOf[i] >= 0)
            {
                continue;
            }
            if (bySurname.TryGetValue(LexiconText.NormalizePhrase(TokenText(i)), out var person) && person is not null)
            {
                AddNameMention(person, i, i + 1);
                MarkUsed(i, i + 1);
            }
        }
    }

    private void ResolveReferences()
    {
        // Two passes let a chain such as "aide to the spokesman for the minister" settle.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var reference in _references)
            {
                var holder = reference.Role is not null
                    ? FindHolder(reference.Role, null, null, reference.Start, exclude: reference.Dependent)
                    : reference.Name is not null ? FindNamed(reference.Name) : null;
                if (holder is null || ReferenceEquals(holder, reference.Dependent))
                {
                    continue;
                }
                if (pass == 0 && reference.Role is not null)
                {
                    holder.Add(MakeMention(SkipDeterminerBack(reference.Start), reference.End));
                }
                var dependent = reference.Dependent;
                if (dependent.Code is null && holder.Code is not null)
                {
                    var code = Combine(holder.Code, dependent.RoleEntry, former: false);
                    dependent.SetCode(code, null, holder.Country);
                    dependent.Organization ??= holder.Organization;
                }
            }
        }
    }

    private Cluster? FindNamed(string key)
    {
        foreach (var c in _clusters)
        {
            if (c.Kind == ClusterKind.Person && (c.FullKey == key || (c.WordCount > 1 && SurnameOf(c.FullKey) == key)))
            {
                return c;
            }
        }
        return null;
    }

    private void ApplyKnowledge()
    {
        foreach (var c in _clusters)
        {
            // A role stated without a country ("President Trump") still takes its code from the base.
            if (c.Kind != ClusterKind.Person || c.Code is not null)
            {
                continue;
            }
            var facts = c.WordCount > 1
                ? (_date is { } d ? _knowledge.ByName(c.Name, d) : _knowledge.ByName(c.Name))
                : (_date is { } day ? _knowledge.BySurname(c.Name, day) : []);
            PersonFact? best = null;
            string? person = null;
            var ambiguous = false;
            foreach (var fact in facts)
            {
                if (fact.Code is null)
                {
                    continue;
                }
                var key = LexiconText.NormalizePhrase(fact.Name);
                ambiguous |= person is not null && person != key;
                person ??= key;
                if (best is null || fact.LastSeen > best.LastSeen)
                {
                    best = fact;
                }
            }
            if (best is null || ambiguous)
            {
                continue;
            }
            c.SetCode(best.Code, best.Sector, best.Country);
            if (c.WordCount == 1)
            {
                // "Dahl" alone is listed under the full name the base learned ("Ingrid Dahl").
                c.Name = best.Name;
            }
            if (!c.HasStatedRole)
            {
                c.Role = best.Role;
                c.RoleKey = best.Role is null ? null : RoleKey(best.Role);
            }
            c.Organization ??= best.Organization;
            c.FromKnowledge = true;
            c.Confirmed = true;
        }
    }

    // ---- descriptions, collectives and lexicon actors -----------------------------------------

    private void FindDescriptionsAndCollectives()
    {
        var p = 0;
        while (p < _phrases.Count)
        {
            var phrase = _phrases[p];
            if (IsUsed(phrase.Start, phrase.End) || phrase.Discard || (phrase.Actor is null && phrase.Agent is null))
            {
                p++;
                continue;
            }
            p = ReadChunk(p);
        }
    }

    // A chunk: [det] (actor ['s])* [and actor]* [agent] [of|from [det] actor]. Returns the next phrase index.
    private int ReadChunk(int first)
    {
        var modifiers = new List<Phrase>();
        Phrase? head = null;
        var index = first;
        var k = _phrases[first].Start;
        while (index < _phrases.Count && _phrases[index].Start == k && !IsUsed(_phrases[index].Start, _phrases[index].End))
        {
            var p = _phrases[index];
            if (p.Discard)
            {
                break;
            }
            if (p.Actor is not null && p.Agent is null)
            {
                modifiers.Add(p);
                index++;
                k = p.End;
                if (k < _tokens.Length && IsPossessive(k))
                {
                    k++;
                }
                else if (k + 1 < _tokens.Length && TokenText(k) is "and" or "," or "or"
                    && _phraseOf[k + 1] >= 0 && _phrases[_phraseOf[k + 1]].Actor is not null && _phrases[_phraseOf[k + 1]].Agent is null)
                {
                    k++;
                }
                continue;
            }
            if (p.Agent is not null && p.Actor is null)
            {
                head = p;
                index++;
            }
            break;
        }
        if (modifiers.Count == 0 && head is null)
        {
            return first + 1;
        }
        var start = _phrases[first].Start;
        var definite = start > 0 && TokenText(start - 1) is "the" or "The";
        var determinerStart = start > 0 && Determiners.Contains(TokenText(start - 1).ToString()) ? start - 1 : start;
        // "the Permanent Mission of the Philippines": the affiliation follows the head.
        // "a court in Guyana" is the Guyanese court: "in" gives a single institution its country
        // ("troops in Iraq" may be anyone's).
        if (head is not null && modifiers.Count == 0 && head.End + 1 < _tokens.Length
            && (TokenText(head.End) is "of" or "from" || (TokenText(head.End) is "in" && IsInstitution(head))))
        {
            if (PhraseAtNounPhrase(head.End + 1) is { Actor: not null, Agent: null } post)
            {
                modifiers.Add(post);
                index = Math.Max(index, _phraseOf[post.Start] + 1);
                return AddChunk(modifiers, head, definite, determinerStart, post.End, index);
            }
        }
        var end = head?.End ?? modifiers[^1].End;
        return AddChunk(modifiers, head, definite, determinerStart, end, index);
    }

    private int AddChunk(List<Phrase> modifiers, Phrase? head, bool definite, int determinerStart, int end, int next)
    {
        // An office named by one phrase ("the UN chief") describes its holder.
        if (head is null && modifiers.Count == 1 && modifiers[0].Actor is { Role: not null } office && !StartsName(modifiers[0].End))
        {
            var holder = FindHolder(RoleKey(office.Role!), office.CodeOn(_date), null, modifiers[0].Start, exclude: null);
            var span = definite ? determinerStart : modifiers[0].Start;
            if (holder is not null)
            {
                holder.Add(MakeMention(span, modifiers[0].End));
                MarkUsed(span, modifiers[0].End);
                return next;
            }
        }
        if (head is null)
        {
            foreach (var m in modifiers)
            {
                AddLexiconActor(m);
            }
            return next;
        }
        var agent = head.Agent!;
        var headText = TokenText(head.End - 1).ToString().ToLowerInvariant();
        var isLeader = headText is "leader" or "chief" or "head";
        var isRole = agent.Role is not null || isLeader;
        if (isRole && modifiers.Count <= 1 && !StartsName(head.End) && !IsPlural(head))
        {
            var affiliationCode = modifiers.Count == 1 ? modifiers[0].Actor!.CodeOn(_date) : null;
            var country = modifiers.Count == 1 ? modifiers[0].Actor!.Country : null;
            if (definite || modifiers.Count == 1)
            {
                var holder = isLeader
                    ? FindLeader(affiliationCode, country, head.Start)
                    : FindHolder(RoleKey(agent.Role!), affiliationCode, country, head.Start, exclude: null, agent);
                if (holder is not null && (definite || modifiers.Count == 1))
                {
                    var span = definite ? determinerStart : (modifiers.Count == 1 ? modifiers[0].Start : head.Start);
                    holder.Add(MakeMention(span, end));
                    MarkUsed(span, end);
                    return next;
                }
            }
        }
        foreach (var m in modifiers)
        {
            var baseCode = m.Actor!.CodeOn(_date);
            // A seat of government stands for the government; with another sector ("Washington
            // police") it stands for its country.
            if (m.Actor.Sector is not null && m.Actor.Kind == ActorKind.Country && baseCode is { Length: >= 6 }
                && agent.CodeOn(null) is { } agentSector && agentSector != m.Actor.Sector)
            {
                baseCode = baseCode[..3];
            }
            var code = Combine(baseCode, agent, former: false);
            if (code is null)
            {
                continue;
            }
            // Coordinated modifiers share the head ("U.S. and European officials"): the last one's
            // mention runs through the head, the others are their own words.
            var isLast = ReferenceEquals(m, modifiers[^1]) || m.Start > head.Start;
            var mention = isLast ? MakeMention(Math.Min(m.Start, head.Start), Math.Max(end, m.End)) : MakeMention(m.Start, m.End);
            var key = "collective " + code;
            var cluster = _clusters.Find(c => c.Kind == ClusterKind.Collective && c.FullKey == key);
            if (cluster is null)
            {
                cluster = new Cluster(ClusterKind.Collective)
                {
                    Name = isLast ? Slice(Math.Min(m.Start, head.Start), Math.Max(end, m.End)) : Slice(m.Start, m.End) + " " + Slice(head.Start, head.End),
                    FullKey = key,
                    Confirmed = true,
                    Organization = m.Actor.Kind == ActorKind.Organization ? m.Actor.Organization ?? m.Actor.Name : null,
                };
                cluster.SetCode(code, null, m.Actor.Country);
                if (agent.IsTitle && !IsPlural(head))
                {
                    cluster.Role = Slice(head.Start, head.End);
                    cluster.RoleKey = RoleKey(agent.Role!);
                    cluster.RoleEntry = agent;
                }
                _clusters.Add(cluster);
            }
            cluster.Add(mention);
        }
        if (modifiers.Count > 0)
        {
            MarkUsed(determinerStart, end);
        }
        return next;
    }

    private void AddLexiconActor(Phrase phrase)
    {
        var entry = phrase.Actor!;
        if (entry.Kind == ActorKind.Country && phrase.Start > 0 && LocativePrepositions.Contains(TokenText(phrase.Start - 1).ToString()))
        {
            // "talks in Moscow": a place, left to the places stage; "Moscow said" is an actor.
            return;
        }
        var code = entry.CodeOn(_date);
        if (string.IsNullOrEmpty(code))
        {
            return;
        }
        var key = entry.Kind == ActorKind.Country ? "country " + code : "entry " + entry.Name + " " + code;
        var cluster = _clusters.Find(c => c.Kind == ClusterKind.Lexicon && c.FullKey == key);
        if (cluster is null)
        {
            cluster = new Cluster(ClusterKind.Lexicon)
            {
                Name = entry.Sector is not null && entry.Kind == ActorKind.Country ? Slice(phrase.Start, phrase.End) : entry.Name,
                FullKey = key,
                Confirmed = true,
                Organization = entry.Kind == ActorKind.Organization ? entry.Organization ?? entry.Name : null,
            };
            cluster.SetCode(code, entry.Sector, entry.Country);
            if (entry.Role is not null)
            {
                cluster.Role = entry.Role;
            }
            _clusters.Add(cluster);
        }
        // The mention is the lexicon phrase: it holds the article where the name does ("the
        // Kremlin"), and not where the article belongs to a larger phrase ("the Peruvian flag").
        cluster.Add(MakeMention(phrase.Start, phrase.End));
        MarkUsed(phrase.Start, phrase.End);
    }

    private Cluster? FindHolder(string roleKey, string? affiliationCode, string? country, int before, Cluster? exclude, ActorEntry? agent = null) =>
        FindHolder(roleKey, affiliationCode, country, before, exclude, agent, exact: true)
        // "the minister" for a foreign minister, when no plain minister is in the article.
        ?? FindHolder(roleKey, affiliationCode, country, before, exclude, null, exact: false);

    private Cluster? FindHolder(string roleKey, string? affiliationCode, string? country, int before, Cluster? exclude, ActorEntry? agent, bool exact)
    {
        Cluster? preceding = null;
        Cluster? following = null;
        foreach (var c in _clusters)
        {
            if (c.Kind != ClusterKind.Person || ReferenceEquals(c, exclude) || !c.Confirmed)
            {
                continue;
            }
            var roleMatches = exact
                ? c.RoleKey == roleKey || (agent is not null && ReferenceEquals(c.RoleEntry, agent))
                : c.RoleKey is { } held && held.EndsWith(" " + roleKey, StringComparison.Ordinal) && !held.StartsWith("vice ", StringComparison.Ordinal);
            if (!roleMatches)
            {
                continue;
            }
            if (country is not null && c.Country is not null && c.Country != country)
            {
                continue;
            }
            if (country is not null && c.Country is null)
            {
                continue;
            }
            if (affiliationCode is not null && country is null && c.Code is not null && !c.Code.StartsWith(affiliationCode, StringComparison.Ordinal))
            {
                continue;
            }
            var first = c.FirstTokenBefore(before);
            if (first >= 0)
            {
                if (preceding is null || first > preceding.FirstTokenBefore(before))
                {
                    preceding = c;
                }
            }
            else
            {
                following ??= c;
            }
        }
        return preceding ?? following;
    }

    private Cluster? FindLeader(string? affiliationCode, string? country, int before)
    {
        Cluster? best = null;
        var bestPosition = -1;
        foreach (var c in _clusters)
        {
            if (c.Kind != ClusterKind.Person || !c.Confirmed || c.RoleEntry is null || !c.RoleEntry.IsTitle
                || c.Role?.StartsWith("former", StringComparison.Ordinal) == true)
            {
                continue;
            }
            if (country is not null ? c.Country != country : affiliationCode is not null && c.Code?.StartsWith(affiliationCode, StringComparison.Ordinal) != true)
            {
                continue;
            }
            var position = c.FirstTokenBefore(before);
            if (position > bestPosition)
            {
                best = c;
                bestPosition = position;
            }
        }
        return best;
    }

    // ---- pronouns ----------------------------------------------------------------------------

    private void LinkPronouns()
    {
        var people = new List<(MentionRef Mention, Cluster Cluster)>();
        foreach (var c in _clusters)
        {
            if (c.Kind == ClusterKind.Person && c.Confirmed)
            {
                foreach (var m in c.Mentions)
                {
                    people.Add((m, c));
                }
            }
        }
        if (people.Count == 0)
        {
            return;
        }
        people.Sort(static (a, b) => a.Mention.FirstToken.CompareTo(b.Mention.FirstToken));
        var next = 0;
        // Salience histories, latest last: subjects inside and outside quotations, and mentions of any kind.
        var quotedSubjects = new List<Cluster>();
        var plainSubjects = new List<Cluster>();
        var anyMentions = new List<Cluster>();
        var sameSentence = new List<(int Token, Cluster Cluster, bool Subject)>();
        var currentSentence = -1;
        for (var i = 0; i < _tokens.Length; i++)
        {
            if (_sentenceOf[i] != currentSentence)
            {
                currentSentence = _sentenceOf[i];
                sameSentence.Clear();
            }
            while (next < people.Count && people[next].Mention.FirstToken <= i)
            {
                var (m, c) = people[next++];
                if (m.FirstToken != i)
                {
                    continue;
                }
                var subject = IsSubject(m);
                sameSentence.Add((i, c, subject));
                anyMentions.Add(c);
                if (subject)
                {
                    (_quoted[m.HeadToken] ? quotedSubjects : plainSubjects).Add(c);
                }
            }
            if (_removed[i] || _used[i])
            {
                continue;
            }
            var pronoun = TokenText(i);
            var gender = pronoun switch
            {
                "he" or "He" or "his" or "His" or "him" => 'm',
                "she" or "She" or "her" or "Her" => 'f',
                _ => '\0',
            };
            if (gender == '\0')
            {
                continue;
            }
            var isSubjectPronoun = pronoun is "he" or "He" or "she" or "She";
            Cluster? antecedent = null;
            for (var s = sameSentence.Count - 1; s >= 0 && antecedent is null; s--)
            {
                // Outside quotation marks a pronoun ("she said") does not reach into the quotation
                // before it: the people quoted are talked about, not talking.
                if (sameSentence[s].Subject && (_quoted[i] || !_quoted[sameSentence[s].Token])
                    && Agrees(sameSentence[s].Cluster, gender))
                {
                    antecedent = sameSentence[s].Cluster;
                }
            }
            antecedent ??= _quoted[i]
                ? Latest(quotedSubjects, gender) ?? Latest(plainSubjects, gender) ?? Latest(anyMentions, gender)
                : Latest(plainSubjects, gender) ?? Latest(quotedSubjects, gender) ?? Latest(anyMentions, gender);
            if (antecedent is null)
            {
                continue;
            }
            antecedent.Add(MakeMention(i, i + 1));
            // The only gender evidence used is the pronouns the article itself uses for a person.
            antecedent.Gender = gender;
            if (!isSubjectPronoun)
            {
                // Possessive and object forms follow salience but do not change it.
                continue;
            }
            sameSentence.Add((i, antecedent, true));
            (_quoted[i] ? quotedSubjects : plainSubjects).Add(antecedent);
        }
    }

    private static bool Agrees(Cluster cluster, char gender) => cluster.Gender == '\0' || cluster.Gender == gender;

    private static Cluster? Latest(List<Cluster> history, char gender)
    {
        for (var k = history.Count - 1; k >= 0; k--)
        {
            if (Agrees(history[k], gender))
            {
                return history[k];
            }
        }
        return null;
    }

    private bool IsSubject(MentionRef mention)
    {
        var head = mention.HeadToken;
        if (_hasDependencies)
        {
            // The syntactic head: UD heads a name at its first word ("Ingrid" of "Ingrid Dahl").
            for (var k = mention.FirstToken; k < mention.EndToken; k++)
            {
                var h = _doc.Analyses[k].Head;
                if (h < mention.FirstToken || h >= mention.EndToken)
                {
                    head = k;
                    break;
                }
            }
            // A name under its title ("Minister" ← flat "Ingrid Dahl") is the subject when the title is.
            for (var step = 0; step < 3 && _doc.Analyses[head].Relation is "flat" or "flat:name" or "compound" or "appos"
                && _doc.Analyses[head].Head >= 0; step++)
            {
                head = _doc.Analyses[head].Head;
            }
            return _doc.Analyses[head].Relation.StartsWith("nsubj", StringComparison.Ordinal);
        }
        if (!_hasTags)
        {
            // Without tags, a name after a preposition ("met with Macron") is taken as no subject.
            return mention.FirstToken == 0 || !Prepositions.Contains(TokenText(mention.FirstToken - 1).ToString());
        }
        for (var k = mention.EndToken; k < _tokens.Length && k < mention.EndToken + 4; k++)
        {
            var upos = _doc.Analyses[k].Upos;
            if (upos is "VERB" or "AUX")
            {
                return true;
            }
            if (upos is not ("PUNCT" or "ADV"))
            {
                return false;
            }
        }
        return false;
    }

    // ---- output ------------------------------------------------------------------------------

    private ActorResolution Emit()
    {
        var kept = new List<Cluster>();
        foreach (var c in _clusters)
        {
            if (c.Mentions.Count > 0 && (c.Kind != ClusterKind.Person || c.Confirmed || c.Code is not null))
            {
                kept.Add(c);
            }
        }
        foreach (var c in kept)
        {
            c.Mentions.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
            for (var i = c.Mentions.Count - 1; i > 0; i--)
            {
                if (c.Mentions[i].Start == c.Mentions[i - 1].Start && c.Mentions[i].End == c.Mentions[i - 1].End)
                {
                    c.Mentions.RemoveAt(i);
                }
            }
        }
        kept.Sort(static (a, b) => a.Mentions[0].Start.CompareTo(b.Mentions[0].Start));
        var actors = new List<Actor>(kept.Count);
        var facts = new List<PersonFact>();
        var statedSpans = new List<TextSpan>();
        var knowledgeSpans = new List<TextSpan>();
        for (var i = 0; i < kept.Count; i++)
        {
            var c = kept[i];
            var mentions = new List<Mention>(c.Mentions.Count);
            foreach (var m in c.Mentions)
            {
                mentions.Add(new Mention(m.Start, m.End, _text[m.Start..m.End]));
            }
            actors.Add(new Actor
            {
                Id = "a" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Name = c.Name,
                Code = c.Code,
                Country = c.Country,
                Sector = c.Sector,
                Role = c.Role,
                Organization = c.Organization,
                Mentions = mentions,
            });
            if (c.Kind == ClusterKind.Person && c.HasStatedRole && !c.FromKnowledge && c.WordCount > 1 && c.Code is not null && c.StatedAt is { } at
                && _date is { } day)
            {
                facts.Add(new PersonFact
                {
                    Name = c.Name,
                    Country = c.Country,
                    Sector = c.Sector,
                    Role = c.Role,
                    Organization = c.Organization,
                    Code = c.Code,
                    FirstSeen = day,
                    LastSeen = day,
                    Evidence = _doc.Id,
                });
                statedSpans.Add(new TextSpan(at.Start, at.End));
            }
            if (c.FromKnowledge)
            {
                knowledgeSpans.Add(new TextSpan(c.Mentions[0].Start, c.Mentions[0].End));
            }
        }
        return new ActorResolution(actors, facts, statedSpans, knowledgeSpans) { PeopleMatches = PeopleMatches(kept) };
    }

    // ---- small utilities ---------------------------------------------------------------------

    private ReadOnlySpan<char> TokenText(int i) => _text.AsSpan(_tokens[i].Start, _tokens[i].Length);

    private string Slice(int firstToken, int endToken) => _text[_tokens[firstToken].Start.._tokens[endToken - 1].End];

    private string NameKey(int start, int end) => LexiconText.NormalizePhrase(Slice(start, end));

    private static string SurnameOf(string key)
    {
        var space = key.LastIndexOf(' ');
        return space < 0 ? key : key[(space + 1)..];
    }

    private static string FirstNameOf(string key)
    {
        var space = key.IndexOf(' ');
        return space < 0 ? key : key[..space];
    }

    private static string RoleKey(string role) => LexiconText.NormalizePhrase(role.Replace('-', ' '));

    private bool IsPossessive(int i) => TokenText(i) is "'s" or "\u2019s" or "'" or "\u2019";

    private bool IsPossessiveOrPunctuation(int i) => IsPossessive(i) || TokenText(i) is "," or "." or "]" or ")";

    private bool IsAnyRemoved(int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            if (_removed[k])
            {
                return true;
            }
        }
        return false;
    }

    private bool IsUsed(int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            if (_used[k])
            {
                return true;
            }
        }
        return false;
    }

    private void MarkUsed(int start, int end)
    {
        for (var k = Math.Max(0, start); k < end && k < _tokens.Length; k++)
        {
            _used[k] = true;
        }
    }

    private Phrase? PhraseEndingAt(int end)
    {
        if (end <= 0 || _phraseOf[end - 1] < 0)
        {
            return null;
        }
        var p = _phrases[_phraseOf[end - 1]];
        return p.End == end ? p : null;
    }

    /// <summary>The lexicon phrase that starts at <paramref name="k"/>, or after a determiner there ("the Czech Republic" may be stored with or without its article).</summary>
    private Phrase? PhraseAtNounPhrase(int k)
    {
        if (k >= _tokens.Length)
        {
            return null;
        }
        if (_phraseOf[k] >= 0 && _phrases[_phraseOf[k]].Start == k)
        {
            return _phrases[_phraseOf[k]];
        }
        var after = SkipDeterminer(k);
        return after != k && after < _tokens.Length && _phraseOf[after] >= 0 && _phrases[_phraseOf[after]].Start == after
            ? _phrases[_phraseOf[after]]
            : null;
    }

    private int SkipDeterminer(int k) => k < _tokens.Length && Determiners.Contains(TokenText(k).ToString()) ? k + 1 : k;

    private int SkipDeterminerBack(int k) => k > 0 && Determiners.Contains(TokenText(k - 1).ToString()) ? k - 1 : k;

    private bool StartsName(int k) => k < _tokens.Length && IsCapitalised(k) && _phraseOf[k] < 0
        && (!_hasTags || _doc.Analyses[k].Upos == "PROPN");

    private static readonly HashSet<string> InstitutionSectors = new(StringComparer.Ordinal) { "JUD", "COP", "LEG", "GOV", "MIL" };

    // A sector's body named in the singular: a court, the police, the parliament, the army.
    private bool IsInstitution(Phrase phrase) =>
        phrase.Agent!.CodeOn(null) is { } code && InstitutionSectors.Contains(code)
        && (!IsPlural(phrase) || TokenText(phrase.End - 1) is "police" or "Police");

    private bool IsPlural(Phrase phrase)
    {
        var last = phrase.End - 1;
        if (_hasTags)
        {
            return _doc.Analyses[last].Xpos is "NNS" or "NNPS";
        }
        var t = TokenText(last);
        return t.Length > 3 && t[^1] == 's' && t[^2] != 's';
    }

    private MentionRef MakeMention(int firstToken, int endToken)
    {
        var head = endToken - 1;
        while (head > firstToken && TokenText(head) is "]" or ")" or "'s" or "\u2019s")
        {
            head--;
        }
        return new MentionRef(_tokens[firstToken].Start, _tokens[endToken - 1].End, firstToken, endToken, head);
    }

    // ---- working types -----------------------------------------------------------------------

    private sealed record Phrase(int Start, int End, ActorEntry? Actor, ActorEntry? Agent, ActorEntry? Person, bool Discard);

    private readonly record struct NameSpan(int Start, int End, EntityType? Type, bool FromEntities);

    private sealed record RoleStatement(
        string Text, ActorEntry Entry, string? Code, string? Country, string? Organization, bool Former, int UsedStart, int UsedEnd)
    {
        public int ReferenceStart { get; init; } = -1;
        public int ReferenceEnd { get; init; } = -1;
        public string? ReferenceRole { get; init; }
        public string? ReferenceName { get; init; }
    }

    private sealed record PersonRef(Cluster Dependent, int Start, int End, string? Role, string? Name);

    private enum ClusterKind
    {
        Person,
        Lexicon,
        Collective,
        Unknown,
    }

    private sealed class Cluster(ClusterKind kind)
    {
        public ClusterKind Kind { get; } = kind;
        public string Name { get; set; } = "";
        public string FullKey { get; set; } = "";
        public int WordCount { get; set; }
        public bool Confirmed { get; set; }
        public bool NamedByEntities { get; set; }
        public bool HasStatedRole { get; set; }
        public bool FromKnowledge { get; set; }
        public bool FromLexicon { get; set; }
        public char Gender { get; set; }
        public MentionRef? StatedAt { get; set; }
        public string? Code { get; private set; }
        public string? Country { get; private set; }
        public string? Sector { get; private set; }
        public string? Role { get; set; }
        public string? RoleKey { get; set; }
        public ActorEntry? RoleEntry { get; set; }
        public string? Organization { get; set; }
        public List<MentionRef> Mentions { get; } = [];

        public void Add(MentionRef mention) => Mentions.Add(mention);

        public void SetCode(string? code, string? sector, string? country)
        {
            Code = code;
            Sector = sector ?? CameoCodes.SectorOf(code);
            Country = country ?? CameoCodes.CountryOf(code);
        }

        public void Absorb(Cluster other)
        {
            Mentions.AddRange(other.Mentions);
            Confirmed |= other.Confirmed;
            NamedByEntities |= other.NamedByEntities;
        }

        public void CopyRole(Cluster other)
        {
            Role = other.Role;
            RoleKey = other.RoleKey;
            RoleEntry = other.RoleEntry;
            Organization = other.Organization;
            HasStatedRole = other.HasStatedRole;
            StatedAt = other.StatedAt;
            Code = other.Code;
            Country = other.Country;
            Sector = other.Sector;
        }

        /// <summary>The first token of the latest mention before <paramref name="token"/>, or -1.</summary>
        public int FirstTokenBefore(int token)
        {
            var best = -1;
            foreach (var m in Mentions)
            {
                if (m.FirstToken < token && m.FirstToken > best)
                {
                    best = m.FirstToken;
                }
            }
            return best;
        }
    }

    private sealed record MentionRef(int Start, int End, int FirstToken, int EndToken, int HeadToken);
}
