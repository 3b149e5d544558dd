using Parley.Model;

namespace Parley.Tests.Events;

/// <summary>
/// Builds a tagged and parsed Document by hand. Tokens are written "form|lemma|UPOS|head|relation"
/// (head 1-based within the sentence, 0 for the root; Xpos may follow as a sixth field), separated by
/// spaces; sentences by " // ". Actors are given as (code, words) where words are 1-based token
/// numbers over the whole document, one mention per contiguous run.
/// </summary>
internal static class ParsedDocs
{
    public static Document Build(string parse, params (string Code, int[] Tokens)[] actors)
    {
        var text = new System.Text.StringBuilder();
        var tokens = new List<Token>();
        var analyses = new List<TokenAnalysis>();
        var sentences = new List<Sentence>();
        foreach (var sentenceText in parse.Split(" // "))
        {
            var first = tokens.Count;
            var sentenceStart = text.Length;
            foreach (var item in sentenceText.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var f = item.Split('|');
                if (text.Length > 0)
                {
                    text.Append(' ');
                }
                var start = text.Length;
                text.Append(f[0]);
                tokens.Add(new Token(start, text.Length));
                var head = int.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture);
                analyses.Add(new TokenAnalysis(f[2], f.Length > 5 ? f[5] : "_", f[1], head == 0 ? -1 : first + head - 1, f[4]));
            }
            if (sentenceStart > 0)
            {
                sentenceStart++;
            }
            sentences.Add(new Sentence(tokens[first].Start, tokens[^1].End, first, tokens.Count - first));
        }
        var document = new Document("hand", text.ToString())
        {
            Tokens = [.. tokens],
            Sentences = [.. sentences],
            Analyses = [.. analyses],
        };
        var n = 1;
        foreach (var (code, words) in actors)
        {
            var mentions = new List<Mention>();
            var i = 0;
            while (i < words.Length)
            {
                var j = i;
                while (j + 1 < words.Length && words[j + 1] == words[j] + 1)
                {
                    j++;
                }
                var s = tokens[words[i] - 1].Start;
                var e = tokens[words[j] - 1].End;
                mentions.Add(new Mention(s, e, document.Text[s..e]));
                i = j + 1;
            }
            document.Actors.Add(new Actor { Id = "a" + n++, Name = mentions[0].Text, Code = code, Mentions = mentions });
        }
        document.AddLayers(Layers.Tokens | Layers.Sentences | Layers.Tags | Layers.Dependencies | Layers.Actors);
        return document;
    }
}
