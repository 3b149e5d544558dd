using Parley.Entities;
using Parley.Model;
using Parley.Syntax;

namespace Parley.Tests.Entities;

public sealed class NameRecurrenceTests
{
    // Sentences of space-separated words, one document.
    private static Document Build(params string[] sentences)
    {
        var conllu = new System.Text.StringBuilder();
        foreach (var sentence in sentences)
        {
            var words = sentence.Split(' ');
            for (var i = 0; i < words.Length; i++)
            {
                conllu.Append($"{i + 1}\t{words[i]}\t_\tX\tX\t_\t0\tdep\t_\t_\n");
            }
            conllu.Append('\n');
        }
        return ConlluDocuments.ToDocument("d", [.. ConlluReader.Read(new StringReader(conllu.ToString()))]);
    }

    private static EntityMention Mention(Document document, int first, int count, EntityType type) =>
        new(document.Tokens[first].Start, document.Tokens[first + count - 1].End, first, count, type);

    // The mentions after completion, as "first token:text/type".
    private static string[] Completed(Document document, params EntityMention[] found)
    {
        var mentions = new List<EntityMention>(found);
        NameRecurrence.Complete(document, mentions);
        return [.. mentions.Select(m => $"{m.FirstToken}:{document.Text[m.Start..m.End]}/{m.Type}")];
    }

    [Fact]
    public void A_found_name_is_found_again_where_its_words_recur()
    {
        // 0 The 1 Harbour 2 Board 3 met 4 . | 5 Later 6 the 7 Harbour 8 Board 9 voted 10 .
        var document = Build("The Harbour Board met .", "Later the Harbour Board voted .");
        Assert.Equal(["1:Harbour Board/Organization", "7:Harbour Board/Organization"], Completed(document, Mention(document, 1, 2, EntityType.Organization)));
    }

    [Fact]
    public void The_longest_name_wins_the_majority_type_is_kept_and_found_names_are_not_touched()
    {
        // 0 Alder 1 spoke 2 . | 3 Alder 4 Street 5 is 6 near 7 Alder 8 . | 9 Alder 10 Street 11 closed 12 . | 13 Alder 14 left 15 .
        var document = Build("Alder spoke .", "Alder Street is near Alder .", "Alder Street closed .", "Alder left .");
        Assert.Equal(
            ["0:Alder/Person", "3:Alder Street/Location", "7:Alder/Person", "9:Alder Street/Location", "13:Alder/Person"],
            Completed(document, Mention(document, 0, 1, EntityType.Person), Mention(document, 3, 2, EntityType.Location), Mention(document, 13, 1, EntityType.Person)));
    }

    [Fact]
    public void Ties_go_to_the_first_type_and_small_letter_names_do_not_recur()
    {
        // 0 Brill 1 won 2 . | 3 Brill 4 lost 5 . | 6 Brill 7 and 8 google 9 . | 10 google 11 it 12 .
        var document = Build("Brill won .", "Brill lost .", "Brill and google .", "google it .");
        Assert.Equal(
            ["0:Brill/Location", "3:Brill/Person", "6:Brill/Person", "8:google/Organization"],
            Completed(document, Mention(document, 0, 1, EntityType.Location), Mention(document, 3, 1, EntityType.Person), Mention(document, 8, 1, EntityType.Organization)));
    }

    [Fact]
    public void Nothing_found_adds_nothing()
    {
        Assert.Empty(Completed(Build("Alder spoke .")));
    }
}
