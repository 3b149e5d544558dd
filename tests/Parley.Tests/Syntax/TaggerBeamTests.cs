using Parley.Learning;
using Parley.Model;
using Parley.Syntax;

namespace Parley.Tests.Syntax;

public sealed class TaggerBeamTests
{
    private const string Text = "Farmers sold wheat .";
    private static readonly Token[] Tokens = [new(0, 7), new(8, 12), new(13, 18), new(19, 20)];

    private static TaggerScratch Prepared(int classes)
    {
        var scratch = new TaggerScratch(classes, 2);
        TaggerFeatures.Prepare(Text, Tokens, 0, Tokens.Length, TagLexicon.Build(TinyTreebank.Sentences()), null, scratch);
        return scratch;
    }

    [Fact]
    public void Early_update_stops_where_the_gold_sequence_leaves_the_beam()
    {
        const int classes = 12;
        var trainer = new PerceptronTrainer(classes);
        var scratch = Prepared(classes);
        var beam = new TaggerBeam(2);
        // With no weights every class ties and the beam keeps the first two; gold class 9 is not among them.
        int[] gold = [9, 5, 9, 3];
        Assert.Equal(1, beam.Run(null, trainer, Text, Tokens, 0, Tokens.Length, scratch, null, gold));
        Assert.True(trainer.FeatureCount > 0);
    }

    [Fact]
    public void Training_until_no_update_tags_the_sentence_as_gold()
    {
        const int classes = 12;
        var trainer = new PerceptronTrainer(classes);
        var scratch = Prepared(classes);
        var beam = new TaggerBeam(3);
        int[] gold = [9, 5, 9, 3];
        for (var round = 0; round < 20; round++)
        {
            var decided = beam.Run(null, trainer, Text, Tokens, 0, Tokens.Length, scratch, null, gold);
            for (var i = 0; i < decided; i++)
            {
                trainer.NextInstance();
            }
        }
        beam.Run(null, trainer, Text, Tokens, 0, Tokens.Length, scratch, null, null);
        Assert.Equal(gold, scratch.Classes.AsSpan(0, Tokens.Length).ToArray());
        var model = trainer.Compile();
        beam.Run(model, null, Text, Tokens, 0, Tokens.Length, scratch, null, null);
        Assert.Equal(gold, scratch.Classes.AsSpan(0, Tokens.Length).ToArray());
    }
}
