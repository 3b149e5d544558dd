using System.Collections.Frozen;
using Parley.Diagnostics;
using Parley.Model;
using Parley.Processing;

namespace Parley.Places;

/// <summary>
/// Finds place names in a document and resolves each to one <see cref="Gazetteer"/> entry. Mentions come
/// from gazetteer matches over capitalised token runs (longest first) and from the entity recogniser's
/// location spans when there are any; names inside organisation names ("University of Texas", "the
/// Kenya mission"), parts of personal names, demonyms and common words without locative evidence are
/// left out, as is anything in a removed span. Each name is then resolved once per document, weighing
/// population and kind against the countries and subdivisions of the other places in the article, an
/// adjoining "Paris, Texas" container, and type cues ("the city of …", "… province"). Mentions resolved
/// to the same entry merge into one <see cref="Place"/>.
/// </summary>
public sealed class GazetteerGeocoder : IStage
{
    /// <summary>The stage's versioned name.</summary>
    public const string StageName = "places.gazetteer.v1";

    // Longest name, in tokens, that is tried ("Democratic Republic of the Congo" tokenises to 5).
    private const int MaxNameTokens = 6;
    // Names with so many candidates are resolved among the most populous only.
    private const int MaxCandidates = 64;
    // A place this large is taken on its own even when its name is also an English word.
    private const long ProminentPopulation = 1_000_000;

    private static readonly FrozenSet<string> LocativeWords = Words(
        "in", "at", "near", "from", "outside", "across", "around", "into", "to", "toward", "towards", "throughout",
        "within", "between", "via", "through", "inside", "of", "nearby");

    // Capitalised words that may stand before a place name without making it part of another name.
    private static readonly FrozenSet<string> Qualifiers = Words(
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "greater", "upper",
        "lower", "inner", "outer", "mainland", "metropolitan", "downtown", "rural", "coastal", "northeastern",
        "northwestern", "southeastern", "southwestern", "northeast", "northwest", "southeast", "southwest",
        "occupied", "war-torn", "mid");

    // Titles before a personal name ("President Obama", "Dr. Wallerstein", "Secretary Duque").
    private static readonly FrozenSet<string> TitleWords = Words(
        "mr", "mrs", "ms", "dr", "prof", "sen", "senator", "rep", "representative", "president", "minister", "secretary",
        "judge", "justice", "general", "gen", "colonel", "col", "captain", "capt", "lieutenant", "lt", "sergeant", "sgt",
        "officer", "detective", "father", "rev", "reverend", "sir", "lady", "lord", "dame", "king", "queen", "prince",
        "princess", "pope", "chancellor", "premier", "governor", "gov", "mayor", "chairman", "chairwoman", "chief",
        "director", "spokesman", "spokeswoman", "professor", "doctor", "sister", "brother", "bishop", "archbishop",
        "imam", "sheikh", "ayatollah", "mullah", "emir", "sultan", "nurse", "coach", "ambassador", "commissioner");

    // Words after a place name that make it part of an organisation's name; the diplomatic ones count in
    // lower case too ("the Kenya mission"), the rest only capitalised ("Manchester United").
    private static readonly FrozenSet<string> DiplomaticFollowers = Words("mission", "embassy", "consulate", "delegation");
    private static readonly FrozenSet<string> OrganisationFollowers = Words(
        "mission", "embassy", "consulate", "delegation", "ministry", "department", "university", "college", "institute",
        "bank", "airlines", "airways", "times", "post", "tribune", "journal", "herald", "gazette", "chronicle",
        "telegraph", "observer", "globe", "daily", "fc", "united", "city", "rovers", "wanderers", "rangers", "stock",
        "exchange", "symphony", "philharmonic", "zoo", "corporation", "company", "group", "inc", "ltd", "club",
        "football", "cricket", "rugby", "school", "academy", "hospital", "clinic", "museum", "league", "association",
        "federation", "council", "party");

    // Heads of organisation names that take "of PLACE" ("Bank of England", "University of Texas").
    private static readonly FrozenSet<string> OrganisationHeads = Words(
        "university", "college", "bank", "institute", "museum", "school", "academy", "church", "council", "court",
        "society", "association", "federation", "club", "company", "corporation", "party", "foundation", "agency",
        "commission", "committee", "ministry", "department", "embassy", "mission", "hospital", "library", "duke",
        "duchess", "prince", "princess", "earl", "archbishop", "bishop", "orchestra", "polytechnic", "conservatory",
        "institution", "authority", "board", "office", "centre", "center", "press");

    // Words that may follow a small place whose name is also a first name without making it one
    // ("Jackson Mayor …" is rare, "Jackson Browne" common).
    private static readonly FrozenSet<string> PlaceFollowers = Words(
        "mayor", "governor", "police", "province", "region", "county", "state", "oblast", "district", "airport",
        "council", "municipality", "bay", "river", "valley", "harbour", "harbor", "port", "area");

    // Capitalised words after a name that make the whole a different, larger feature ("Scott County",
    // "Nyanza Province", "Piccadilly Circus") when the name itself is not a subdivision or region.
    private static readonly FrozenSet<string> FeatureWords = Words(
        "county", "province", "district", "region", "state", "island", "islands", "river", "lake", "mountains",
        "mountain", "valley", "peninsula", "desert", "sea", "bay", "park", "street", "road", "avenue", "square",
        "bridge", "circus", "forest", "canyon", "parish", "borough", "township", "heights", "falls");

    private static readonly FrozenSet<string> CalendarWords = Words(
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "christmas", "easter",
        "thanksgiving", "halloween", "ramadan", "eid", "hanukkah", "diwali");

    private static readonly FrozenSet<string> CityCueBefore = Words("city", "town", "village", "port", "capital", "municipality", "suburb", "hamlet", "township");
    private static readonly FrozenSet<string> AdminCueBefore = Words("state", "province", "region", "oblast", "county", "prefecture", "governorate", "district", "territory", "island");
    private static readonly FrozenSet<string> CityCueAfter = Words("city", "town", "village", "municipality", "township");
    private static readonly FrozenSet<string> AdminCueAfter = Words("province", "state", "region", "oblast", "county", "governorate", "prefecture", "district", "territory", "krai", "republic");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Locative = LocativeWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Qualifier = Qualifiers.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Diplomatic = DiplomaticFollowers.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OrgFollower = OrganisationFollowers.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OrgHead = OrganisationHeads.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlaceFollower = PlaceFollowers.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Title = TitleWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Feature = FeatureWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Calendar = CalendarWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CityBefore = CityCueBefore.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AdminBefore = AdminCueBefore.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CityAfter = CityCueAfter.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AdminAfter = AdminCueAfter.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly Gazetteer _gazetteer;

    /// <summary>Creates the stage over a loaded gazetteer (shared, read-only).</summary>
    public GazetteerGeocoder(Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        _gazetteer = gazetteer;
    }

    /// <summary>The gazetteer the stage resolves against.</summary>
    public Gazetteer Gazetteer => _gazetteer;

    /// <inheritdoc />
    public string Name => StageName;

    /// <inheritdoc />
    public Layers Requires => Layers.Tokens | Layers.Sentences;

    /// <inheritdoc />
    public Layers Provides => Layers.Places;

    /// <inheritdoc />
    public void Process(Document document, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        var entityTypes = EntityTypesByToken(document);
        var mentions = new List<RawMention>();
        foreach (var sentence in document.Sentences)
        {
            FindMentions(document, sentence, entityTypes, mentions);
        }
        LinkContainers(document, mentions);
        var accepted = Filter(document, entityTypes, mentions);
        ReportUnknownLocations(document, context, accepted);
        if (accepted.Count > 0)
        {
            Resolve(document, context, accepted);
        }
        document.AddLayers(Layers.Places);
    }

    // ---- finding ------------------------------------------------------------------------------

    private void FindMentions(Document document, Sentence sentence, byte[]? entityTypes, List<RawMention> mentions)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        var fold = _gazetteer.Fold;
        var i = sentence.FirstToken;
        while (i < sentence.EndToken)
        {
            var token = tokens[i];
            var first = text[token.Start];
            var inLocation = entityTypes is not null && entityTypes[i] == (byte)EntityType.Location + 1;
            // "south Sudan", "northern Nigeria": a lower-case compass word describes a part of the place that
            // follows; it does not start the name of another one ("South Sudan").
            if ((!char.IsUpper(first) && (!inLocation || Qualifier.Contains(text.AsSpan(token.Start, token.Length))))
                || IsWord(document, i, "the"))
            {
                i++;
                continue;
            }
            var key = NameKey.Create();
            var bestEnd = -1;
            var best = default(ArraySegment<int>);
            ulong bestKey = 0;
            var limit = Math.Min(sentence.EndToken, i + MaxNameTokens);
            for (var j = i; j < limit; j++)
            {
                var part = text.AsSpan(tokens[j].Start, tokens[j].Length);
                var hasContent = HasLetterOrDigit(part);
                if (!hasContent && !IsJoiner(part))
                {
                    break;
                }
                if (j > i)
                {
                    key.Separate();
                }
                key.Append(part, fold);
                if (!hasContent)
                {
                    continue;
                }
                var found = _gazetteer.Find(key.Hash);
                if (found.Count > 0)
                {
                    best = found;
                    bestEnd = j + 1;
                    bestKey = key.Hash;
                }
            }
            var end = bestEnd < 0 ? -1 : tokens[bestEnd - 1].End;
            if (best.Count == 0)
            {
                // "Sydney-based", "Australia-wide": a name before a hyphen inside one token.
                var hyphen = text.AsSpan(token.Start, token.Length).IndexOf('-');
                if (hyphen > 1 && hyphen + 1 < token.Length && char.IsLower(text[token.Start + hyphen + 1]))
                {
                    var prefix = NameKey.Create();
                    prefix.Append(text.AsSpan(token.Start, hyphen), fold);
                    best = _gazetteer.Find(prefix.Hash);
                    bestEnd = i + 1;
                    bestKey = prefix.Hash;
                    end = token.Start + hyphen;
                }
            }
            if (best.Count == 0)
            {
                i++;
                continue;
            }
            mentions.Add(new RawMention
            {
                FirstToken = i,
                EndToken = bestEnd,
                Start = tokens[i].Start,
                End = end,
                Key = bestKey,
                Candidates = best,
                SentenceStart = sentence.FirstToken,
                SentenceEnd = sentence.EndToken,
                InLocation = inLocation,
                Container = -1,
            });
            i = bestEnd;
        }
    }

    // "Paris, Texas": a place followed by a comma and a larger place lies inside it.
    private static void LinkContainers(Document document, List<RawMention> mentions)
    {
        for (var m = 0; m + 1 < mentions.Count; m++)
        {
            var next = mentions[m + 1];
            var between = mentions[m].EndToken;
            if (next.FirstToken == between + 1 && between < next.SentenceEnd && IsWord(document, between, ","))
            {
                var mention = mentions[m];
                mention.Container = m + 1;
                mentions[m] = mention;
            }
        }
        // "Ohio, Iowa, Utah, Nevada and Oregon", "Georgia, Maryland and
        // Kansas": a comma chain of four places, or one closed by "and" and a further place, is a list,
        // in which no place lies inside the next. "Guelph, Ontario, Canada" stays a chain of containers.
        for (var first = 0; first < mentions.Count;)
        {
            var last = first;
            while (mentions[last].Container == last + 1)
            {
                last++;
            }
            var items = last - first + 1;
            if (items >= 2 && last + 1 < mentions.Count && mentions[last + 1].Container < 0
                && IsConjunctionBetween(document, mentions[last], mentions[last + 1]))
            {
                items++;
            }
            if (items >= 4 || (items == 3 && last - first + 1 == 2))
            {
                for (var m = first; m <= last; m++)
                {
                    var mention = mentions[m];
                    mention.InList = true;
                    mentions[m] = mention;
                }
            }
            first = last + 1;
        }
    }

    // "Ohio and Texas", "Ohio, and Texas", "Ohio or Texas" within one sentence.
    private static bool IsConjunctionBetween(Document document, RawMention left, RawMention right)
    {
        var t = left.EndToken;
        if (t < left.SentenceEnd && IsWord(document, t, ","))
        {
            t++;
        }
        return t + 1 == right.FirstToken && t < left.SentenceEnd && (IsWord(document, t, "and") || IsWord(document, t, "or"));
    }

    // ---- filtering ------------------------------------------------------------------------------

    private List<RawMention> Filter(Document document, byte[]? entityTypes, List<RawMention> mentions)
    {
        // Names with evidence in one mention are taken in all of them: one sense per article.
        var evidenced = new HashSet<ulong>();
        // Names seen as part of a personal name ("Michael Dunn") are not places elsewhere in the
        // article either ("Dunn said").
        var nameParts = new HashSet<ulong>();
        for (var m = 0; m < mentions.Count; m++)
        {
            // Only for towns: "Taco Bell Canada" does not make "in Canada" a name part.
            if (!mentions[m].InLocation && !IsProminent(mentions[m]) && IsPartOfOtherName(document, mentions[m]))
            {
                nameParts.Add(mentions[m].Key);
            }
        }
        var keep = new bool[mentions.Count];
        var pending = new List<int>();
        for (var m = 0; m < mentions.Count; m++)
        {
            var mention = mentions[m];
            if (document.IsRemoved(new TextSpan(mention.Start, mention.End))
                || (OverlapsOtherEntity(entityTypes, mention) && !IsWholeEntityNamingCountry(document, mention))
                || IsInOrganisationName(document, mention)
                || IsPartOfHyphenatedName(document, mentions, m)
                || (!mention.InLocation && nameParts.Contains(mention.Key))
                || ((!mention.InLocation || OnlyMinorTowns(mention)) && IsPartOfOtherName(document, mention))
                || ((!mention.InLocation || OnlyMinorTowns(mention)) && IsNotAPlaceName(document, mention)))
            {
                continue;
            }
            var evidence = mention.InLocation || HasLocativeEvidence(document, m, mentions);
            if (evidence)
            {
                evidenced.Add(mention.Key);
                keep[m] = true;
            }
            else if (NeedsEvidence(document, mention))
            {
                pending.Add(m);
            }
            else
            {
                keep[m] = true;
            }
        }
        foreach (var m in pending)
        {
            keep[m] = evidenced.Contains(mentions[m].Key);
        }
        var accepted = new List<RawMention>(mentions.Count);
        for (var m = 0; m < mentions.Count; m++)
        {
            if (keep[m])
            {
                accepted.Add(mentions[m]);
            }
        }
        // Container links point into the unfiltered list; re-point them.
        var newIndex = new int[mentions.Count];
        var n = 0;
        for (var m = 0; m < mentions.Count; m++)
        {
            newIndex[m] = keep[m] ? n++ : -1;
        }
        for (var a = 0; a < accepted.Count; a++)
        {
            var mention = accepted[a];
            if (mention.Container >= 0)
            {
                mention.Container = newIndex[mention.Container];
                accepted[a] = mention;
            }
        }
        return accepted;
    }

    private static bool OverlapsOtherEntity(byte[]? entityTypes, RawMention mention)
    {
        if (entityTypes is null)
        {
            return false;
        }
        for (var t = mention.FirstToken; t < mention.EndToken; t++)
        {
            if (entityTypes[t] is (byte)EntityType.Person + 1 or (byte)EntityType.Organization + 1)
            {
                return true;
            }
        }
        return false;
    }

    // A country or state named alone is a place even when the recogniser calls it an organisation or a
    // person ("officials from the DRC", "Georgia's parliament", "the Czech Republic said"); the
    // organisation-name rules below still leave out "the Kenya mission".
    private bool IsWholeEntityNamingCountry(Document document, RawMention mention)
    {
        var largerReading = false;
        foreach (var index in mention.Candidates)
        {
            if (_gazetteer[index].Kind is PlaceKinds.Country or PlaceKinds.Admin1)
            {
                largerReading = true;
                break;
            }
        }
        if (!largerReading)
        {
            return false;
        }
        foreach (var entity in document.Entities)
        {
            if (entity.FirstToken < mention.EndToken && mention.FirstToken < entity.FirstToken + entity.TokenCount)
            {
                var first = entity.FirstToken;
                // "the Czech Republic": a leading article does not make the span longer than the name.
                if (first + 1 == mention.FirstToken && IsWord(document, first, "the"))
                {
                    first++;
                }
                if (first != mention.FirstToken || entity.FirstToken + entity.TokenCount != mention.EndToken)
                {
                    return false;
                }
            }
        }
        return true;
    }

    // "Saxony-Anhalt", "KwaZulu-Natal": a name joined by a hyphen, with no space, to a capitalised word that
    // names no place is one part of a longer name the gazetteer lacks. Two places so joined stay places
    // ("the Israel-Gaza border", "Austria-Hungary").
    private static bool IsPartOfHyphenatedName(Document document, List<RawMention> mentions, int m)
    {
        var mention = mentions[m];
        var tokens = document.Tokens;
        var before = mention.FirstToken - 2;
        if (before >= mention.SentenceStart && IsGluedHyphen(document, before + 1)
            && char.IsUpper(document.Text[tokens[before].Start])
            && (m == 0 || mentions[m - 1].EndToken != before + 1))
        {
            return true;
        }
        var after = mention.EndToken + 1;
        return after < mention.SentenceEnd && mention.End == tokens[mention.EndToken - 1].End
            && IsGluedHyphen(document, mention.EndToken) && char.IsUpper(document.Text[tokens[after].Start])
            && (m + 1 == mentions.Count || mentions[m + 1].FirstToken != after);
    }

    // A hyphen token touching the tokens on both sides.
    private static bool IsGluedHyphen(Document document, int token)
    {
        var tokens = document.Tokens;
        return token > 0 && token + 1 < tokens.Length && document.TokenText(token) is "-"
            && tokens[token - 1].End == tokens[token].Start && tokens[token].End == tokens[token + 1].Start;
    }

    private static bool IsInOrganisationName(Document document, RawMention mention)
    {
        // "the Kenya mission", "Czech Republic Permanent Mission", "Bank of England Governor".
        var next = mention.EndToken;
        for (var steps = 0; steps < 2 && next < mention.SentenceEnd; steps++, next++)
        {
            var word = document.TokenText(next);
            if (word.Length == 0)
            {
                break;
            }
            var capitalised = char.IsUpper(word[0]);
            if (Diplomatic.Contains(word) || (capitalised && OrgFollower.Contains(word)))
            {
                return true;
            }
            // Only "Permanent" and the like may stand between the name and the head.
            if (!capitalised || !word.Equals("Permanent", StringComparison.Ordinal))
            {
                break;
            }
        }
        // "University of Georgia", "Institute of Virology": a head of organisation names itself is no town.
        if (mention.EndToken - mention.FirstToken == 1 && mention.EndToken < mention.SentenceEnd
            && IsWord(document, mention.EndToken, "of") && OrgHead.Contains(document.TokenText(mention.FirstToken)))
        {
            return true;
        }
        // "University of Texas", "Bank of England", "Permanent Mission of the Philippines".
        var of = mention.FirstToken - 1;
        if (of - 1 >= mention.SentenceStart && IsWord(document, of, "the"))
        {
            of--;
        }
        if (of - 1 >= mention.SentenceStart && IsWord(document, of, "of"))
        {
            var head = document.TokenText(of - 1);
            if (head.Length > 0 && char.IsUpper(head[0]) && OrgHead.Contains(head))
            {
                return true;
            }
        }
        return false;
    }

    // "Jack London", "Francisco Duque": a capitalised word just before the name, which is not a sentence
    // opener or a qualifier like "Northern", makes the name part of another name.
    private static bool IsPartOfOtherName(Document document, RawMention mention)
    {
        var previous = mention.FirstToken - 1;
        if (previous < mention.SentenceStart)
        {
            return false;
        }
        var word = document.TokenText(previous);
        // "Dr. Wallerstein": a title abbreviation and its full stop.
        if (word.Length == 1 && word[0] == '.' && previous - 1 >= mention.SentenceStart)
        {
            var title = document.TokenText(previous - 1);
            return title.Length > 0 && char.IsUpper(title[0]) && Title.Contains(title);
        }
        if (word.Length > 0 && char.IsUpper(word[0]) && Title.Contains(word))
        {
            return true;
        }
        // "in The Hague": a capitalised article belongs to the place's name, not another one.
        var hyphen = word.IndexOf('-');
        if (word.Length == 0 || !char.IsUpper(word[0]) || Qualifier.Contains(word) || word.Equals("The", StringComparison.Ordinal)
            || (hyphen > 0 && Qualifier.Contains(word[..hyphen])))
        {
            return false;
        }
        // The first word of a sentence is capitalised anyway: "Later Kyiv …", "Officials …".
        if (previous == mention.SentenceStart || IsOpeningQuoteBefore(document, previous, mention.SentenceStart))
        {
            return false;
        }
        // All-capital abbreviations before a name ("UN", "EU", "US") make it part of an organisation's
        // name only with an organisation word after it, which IsInOrganisationName checks.
        return !IsAllCapitals(word);
    }

    // Words that look like a place but are not one here: a month, weekday or holiday; a currency; an abbreviation that
    // only a town shares ("UN", "EU"); a town whose name runs on into a larger feature ("Scott County",
    // "West Midlands") or into another name ("Mad Cow", "Abu Shok").
    private bool IsNotAPlaceName(Document document, RawMention mention)
    {
        var text = document.Text.AsSpan(mention.Start, mention.End - mention.Start);
        if (mention.EndToken - mention.FirstToken == 1 && Calendar.Contains(text))
        {
            return true;
        }
        // Currencies: "US$460 million", "$US 1.5 billion", "HK$".
        if ((mention.End < document.Text.Length && document.Text[mention.End] == '$')
            || (mention.Start > 0 && document.Text[mention.Start - 1] == '$'))
        {
            return true;
        }
        var onlyCities = true;
        foreach (var index in mention.Candidates)
        {
            if (_gazetteer[index].Kind != PlaceKinds.City)
            {
                onlyCities = false;
                break;
            }
        }
        if (!onlyCities)
        {
            return false;
        }
        if (IsAllCapitals(text))
        {
            return true;
        }
        if (mention.EndToken >= mention.SentenceEnd || mention.End != document.Tokens[mention.EndToken - 1].End)
        {
            return false;
        }
        var after = document.TokenText(mention.EndToken);
        // "Al-Fashir", "Abu-Dhabi": a hyphen with no space and a capitalised word run the name on.
        if (after is "-" && mention.EndToken + 1 < mention.SentenceEnd
            && document.Tokens[mention.EndToken].Start == mention.End
            && document.Tokens[mention.EndToken + 1].Start == document.Tokens[mention.EndToken].End
            && char.IsUpper(document.Text[document.Tokens[mention.EndToken + 1].Start]))
        {
            return true;
        }
        if (after.Length == 0 || !char.IsUpper(after[0]))
        {
            return false;
        }
        if (Feature.Contains(after))
        {
            return true;
        }
        if (PlaceFollower.Contains(after))
        {
            return false;
        }
        // A capitalised word after a town's name usually continues another name ("Abu Shok",
        // "Paris Hilton", "Buffalo Science Magnet School"); large cities are exempt ("Moscow Metro").
        var flags = _gazetteer.FlagsOf(mention.Key);
        return flags != NameFlags.None || _gazetteer[mention.Candidates[0]].Population < ProminentPopulation;
    }

    private static bool HasLocativeEvidence(Document document, int m, List<RawMention> mentions)
    {
        var mention = mentions[m];
        if (mention.Container >= 0)
        {
            return true;
        }
        var previous = mention.FirstToken - 1;
        if (previous >= mention.SentenceStart)
        {
            var word = document.TokenText(previous);
            if (Locative.Contains(word) && char.IsLower(word[0]))
            {
                return true;
            }
        }
        // The container of a "Town, Container" pair counts as found too.
        return m > 0 && mentions[m - 1].Container == m;
    }

    // Small places named like English words ("Hope", "Reading", "Nice", "Mobile", "White House") or like
    // demonyms ("Chadian") need evidence: a locative word before them, a location span, or a
    // "Town, Container" pair.
    private bool NeedsEvidence(Document document, RawMention mention)
    {
        if (IsProminent(mention))
        {
            return false;
        }
        var word = document.Text.AsSpan(mention.Start, mention.End - mention.Start);
        // "Chadian", "Canadian", "Congolese": demonyms that happen to name a small town somewhere.
        if (mention.EndToken - mention.FirstToken == 1 && LooksLikeDemonym(word))
        {
            return true;
        }
        var flags = _gazetteer.FlagsOf(mention.Key);
        return (flags & NameFlags.CommonWord) != 0;
    }

    // Every reading is a town of under a million people: a recogniser's location span around such a
    // name may be a longer name the gazetteer lacks ("Nueva Ecija", "Kasai Occidental").
    private bool OnlyMinorTowns(RawMention mention)
    {
        foreach (var index in mention.Candidates)
        {
            var entry = _gazetteer[index];
            if (entry.Kind != PlaceKinds.City || entry.Population >= ProminentPopulation)
            {
                return false;
            }
        }
        return true;
    }

    // A country, region or continent, or a place of a million people: a reading strong enough to take
    // without further evidence.
    private bool IsProminent(RawMention mention)
    {
        foreach (var index in mention.Candidates)
        {
            var entry = _gazetteer[index];
            if (entry.Kind is PlaceKinds.Country or PlaceKinds.Region or PlaceKinds.Continent || entry.Population >= ProminentPopulation)
            {
                return true;
            }
        }
        return false;
    }

    // ---- resolving ------------------------------------------------------------------------------

    private void Resolve(Document document, StageContext context, List<RawMention> mentions)
    {
        // One group per distinct name; the group's entry is chosen once for all its mentions.
        var groupOf = new Dictionary<ulong, int>();
        var groups = new List<NameGroup>();
        var mentionGroup = new int[mentions.Count];
        for (var m = 0; m < mentions.Count; m++)
        {
            var mention = mentions[m];
            if (!groupOf.TryGetValue(mention.Key, out var g))
            {
                g = groups.Count;
                groupOf[mention.Key] = g;
                groups.Add(new NameGroup(mention.Candidates, HasLargerReading(mention.Candidates)));
            }
            mentionGroup[m] = g;
            var group = groups[g];
            group.CityCue |= HasCue(document, mention, CityBefore, CityAfter);
            group.AdminCue |= HasCue(document, mention, AdminBefore, AdminAfter);
        }
        for (var m = 0; m < mentions.Count; m++)
        {
            if (mentions[m].Container >= 0 && !mentions[m].InList)
            {
                groups[mentionGroup[m]].Containers.Add(mentionGroup[mentions[m].Container]);
                groups[mentionGroup[mentions[m].Container]].Contents.Add(mentionGroup[m]);
            }
        }

        var chosen = new int[groups.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            chosen[g] = Best(groups, g, chosen, withContext: false);
        }
        // Two rounds of context: each name is re-resolved against the others' current readings.
        for (var round = 0; round < 2; round++)
        {
            var next = new int[groups.Count];
            for (var g = 0; g < groups.Count; g++)
            {
                next[g] = Best(groups, g, chosen, withContext: true);
            }
            chosen = next;
        }

        // Merge mentions by entry, in order of first mention.
        var placeOfEntry = new Dictionary<int, int>();
        var placeEntries = new List<int>();
        var placeMentions = new List<List<Mention>>();
        for (var m = 0; m < mentions.Count; m++)
        {
            var entryIndex = chosen[mentionGroup[m]];
            if (IsOutsideItsContainer(document, mentions, m, mentionGroup, chosen))
            {
                var span = new TextSpan(mentions[m].Start, mentions[m].End);
                context.Warn(DiagnosticCodes.PlaceNotInGazetteer,
                    $"No place named '{document.Slice(span)}' lies in {_gazetteer[chosen[mentionGroup[mentions[m].Container]]].Name}; it is left unresolved.", span);
                continue;
            }
            if (!placeOfEntry.TryGetValue(entryIndex, out var p))
            {
                p = placeEntries.Count;
                placeOfEntry[entryIndex] = p;
                placeEntries.Add(entryIndex);
                placeMentions.Add([]);
            }
            var mention = mentions[m];
            var start = mention.Start;
            var entry = _gazetteer[entryIndex];
            // "The Hague", "The Gambia": the article belongs to the name.
            if (entry.Name.StartsWith("The ", StringComparison.Ordinal) && mention.FirstToken - 1 >= mention.SentenceStart
                && IsWord(document, mention.FirstToken - 1, "the"))
            {
                start = document.Tokens[mention.FirstToken - 1].Start;
            }
            placeMentions[p].Add(new Mention(start, mention.End, document.Text[start..mention.End]));
        }
        var firstId = document.Places.Count + 1;
        for (var p = 0; p < placeEntries.Count; p++)
        {
            var entry = _gazetteer[placeEntries[p]];
            document.Places.Add(new Place
            {
                Id = "p" + (firstId + p).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Name = entry.Name,
                Country = entry.Country,
                Admin1 = entry.Admin1,
                Kind = entry.Kind,
                Lat = entry.Latitude,
                Lon = entry.Longitude,
                GazetteerId = entry.Id,
                Mentions = placeMentions[p],
            });
        }
    }

    // "Marlow Falls, Ontario" when the gazetteer knows no Marlow Falls in Canada: the town is not one of the towns of
    // that name elsewhere. Only a town before a country or a subdivision counts, as "France, Germany" is a
    // list, and not one before a subject ("talks in Geneva, Russia said").
    private bool IsOutsideItsContainer(Document document, List<RawMention> mentions, int m, int[] mentionGroup, int[] chosen)
    {
        var mention = mentions[m];
        if (mention.Container < 0 || mention.InList)
        {
            return false;
        }
        var after = mentions[mention.Container].EndToken;
        if (document.Analyses.Length == document.Tokens.Length && after < mention.SentenceEnd
            && document.Analyses[after].Upos is "VERB" or "AUX")
        {
            return false;
        }
        var outer = _gazetteer[chosen[mentionGroup[mention.Container]]];
        if (outer.Kind is not (PlaceKinds.Country or PlaceKinds.Admin1) || outer.Country is null)
        {
            return false;
        }
        foreach (var index in mention.Candidates)
        {
            var entry = _gazetteer[index];
            if (entry.Kind != PlaceKinds.City || entry.Country == outer.Country)
            {
                return false;
            }
        }
        return true;
    }

    private bool HasLargerReading(ArraySegment<int> candidates)
    {
        foreach (var index in candidates)
        {
            if (_gazetteer[index].Kind is PlaceKinds.Country or PlaceKinds.Admin1)
            {
                return true;
            }
        }
        return false;
    }

    private int Best(List<NameGroup> groups, int g, int[] chosen, bool withContext)
    {
        var group = groups[g];
        var candidates = group.Candidates;
        var count = Math.Min(candidates.Count, MaxCandidates);
        var best = candidates[0];
        var bestScore = double.NegativeInfinity;
        for (var c = 0; c < count; c++)
        {
            var entry = _gazetteer[candidates[c]];
            var score = Prior(entry);
            if (group.CityCue && entry.Kind == PlaceKinds.City)
            {
                score += 2;
            }
            if (group.AdminCue && entry.Kind is PlaceKinds.Admin1 or PlaceKinds.Admin2 or PlaceKinds.Region)
            {
                score += 3;
            }
            if (withContext)
            {
                score += Context(groups, g, entry, chosen);
            }
            // Strictly greater: ties keep the more populous candidate, which comes first.
            if (score > bestScore)
            {
                bestScore = score;
                best = candidates[c];
            }
        }
        return best;
    }

    private double Context(List<NameGroup> groups, int g, GazetteerEntry entry, int[] chosen)
    {
        var sameCountry = 0;
        var countryNamed = false;
        var same = false;
        var contains = false;
        var sibling = false;
        var peerSubdivision = false;
        for (var h = 0; h < groups.Count; h++)
        {
            if (h == g)
            {
                continue;
            }
            var other = _gazetteer[chosen[h]];
            if (entry.Country is null || other.Country != entry.Country)
            {
                continue;
            }
            sameCountry++;
            countryNamed |= other.Kind == PlaceKinds.Country && entry.Kind != PlaceKinds.Country;
            if (other.Index == entry.Index)
            {
                // Another name for the same place ("Kiev" beside "Kyiv").
                same = true;
                continue;
            }
            // Lists of states or provinces: "Ontario, Alberta and Quebec", "Texas and Georgia".
            peerSubdivision |= entry.Kind == PlaceKinds.Admin1 && other.Kind == PlaceKinds.Admin1;
            if (entry.Admin1 is null || other.Admin1 != entry.Admin1)
            {
                continue;
            }
            // A state and a city in it support each other ("Georgia" and "Atlanta"); two towns of one
            // state only a little.
            var entryIsSubdivision = entry.Kind is PlaceKinds.Admin1 or PlaceKinds.Admin2;
            var otherIsSubdivision = other.Kind is PlaceKinds.Admin1 or PlaceKinds.Admin2;
            if (entryIsSubdivision != otherIsSubdivision)
            {
                contains = true;
            }
            else if (!entryIsSubdivision)
            {
                sibling = true;
            }
        }
        // The country named outright counts for more than its towns.
        double score = sameCountry == 0 ? 0 : (countryNamed ? 3 : 2) + (sameCountry >= 3 ? 1 : 0);
        // A name that is also a subdivision or a country ("Oregon", "Indiana", "England") means the
        // larger place unless the text puts it inside another ("Oregon, Ohio"): a small town of that
        // name gets no support from its neighbours.
        var overshadowed = entry.Kind == PlaceKinds.City && entry.Population < ProminentPopulation && groups[g].HasLargerReading;
        if (same || (contains && !overshadowed))
        {
            score += 2.5;
        }
        else if (sibling && !overshadowed)
        {
            score += 1;
        }
        if (peerSubdivision)
        {
            score += 1.5;
        }
        foreach (var container in groups[g].Containers)
        {
            var outer = _gazetteer[chosen[container]];
            if (Contains(outer, entry))
            {
                score += 20;
            }
        }
        // The container's reading is the one that holds the place named before it: "Atlanta, Georgia" is
        // the state, "Tbilisi, Georgia" the country.
        foreach (var content in groups[g].Contents)
        {
            if (Contains(entry, _gazetteer[chosen[content]]))
            {
                score += 20;
            }
        }
        return score;
    }

    private static bool Contains(GazetteerEntry outer, GazetteerEntry inner)
    {
        if (outer.Country is null || outer.Country != inner.Country || outer.Index == inner.Index)
        {
            return false;
        }
        return outer.Kind switch
        {
            PlaceKinds.Country => true,
            PlaceKinds.Admin1 or PlaceKinds.Admin2 => outer.Admin1 is not null && outer.Admin1 == inner.Admin1,
            PlaceKinds.Region => true,
            _ => false,
        };
    }

    // Without context, a name means its most prominent reading: a country before a subdivision of the
    // same name, a capital before a town, a large city before a small one. Subdivision populations are
    // sums over their cities, so they count for less than a city's own.
    private static double Prior(GazetteerEntry entry)
    {
        var population = Math.Log10(entry.Population + 10.0);
        return entry.Kind switch
        {
            PlaceKinds.Country => population + 4,
            PlaceKinds.Admin1 => entry.Population > 0 ? Math.Log10(entry.Population / 10.0 + 10) + 0.5 : 7.0,
            PlaceKinds.Admin2 => entry.Population > 0 ? Math.Log10(entry.Population / 10.0 + 10) : 5.0,
            PlaceKinds.Region => 9,
            PlaceKinds.Continent => 10,
            _ => population + entry.Feature switch
            {
                "PPLC" => 1.5,
                "PPLA" => 0.7,
                "PPLA2" => 0.3,
                _ => 0,
            },
        };
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static void ReportUnknownLocations(Document document, StageContext context, List<RawMention> accepted)
    {
        var m = 0;
        foreach (var entity in document.Entities)
        {
            if (entity.Type != EntityType.Location || document.IsRemoved(entity.Span))
            {
                continue;
            }
            while (m < accepted.Count && accepted[m].End <= entity.Start)
            {
                m++;
            }
            if (m < accepted.Count && accepted[m].Start < entity.End)
            {
                continue;
            }
            context.Warn(DiagnosticCodes.PlaceNotInGazetteer,
                $"The location '{document.Slice(entity.Span)}' matches no gazetteer entry; it is left unresolved.", entity.Span);
        }
    }

    private static bool HasCue(Document document, RawMention mention, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> before,
        FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> after)
    {
        // "the port city of Mombasa", "Bulacan province".
        var of = mention.FirstToken - 1;
        if (of - 1 >= mention.SentenceStart && IsWord(document, of, "of") && before.Contains(document.TokenText(of - 1)))
        {
            return true;
        }
        return mention.EndToken < mention.SentenceEnd && after.Contains(document.TokenText(mention.EndToken));
    }

    private static byte[]? EntityTypesByToken(Document document)
    {
        if (document.Entities.Length == 0)
        {
            return null;
        }
        // 0: no entity; otherwise the EntityType plus one.
        var types = new byte[document.Tokens.Length];
        foreach (var entity in document.Entities)
        {
            var end = Math.Min(entity.FirstToken + entity.TokenCount, types.Length);
            for (var t = entity.FirstToken; t < end; t++)
            {
                types[t] = (byte)(entity.Type + 1);
            }
        }
        return types;
    }

    private static bool IsWord(Document document, int token, string word) =>
        document.TokenText(token).Equals(word, StringComparison.OrdinalIgnoreCase);

    private static bool IsOpeningQuoteBefore(Document document, int token, int sentenceStart)
    {
        var before = token - 1;
        if (before != sentenceStart)
        {
            return false;
        }
        var text = document.TokenText(before);
        return text.Length == 1 && text[0] is '"' or '\u201C' or '\'' or '\u2018' or '(' or '[';
    }

    private static bool HasLetterOrDigit(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }
        return false;
    }

    // Punctuation that may sit inside a name: "Washington , D.C.", "Guinea - Bissau", "Côte d ' Ivoire".
    private static bool IsJoiner(ReadOnlySpan<char> text) =>
        text.Length == 1 && text[0] is ',' or '-' or '\'' or '\u2019' or '.' or '&';

    private static bool IsAllCapitals(ReadOnlySpan<char> word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }
            if (char.IsLetter(c))
            {
                letters++;
            }
        }
        return letters > 1;
    }

    private static bool LooksLikeDemonym(ReadOnlySpan<char> word) =>
        word.EndsWith("ian", StringComparison.Ordinal) || word.EndsWith("ean", StringComparison.Ordinal)
        || word.EndsWith("ese", StringComparison.Ordinal) || word.EndsWith("ish", StringComparison.Ordinal);

    private static FrozenSet<string> Words(params string[] words) => words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private struct RawMention
    {
        public int FirstToken;
        public int EndToken;
        public int Start;
        public int End;
        public ulong Key;
        public ArraySegment<int> Candidates;
        public int SentenceStart;
        public int SentenceEnd;
        public bool InLocation;
        // Index of the mention this one lies in ("Paris" in "Paris, Texas"), or -1.
        public int Container;
        // The comma after the mention separates items of a list, not a place from its container.
        public bool InList;
    }

    private sealed class NameGroup(ArraySegment<int> candidates, bool hasLargerReading)
    {
        public ArraySegment<int> Candidates { get; } = candidates;
        // Some reading is a country or a first-level subdivision.
        public bool HasLargerReading { get; } = hasLargerReading;
        public List<int> Containers { get; } = [];
        // Groups named just before this one as lying inside it ("Atlanta" for "Georgia" in "Atlanta, Georgia").
        public List<int> Contents { get; } = [];
        public bool CityCue { get; set; }
        public bool AdminCue { get; set; }
    }
}
