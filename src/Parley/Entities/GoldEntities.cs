using Parley.Model;
using Parley.Syntax;

namespace Parley.Entities;

/// <summary>
/// Gold entity spans of IOB2 sentences carried over to the words of the matching CoNLL-U sentences
/// (matched by <c># sent_id</c>). The two tokenisations may differ slightly ("#audiobooks" against
/// "#", "audiobooks"), so spans are mapped through character offsets of the forms written without
/// spaces. Only PER, ORG and LOC are kept; OTH and the <c>B-O</c>/<c>I-O</c> noise become O.
/// </summary>
internal static class GoldEntities
{
    /// <summary>Reads an IOB2 file into gold spans keyed by sentence id.</summary>
    public static Dictionary<string, Iob2Sentence> ReadById(string path)
    {
        var byId = new Dictionary<string, Iob2Sentence>(StringComparer.Ordinal);
        foreach (var sentence in Iob2Reader.ReadFile(path))
        {
            if (sentence.SentenceId is not null)
            {
                byId[sentence.SentenceId] = sentence;
            }
        }
        return byId;
    }

    /// <summary>The entity type of an IOB2 label's type part, or null for types Parley does not keep.</summary>
    public static EntityType? TypeOf(ReadOnlySpan<char> type) => type switch
    {
        "PER" => EntityType.Person,
        "ORG" => EntityType.Organization,
        "LOC" => EntityType.Location,
        _ => null,
    };

    /// <summary>Entity spans over token indices <c>(first, count, type)</c> of an IOB2 tag sequence.</summary>
    public static List<(int First, int Count, EntityType Type)> Spans(IReadOnlyList<string> tags)
    {
        var spans = new List<(int, int, EntityType)>();
        var start = -1;
        EntityType? current = null;
        for (var i = 0; i <= tags.Count; i++)
        {
            var tag = i < tags.Count ? tags[i] : "O";
            var inside = tag.StartsWith("I-", StringComparison.Ordinal);
            var type = tag.Length > 2 ? TypeOf(tag.AsSpan(2)) : null;
            if (current is not null && !(inside && type == current))
            {
                spans.Add((start, i - start, current.Value));
                current = null;
            }
            // An I- without a matching B- opens an entity, as conlleval does.
            if (type is not null && current is null)
            {
                start = i;
                current = type;
            }
        }
        return spans;
    }

    /// <summary>
    /// The gold spans of <paramref name="iob"/> over the words of <paramref name="words"/>
    /// (word indices within the sentence).
    /// </summary>
    public static List<(int First, int Count, EntityType Type)> OnWords(Iob2Sentence iob, IReadOnlyList<ConlluWord> words)
    {
        var spans = Spans(iob.Tags);
        if (iob.Forms.Count == words.Count)
        {
            return spans;
        }
        var iobEnds = Ends(iob.Forms);
        var wordForms = new string[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            wordForms[i] = words[i].Form;
        }
        var wordEnds = Ends(wordForms);
        var mapped = new List<(int, int, EntityType)>();
        foreach (var (first, count, type) in spans)
        {
            var start = first == 0 ? 0 : iobEnds[first - 1];
            var end = iobEnds[first + count - 1];
            var a = 0;
            while (a < wordEnds.Length && wordEnds[a] <= start)
            {
                a++;
            }
            var b = a;
            while (b < wordEnds.Length && wordEnds[b] < end)
            {
                b++;
            }
            if (b < wordEnds.Length)
            {
                mapped.Add((a, b - a + 1, type));
            }
        }
        return mapped;
    }

    private static int[] Ends(IReadOnlyList<string> forms)
    {
        var ends = new int[forms.Count];
        var offset = 0;
        for (var i = 0; i < forms.Count; i++)
        {
            offset += forms[i].Length;
            ends[i] = offset;
        }
        return ends;
    }
}
