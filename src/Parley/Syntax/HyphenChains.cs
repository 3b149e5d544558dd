using Parley.Model;

namespace Parley.Syntax;

/// <summary>
/// Words joined by hyphens without spaces into one modifier ("face-to-face", "state-of-the-art",
/// "two-year-old"), which the tokenizer splits as the treebank does. Chains of three words or more are
/// rare in training, and a parser that meets one word by word tends to break the whole sentence around
/// it ("meet face-to-face with X" with "with X" hung inside the chain). The parser therefore reads such
/// a chain as a single word and gives its inner words their arcs here, all inside the chain, so the
/// chain stays one phrase.
/// </summary>
internal static class HyphenChains
{
    /// <summary>Fewest words a chain needs to be read as one word; two-word compounds are common in training and parse well.</summary>
    public const int MinWords = 3;

    /// <summary>
    /// The last token of the chain that starts at token <paramref name="start"/> (document-wide
    /// indices, the chain inside <c>[start, end)</c>), or <paramref name="start"/> when no chain of at
    /// least <see cref="MinWords"/> words starts there.
    /// </summary>
    public static int End(Document document, int start, int end)
    {
        // Most tokens are not followed by a joined hyphen: that is checked before the letters.
        if (!HyphenJoins(document, start, end) || !IsWord(document, start))
        {
            return start;
        }
        var last = start;
        var words = 1;
        while (HyphenJoins(document, last, end) && IsWord(document, last + 2))
        {
            last += 2;
            words++;
        }
        return words >= MinWords ? last : start;
    }

    // Token k, a hyphen and the token after it, inside [.., end) and with no space between them.
    private static bool HyphenJoins(Document document, int k, int end)
    {
        var tokens = document.Tokens;
        return k + 2 < end && tokens[k].End == tokens[k + 1].Start && tokens[k + 1].End == tokens[k + 2].Start
            && document.TokenText(k + 1) is "-";
    }

    /// <summary>
    /// The word of the chain <c>[first, last]</c> that heads it: the first when a preposition,
    /// particle or conjunction links its words ("face-to-face", "state-of-the-art",
    /// "search-and-destroy"), otherwise the last ("two-year-old", "behind-the-scenes" after its
    /// preposition).
    /// </summary>
    public static int Head(TokenAnalysis[] analyses, int first, int last)
    {
        for (var k = first + 2; k < last; k += 2)
        {
            if (analyses[k].Upos is "ADP" or "PART" or "CCONJ" or "SCONJ")
            {
                return analyses[first].Upos is "ADP" or "DET" ? last : first;
            }
        }
        return last;
    }

    /// <summary>
    /// Gives every token of the chain <c>[first, last]</c> but its head an arc inside the chain:
    /// a linked chain ("face-to-face") hangs its last word on the head with the linking words on
    /// that last word; otherwise the words modify the last one.
    /// </summary>
    public static void Attach(TokenAnalysis[] analyses, int first, int last, int head)
    {
        var coordinated = false;
        for (var j = first + 2; j < last; j += 2)
        {
            coordinated |= analyses[j].Upos == "CCONJ";
        }
        for (var k = first; k <= last; k++)
        {
            if (k == head)
            {
                continue;
            }
            var a = analyses[k];
            if ((k - first) % 2 == 1)
            {
                // As the treebank has it: a hyphen goes to the word before it, but the one after a
                // linked chain's head goes to the phrase it links ("face - to - face": the first hyphen
                // to the last "face", the second to "to").
                analyses[k] = a with { Head = head == first && k == first + 1 ? last : k - 1, Relation = "punct" };
                continue;
            }
            if (head == first && k == last)
            {
                analyses[k] = a with { Head = head, Relation = coordinated ? "conj" : "nmod" };
                continue;
            }
            var relation = a.Upos switch
            {
                "ADP" => "case",
                "DET" => "det",
                "CCONJ" => "cc",
                "PART" or "SCONJ" => "mark",
                "ADJ" => "amod",
                "ADV" => "advmod",
                "NUM" => "nummod",
                _ => "compound",
            };
            analyses[k] = a with { Head = head == first ? last : head, Relation = relation };
        }
    }

    // A word of a chain has small letters: codes and numbers joined by hyphens ("VI-D-iii",
    // "2001-10-05") are not modifiers and keep their word-by-word parse.
    private static bool IsWord(Document document, int token)
    {
        foreach (var c in document.TokenText(token))
        {
            if (char.IsLower(c))
            {
                return true;
            }
        }
        return false;
    }
}
