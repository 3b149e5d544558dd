using Parley.Entities;
using Parley.Syntax;

namespace Parley.Tests.Entities;

/// <summary>Hand-written sentences with entities, as CoNLL-U and IOB2, for recognizer tests.</summary>
internal static class EntityTestData
{
    // word/UPOS/XPOS/IOB2
    private static readonly string[] Rows =
    [
        "Okafor/PROPN/NNP/B-PER met/VERB/VBD/O Dahl/PROPN/NNP/B-PER in/ADP/IN/O Moscow/PROPN/NNP/B-LOC ./PUNCT/./O",
        "The/DET/DT/O United/PROPN/NNP/B-ORG Nations/PROPN/NNPS/I-ORG asked/VERB/VBD/O Russia/PROPN/NNP/B-LOC ./PUNCT/./O",
        "Ingrid/PROPN/NNP/B-PER Dahl/PROPN/NNP/I-PER visited/VERB/VBD/O Kyiv/PROPN/NNP/B-LOC ./PUNCT/./O",
        "The/DET/DT/O Gondor/PROPN/NNP/B-ORG Foreign/PROPN/NNP/I-ORG Ministry/PROPN/NNP/I-ORG protested/VERB/VBD/O ./PUNCT/./O",
        "Maria/PROPN/NNP/B-PER Kovacs/PROPN/NNP/I-PER spoke/VERB/VBD/O in/ADP/IN/O New/PROPN/NNP/B-LOC York/PROPN/NNP/I-LOC ./PUNCT/./O",
        "American/ADJ/JJ/B-OTH forces/NOUN/NNS/O left/VERB/VBD/O Iraq/PROPN/NNP/B-LOC ./PUNCT/./O",
        "NATO/PROPN/NNP/B-ORG warned/VERB/VBD/O Moscow/PROPN/NNP/B-LOC ./PUNCT/./O",
        "Okafor/PROPN/NNP/B-PER called/VERB/VBD/O the/DET/DT/O Kremlin/PROPN/NNP/B-ORG ./PUNCT/./O",
    ];

    public static string Conllu()
    {
        var text = new System.Text.StringBuilder();
        for (var s = 0; s < Rows.Length; s++)
        {
            text.Append("# sent_id = e").Append(s + 1).Append('\n');
            var words = Rows[s].Split(' ');
            for (var w = 0; w < words.Length; w++)
            {
                var c = words[w].Split('/');
                var space = w == words.Length - 1 || words[w + 1].StartsWith("./", StringComparison.Ordinal) ? "SpaceAfter=No" : "_";
                text.Append(w + 1).Append('\t').Append(c[0]).Append('\t').Append(c[0]).Append('\t').Append(c[1]).Append('\t').Append(c[2])
                    .Append("\t_\t").Append(w == 0 ? 0 : 1).Append('\t').Append(w == 0 ? "root" : "dep").Append("\t_\t").Append(space).Append('\n');
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    public static string Iob2()
    {
        var text = new System.Text.StringBuilder();
        for (var s = 0; s < Rows.Length; s++)
        {
            text.Append("# sent_id = e").Append(s + 1).Append('\n');
            var words = Rows[s].Split(' ');
            for (var w = 0; w < words.Length; w++)
            {
                var c = words[w].Split('/');
                text.Append(w + 1).Append('\t').Append(c[0]).Append('\t').Append(c[3]).Append("\t-\t-\n");
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    public static List<ConlluSentence> Sentences() => [.. ConlluReader.Read(new StringReader(Conllu()))];

    public static Dictionary<string, Iob2Sentence> Entities()
    {
        var map = new Dictionary<string, Iob2Sentence>();
        foreach (var sentence in Iob2Reader.Read(new StringReader(Iob2())))
        {
            map[sentence.SentenceId!] = sentence;
        }
        return map;
    }

    public static EntityGazetteer Gazetteer() => EntityGazetteer.Parse(new StringReader(
        "# test gazetteer\ncountry\tRussia\ncity\tMoscow\ncity\tNew York\norganization\tUnited Nations\norg-word\tMinistry\ntitle\tPresident\n"));

    public static EntityModel Train() =>
        EntityTrainer.Train(Sentences(), Entities(), Sentences(), Entities(), null, Gazetteer(), 8, 3, _ => { });
}
