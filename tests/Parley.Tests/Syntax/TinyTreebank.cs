using Parley.Syntax;

namespace Parley.Tests.Syntax;

/// <summary>A few hand-written CoNLL-U sentences, enough for a tagger to learn from in tests.</summary>
internal static class TinyTreebank
{
    private static readonly string[][] Rows =
    [
        ["The DT DET the", "minister NN NOUN minister", "visited VBD VERB visit", "Paris NNP PROPN Paris", ". . PUNCT ."],
        ["A DT DET a", "delegation NN NOUN delegation", "visited VBD VERB visit", "Moscow NNP PROPN Moscow", ". . PUNCT ."],
        ["The DT DET the", "ministers NNS NOUN minister", "studied VBD VERB study", "the DT DET the", "reports NNS NOUN report", ". . PUNCT ."],
        ["Officials NNS NOUN official", "walked VBD VERB walk", "to IN ADP to", "Kyiv NNP PROPN Kyiv", ". . PUNCT ."],
        ["The DT DET the", "talks NNS NOUN talk", "were VBD AUX be", "cancelled VBN VERB cancel", ". . PUNCT ."],
        ["He PRP PRON he", "is VBZ AUX be", "meeting VBG VERB meet", "the DT DET the", "envoys NNS NOUN envoy", ". . PUNCT ."],
        ["A DT DET a", "minister NN NOUN minister", "talked VBD VERB talk", "to IN ADP to", "reporters NNS NOUN reporter", ". . PUNCT ."],
        ["She PRP PRON she", "asked VBD VERB ask", "the DT DET the", "envoy NN NOUN envoy", ". . PUNCT ."],
    ];

    public static string Conllu()
    {
        var text = new System.Text.StringBuilder();
        for (var s = 0; s < Rows.Length; s++)
        {
            text.Append("# sent_id = s").Append(s + 1).Append('\n');
            var row = Rows[s];
            for (var w = 0; w < row.Length; w++)
            {
                var cols = row[w].Split(' ');
                var last = w == row.Length - 1;
                var spaceAfter = last || row[w + 1].StartsWith(". ", StringComparison.Ordinal) ? "SpaceAfter=No" : "_";
                text.Append(w + 1).Append('\t').Append(cols[0]).Append('\t').Append(cols[3]).Append('\t').Append(cols[2])
                    .Append('\t').Append(cols[1]).Append("\t_\t").Append(w == 0 ? 0 : 1).Append('\t').Append(w == 0 ? "root" : "dep")
                    .Append("\t_\t").Append(spaceAfter).Append('\n');
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    public static List<ConlluSentence> Sentences() => [.. ConlluReader.Read(new StringReader(Conllu()))];
}
