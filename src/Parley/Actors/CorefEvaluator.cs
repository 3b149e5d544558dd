using System.Text;
using Parley.Model;
using Parley.Processing;
using Parley.Syntax;

namespace Parley.Actors;

/// <summary>
/// Scores an <see cref="ActorResolver"/> against CoNLL-U files with CorefUD entity annotation
/// (the GUM corpus's <c>Entity=</c> values in MISC): how its actor mentions cluster compared with
/// the gold person and organisation chains (MUC and B³), and whether country and city names get
/// the right country.
/// </summary>
/// <remarks>
/// <para>Input: gold words, sentences, paragraphs, tags and trees from the files; the stages given
/// (none by default) run next, so an entity recogniser adds entities and a tagger or parser may
/// replace the gold analyses with its own. Matching always uses the gold trees. The person
/// knowledge base is empty.</para>
/// <para>Matching: a system mention matches the gold mention with the same syntactic head (the
/// word of the span whose gold head lies outside it). Key: gold mentions of type person or
/// organisation. Response: system mentions that match one of them, plus system mentions that
/// match no gold mention at all (spurious); system mentions that match a gold mention of another
/// type (a country annotated as a place) are left out of this comparison. MUC and B³ are computed
/// over these two sets (an unmatched mention of an actor coded as a bare country or region, such
/// as <c>GRC</c> for "Greek", is a place in GUM's terms and stays out); a key mention missing from the response counts as a singleton there, and
/// the other way round. "Named" repeats the comparison on the gold chains that carry a Wikipedia
/// identity, with the response restricted to system clusters that touch such a chain.</para>
/// <para>Places: each gold place mention whose identity the caller's table maps to a country,
/// and whose head is a proper noun, is coded by the lexicon (the first lexicon phrase inside the
/// mention that has a country) and compared with the table; separately, when a resolved actor has
/// a mention with the same head, that actor's country is compared.</para>
/// </remarks>
public sealed class CorefEvaluator
{
    private readonly ActorResolver _resolver;
    private readonly IReadOnlyDictionary<string, (string Kind, string Country)> _places;
    private readonly IReadOnlyList<IStage> _stages;

    /// <summary>
    /// Creates an evaluator. <paramref name="placeCountries"/> maps a gold place identity
    /// (<c>Washington%2C_D.C.</c>) to its kind (<c>country</c> or <c>city</c>) and ISO alpha-3
    /// country; <paramref name="stages"/> run before the resolver (e.g. an entity recogniser).
    /// </summary>
    public CorefEvaluator(
        ActorResolver resolver, IReadOnlyDictionary<string, (string Kind, string Country)> placeCountries,
        IReadOnlyList<IStage>? stages = null)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(placeCountries);
        _resolver = resolver;
        _places = placeCountries;
        _stages = stages ?? [];
    }

    /// <summary>Reads a place table: tab-separated <c>identity kind country</c> with a header row, '#' comments.</summary>
    public static IReadOnlyDictionary<string, (string Kind, string Country)> ReadPlaceTable(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var table = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        var header = false;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            if (!header)
            {
                header = true;
                continue;
            }
            var fields = line.Split('\t');
            if (fields.Length >= 3)
            {
                table[fields[0]] = (fields[1], fields[2]);
            }
        }
        return table;
    }

    /// <summary>Evaluates every file in <paramref name="conlluPaths"/>, each one document.</summary>
    public CorefScores Evaluate(IEnumerable<string> conlluPaths)
    {
        ArgumentNullException.ThrowIfNull(conlluPaths);
        var all = new Tally();
        var named = new Tally();
        var scores = new PlaceTally();
        var documents = 0;
        foreach (var path in conlluPaths)
        {
            var sentences = ConlluReader.ReadFile(path).ToList();
            var (document, gold) = Build(Path.GetFileNameWithoutExtension(path), sentences);
            // Stages may replace the gold tags and trees (a tagger, a parser); matching reads the gold ones.
            var goldAnalyses = document.Analyses;
            foreach (var stage in _stages)
            {
                stage.Process(document, new StageContext(document, stage.Name));
                document.AddLayers(stage.Provides);
            }
            var resolution = _resolver.Resolve(document, PersonKnowledgeBase.Empty);
            Score(document, goldAnalyses, gold, resolution.Actors, all, named, scores);
            documents++;
        }
        return new CorefScores
        {
            Documents = documents,
            All = all.Scores(),
            Named = named.Scores(),
            PlaceMentions = scores.Mentions,
            PlaceCoded = scores.Coded,
            PlaceCorrect = scores.Correct,
            PlaceAsActor = scores.AsActor,
            PlaceAsActorCorrect = scores.AsActorCorrect,
            CountryMentions = scores.Countries,
            CountryCorrect = scores.CountriesCorrect,
        };
    }

    private void Score(Document document, TokenAnalysis[] goldAnalyses, List<GoldMention> gold, IReadOnlyList<Actor> actors, Tally all, Tally named, PlaceTally places)
    {
        var heads = new Dictionary<int, List<int>>();
        for (var g = 0; g < gold.Count; g++)
        {
            var head = Head(goldAnalyses, gold[g].First, gold[g].End);
            gold[g] = gold[g] with { HeadToken = head };
            if (!heads.TryGetValue(head, out var list))
            {
                heads[head] = list = [];
            }
            list.Add(g);
        }
        // System mentions: (actor index, matched gold index or -1).
        var system = new List<(int Actor, int Gold, int Head)>();
        for (var a = 0; a < actors.Count; a++)
        {
            foreach (var mention in actors[a].Mentions)
            {
                var (first, end) = TokenRange(document, mention.Start, mention.End);
                if (first >= end)
                {
                    continue;
                }
                var head = Head(goldAnalyses, first, end);
                var match = -1;
                if (heads.TryGetValue(head, out var candidates))
                {
                    // Nested mentions can share a head; the one closest in length is the twin.
                    var best = int.MaxValue;
                    foreach (var g in candidates)
                    {
                        var difference = Math.Abs((gold[g].End - gold[g].First) - (end - first));
                        if (difference < best)
                        {
                            best = difference;
                            match = g;
                        }
                    }
                }
                if (match < 0)
                {
                    // GUM heads a name at its first word and a titled name at the title ("US President
                    // Barack Obama" at "US"); a system mention inside such a gold mention, a few words
                    // shorter, is its twin.
                    var best = int.MaxValue;
                    for (var g = 0; g < gold.Count; g++)
                    {
                        var extra = (gold[g].End - gold[g].First) - (end - first);
                        if (gold[g].First <= first && gold[g].End >= end && extra <= 3 && extra < best)
                        {
                            best = extra;
                            match = g;
                        }
                    }
                }
                system.Add((a, match, head));
            }
        }
        bool IsActorType(GoldMention m) => m.Type is "person" or "organization";
        var namedEntities = new HashSet<int>();
        foreach (var m in gold)
        {
            if (IsActorType(m) && m.Identity is not null)
            {
                namedEntities.Add(m.Entity);
            }
        }
        // Key and response as (mention id → cluster id); gold mentions are ids 0..n-1, unmatched system mentions -1, -2 …
        var keyAll = new Dictionary<int, int>();
        var keyNamed = new Dictionary<int, int>();
        for (var g = 0; g < gold.Count; g++)
        {
            if (IsActorType(gold[g]))
            {
                keyAll[g] = gold[g].Entity;
                if (namedEntities.Contains(gold[g].Entity))
                {
                    keyNamed[g] = gold[g].Entity;
                }
            }
        }
        var responseAll = new Dictionary<int, int>();
        var responseNamed = new Dictionary<int, int>();
        var touchesNamed = new HashSet<int>();
        foreach (var (actor, match, _) in system)
        {
            if (match >= 0 && keyNamed.ContainsKey(match))
            {
                touchesNamed.Add(actor);
            }
        }
        var spurious = -1;
        foreach (var (actor, match, _) in system)
        {
            // A bare country or region code that matches no gold mention is a place (mostly an
            // adjective, "Greek"), which GUM does not mark; it is left out rather than counted spurious.
            if (match < 0 && actors[actor].Code is { Length: 3 })
            {
                continue;
            }
            int id;
            if (match >= 0)
            {
                if (!IsActorType(gold[match]) || responseAll.ContainsKey(match))
                {
                    continue;
                }
                id = match;
            }
            else
            {
                id = spurious--;
            }
            responseAll[id] = actor;
            if (touchesNamed.Contains(actor) && (id < 0 || keyNamed.ContainsKey(id)))
            {
                responseNamed[id] = actor;
            }
        }
        all.Add(keyAll, responseAll);
        named.Add(keyNamed, responseNamed);

        // Places.
        for (var g = 0; g < gold.Count; g++)
        {
            var m = gold[g];
            if (m.Type != "place" || m.Identity is null || !_places.TryGetValue(m.Identity, out var place)
                || goldAnalyses[m.HeadToken].Upos != "PROPN")
            {
                continue;
            }
            places.Mentions++;
            var isCountry = place.Kind == "country";
            places.Countries += isCountry ? 1 : 0;
            var coded = LexiconCountry(document, m.First, m.End);
            if (coded is not null)
            {
                places.Coded++;
                if (coded == place.Country)
                {
                    places.Correct++;
                    places.CountriesCorrect += isCountry ? 1 : 0;
                }
            }
            foreach (var (actor, match, head) in system)
            {
                if (match == g || (match < 0 && head == m.HeadToken))
                {
                    places.AsActor++;
                    var country = actors[actor].Country ?? CameoCodes.CountryOf(actors[actor].Code);
                    places.AsActorCorrect += country == place.Country ? 1 : 0;
                    break;
                }
            }
        }
    }

    private string? LexiconCountry(Document document, int first, int end)
    {
        var lexicon = _resolver.Lexicon;
        var window = document.Tokens.AsSpan(0, end);
        var i = first;
        while (i < end)
        {
            if (!lexicon.TryMatchLongest(document.Text, window, i, out var match))
            {
                i++;
                continue;
            }
            foreach (var entry in match.Entries)
            {
                if (entry.Kind is ActorKind.Agent or ActorKind.Unknown)
                {
                    continue;
                }
                var code = entry.CodeOn(document.Published);
                var country = entry.Country ?? CameoCodes.CountryOf(code);
                if (!string.IsNullOrEmpty(country))
                {
                    return country;
                }
            }
            i = match.End;
        }
        return null;
    }

    private static int Head(TokenAnalysis[] analyses, int first, int end)
    {
        for (var k = first; k < end; k++)
        {
            var head = analyses[k].Head;
            if (head < first || head >= end)
            {
                return k;
            }
        }
        return end - 1;
    }

    private static (int First, int End) TokenRange(Document document, int start, int end)
    {
        var tokens = document.Tokens;
        var first = -1;
        var last = -1;
        for (var k = 0; k < tokens.Length; k++)
        {
            if (tokens[k].End > start && tokens[k].Start < end)
            {
                if (first < 0)
                {
                    first = k;
                }
                last = k;
            }
        }
        return first < 0 ? (0, 0) : (first, last + 1);
    }

    // The text joins sentences of a paragraph with a space and paragraphs with a line break, so
    // that quotation marks are read per paragraph as in news text.
    private static (Document Document, List<GoldMention> Gold) Build(string id, List<ConlluSentence> sentences)
    {
        var text = new StringBuilder();
        var tokens = new List<Token>();
        var analyses = new List<TokenAnalysis>();
        var spans = new List<Sentence>();
        var gold = new List<GoldMention>();
        var open = new Dictionary<int, Stack<(int First, string Type, string? Identity)>>();
        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            if (s > 0)
            {
                text.Append(sentence.NewParagraph || sentence.NewDocument ? '\n' : ' ');
            }
            var first = tokens.Count;
            var m = 0;
            for (var w = 0; w < sentence.Words.Count; w++)
            {
                var word = sentence.Words[w];
                var start = text.Length;
                text.Append(word.Form);
                tokens.Add(new Token(start, text.Length));
                analyses.Add(new TokenAnalysis(word.Upos, word.Xpos, word.Lemma, word.Head == 0 ? -1 : first + word.Head - 1, word.Relation));
                ReadEntities(word.Misc, tokens.Count - 1, open, gold);
                while (m < sentence.MultiwordTokens.Count && sentence.MultiwordTokens[m].Last < word.Id)
                {
                    m++;
                }
                var spaceAfter = m < sentence.MultiwordTokens.Count && sentence.MultiwordTokens[m].First <= word.Id
                    ? word.Id == sentence.MultiwordTokens[m].Last && sentence.MultiwordTokens[m].SpaceAfter
                    : word.SpaceAfter;
                if (spaceAfter && w < sentence.Words.Count - 1)
                {
                    text.Append(' ');
                }
            }
            spans.Add(new Sentence(tokens[first].Start, tokens[^1].End, first, tokens.Count - first));
        }
        var document = new Document(id, text.ToString())
        {
            Tokens = [.. tokens],
            Sentences = [.. spans],
            Analyses = [.. analyses],
        };
        document.AddLayers(Layers.Tokens | Layers.Sentences | Layers.Tags | Layers.Dependencies);
        return (document, gold);
    }

    // Entity=(3-organization-new-sssss-cf1-5-coref-Afghan_Girls_Robotics_Team … 3) … (6-abstract-…)
    private static void ReadEntities(string misc, int token, Dictionary<int, Stack<(int, string, string?)>> open, List<GoldMention> gold)
    {
        foreach (var part in misc.Split('|'))
        {
            if (!part.StartsWith("Entity=", StringComparison.Ordinal))
            {
                continue;
            }
            var value = part["Entity=".Length..];
            var i = 0;
            while (i < value.Length)
            {
                if (value[i] == '(')
                {
                    var j = i + 1;
                    while (j < value.Length && value[j] is not ('(' or ')'))
                    {
                        j++;
                    }
                    var fields = value[(i + 1)..j].Split('-');
                    if (fields.Length >= 2 && int.TryParse(fields[0], System.Globalization.CultureInfo.InvariantCulture, out var entity))
                    {
                        var identity = fields.Length >= 8 ? fields[7] : null;
                        if (j < value.Length && value[j] == ')')
                        {
                            gold.Add(new GoldMention(entity, fields[1], token, token + 1, identity));
                            j++;
                        }
                        else
                        {
                            if (!open.TryGetValue(entity, out var stack))
                            {
                                open[entity] = stack = new Stack<(int, string, string?)>();
                            }
                            stack.Push((token, fields[1], identity));
                        }
                    }
                    i = j;
                }
                else if (char.IsDigit(value[i]))
                {
                    var j = i;
                    while (j < value.Length && char.IsDigit(value[j]))
                    {
                        j++;
                    }
                    var entity = int.Parse(value[i..j], System.Globalization.CultureInfo.InvariantCulture);
                    if (j < value.Length && value[j] == ')' && open.TryGetValue(entity, out var stack) && stack.Count > 0)
                    {
                        var (first, type, identity) = stack.Pop();
                        gold.Add(new GoldMention(entity, type, first, token + 1, identity));
                    }
                    i = j + 1;
                }
                else
                {
                    i++;
                }
            }
        }
    }

    private sealed record GoldMention(int Entity, string Type, int First, int End, string? Identity)
    {
        public int HeadToken { get; init; }
    }

    private sealed class PlaceTally
    {
        public int Mentions;
        public int Coded;
        public int Correct;
        public int AsActor;
        public int AsActorCorrect;
        public int Countries;
        public int CountriesCorrect;
    }

    // Sums MUC and B³ numerators and denominators over documents (micro-averaged).
    private sealed class Tally
    {
        private int _key;
        private int _response;
        private int _matched;
        private double _mucRecallNumerator;
        private double _mucRecallDenominator;
        private double _mucPrecisionNumerator;
        private double _mucPrecisionDenominator;
        private double _b3Recall;
        private double _b3Precision;

        public void Add(Dictionary<int, int> key, Dictionary<int, int> response)
        {
            _key += key.Count;
            _response += response.Count;
            foreach (var id in response.Keys)
            {
                _matched += key.ContainsKey(id) ? 1 : 0;
            }
            var (rn, rd) = Muc(key, response);
            var (pn, pd) = Muc(response, key);
            _mucRecallNumerator += rn;
            _mucRecallDenominator += rd;
            _mucPrecisionNumerator += pn;
            _mucPrecisionDenominator += pd;
            _b3Recall += B3(key, response);
            _b3Precision += B3(response, key);
        }

        public ChainScores Scores() => new(
            _key, _response, _matched,
            _mucPrecisionDenominator == 0 ? 0 : _mucPrecisionNumerator / _mucPrecisionDenominator,
            _mucRecallDenominator == 0 ? 0 : _mucRecallNumerator / _mucRecallDenominator,
            _response == 0 ? 0 : _b3Precision / _response,
            _key == 0 ? 0 : _b3Recall / _key);

        // MUC recall of `response` against `key` (swap for precision): per key chain, its size
        // minus the number of pieces the response cuts it into (absent mentions are pieces of their own).
        private static (double Numerator, double Denominator) Muc(Dictionary<int, int> key, Dictionary<int, int> response)
        {
            double numerator = 0, denominator = 0;
            foreach (var chain in Chains(key))
            {
                var pieces = new HashSet<(bool Absent, int Id)>();
                foreach (var mention in chain)
                {
                    pieces.Add(response.TryGetValue(mention, out var cluster) ? (false, cluster) : (true, mention));
                }
                numerator += chain.Count - pieces.Count;
                denominator += chain.Count - 1;
            }
            return (numerator, denominator);
        }

        // Sum over key mentions of |key chain ∩ response chain| / |key chain|.
        private static double B3(Dictionary<int, int> key, Dictionary<int, int> response)
        {
            var sum = 0.0;
            var responseChains = new Dictionary<int, HashSet<int>>();
            foreach (var (mention, cluster) in response)
            {
                if (!responseChains.TryGetValue(cluster, out var set))
                {
                    responseChains[cluster] = set = [];
                }
                set.Add(mention);
            }
            foreach (var chain in Chains(key))
            {
                foreach (var mention in chain)
                {
                    var overlap = 1;
                    if (response.TryGetValue(mention, out var cluster))
                    {
                        overlap = 0;
                        foreach (var other in chain)
                        {
                            overlap += responseChains[cluster].Contains(other) ? 1 : 0;
                        }
                    }
                    sum += (double)overlap / chain.Count;
                }
            }
            return sum;
        }

        private static List<List<int>> Chains(Dictionary<int, int> mentions)
        {
            var byCluster = new Dictionary<int, List<int>>();
            foreach (var (mention, cluster) in mentions)
            {
                if (!byCluster.TryGetValue(cluster, out var list))
                {
                    byCluster[cluster] = list = [];
                }
                list.Add(mention);
            }
            return [.. byCluster.Values];
        }
    }
}
