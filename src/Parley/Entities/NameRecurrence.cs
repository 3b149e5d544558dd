using Parley.Model;

namespace Parley.Entities;

/// <summary>
/// One name, one sense per document: a name the recogniser found once is the same name where its
/// exact words recur in the document and the recogniser, with less context there, passed them over
/// ("the CPA" named in one sentence and missed in the next). Only capitalised names recur this way, in
/// the type the document gave them most often, and never over a name already found.
/// </summary>
internal static class NameRecurrence
{
    /// <summary>Adds to <paramref name="mentions"/> (in text order, as <see cref="EntityModel.Recognize"/> returns them) every unrecognised recurrence of a found name; keeps text order.</summary>
    public static void Complete(Document document, List<EntityMention> mentions)
    {
        if (mentions.Count == 0)
        {
            return;
        }
        var covered = new bool[document.Tokens.Length];
        var byFirstWord = new Dictionary<string, List<Name>>(StringComparer.Ordinal);
        foreach (var mention in mentions)
        {
            Array.Fill(covered, true, mention.FirstToken, mention.TokenCount);
            if (!char.IsUpper(document.TokenText(mention.FirstToken)[0]))
            {
                continue;
            }
            var words = new string[mention.TokenCount];
            for (var k = 0; k < words.Length; k++)
            {
                words[k] = document.TokenText(mention.FirstToken + k).ToString();
            }
            if (!byFirstWord.TryGetValue(words[0], out var names))
            {
                byFirstWord[words[0]] = names = [];
            }
            var name = names.Find(x => x.Words.AsSpan().SequenceEqual(words));
            if (name is null)
            {
                names.Add(name = new Name(words));
            }
            name.Votes[(int)mention.Type]++;
        }
        if (byFirstWord.Count == 0)
        {
            return;
        }
        var lookup = byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        var added = 0;
        foreach (var sentence in document.Sentences)
        {
            for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
            {
                if (covered[i] || !lookup.TryGetValue(document.TokenText(i), out var names))
                {
                    continue;
                }
                var longest = Longest(document, names, i, sentence.EndToken, covered);
                if (longest is null)
                {
                    continue;
                }
                var length = longest.Words.Length;
                mentions.Add(new EntityMention(document.Tokens[i].Start, document.Tokens[i + length - 1].End, i, length, longest.Type));
                Array.Fill(covered, true, i, length);
                added++;
                i += length - 1;
            }
        }
        if (added > 0)
        {
            mentions.Sort((a, b) => a.FirstToken.CompareTo(b.FirstToken));
        }
    }

    // The longest of the names whose words stand, uncovered, at token i of a sentence ending before token end.
    private static Name? Longest(Document document, List<Name> names, int i, int end, bool[] covered)
    {
        Name? longest = null;
        foreach (var name in names)
        {
            var n = name.Words.Length;
            if (i + n > end || (longest is not null && longest.Words.Length >= n))
            {
                continue;
            }
            var match = true;
            for (var k = 0; k < n && match; k++)
            {
                match = !covered[i + k] && document.TokenText(i + k).SequenceEqual(name.Words[k]);
            }
            if (match)
            {
                longest = name;
            }
        }
        return longest;
    }

    private sealed class Name(string[] words)
    {
        public string[] Words { get; } = words;

        public int[] Votes { get; } = new int[EntityTags.Types];

        // The type found most often; ties go to the first type (person, organisation, location).
        public EntityType Type
        {
            get
            {
                var best = 0;
                for (var t = 1; t < Votes.Length; t++)
                {
                    if (Votes[t] > Votes[best])
                    {
                        best = t;
                    }
                }
                return (EntityType)best;
            }
        }
    }
}
