using Parley.Syntax;

namespace Parley.Tests.Syntax;

public sealed class ParserProjectivityTests
{
    // "A hearing is scheduled on the issue today ." — "issue" depends on "hearing" across "is scheduled".
    private static readonly int[] HearingHeads = [0, 2, 4, 4, 0, 7, 7, 2, 4, 4];
    private static readonly string[] HearingLabels = ["", "det", "nsubj:pass", "aux:pass", "root", "case", "det", "nmod", "obl:tmod", "punct"];

    [Fact]
    public void Detects_the_crossing_arc()
    {
        Assert.False(ProjectiveLifting.IsProjective(HearingHeads, 9));
        Assert.False(ProjectiveLifting.IsProjectiveArc(HearingHeads, 2, 7));
        Assert.True(ProjectiveLifting.IsProjectiveArc(HearingHeads, 7, 5));
    }

    [Fact]
    public void Lifting_makes_the_tree_projective_and_records_the_old_head_relation()
    {
        var heads = (int[])HearingHeads.Clone();
        var labels = (string[])HearingLabels.Clone();
        var lifts = ProjectiveLifting.Lift(heads, labels, 9, decorate: true);
        Assert.Equal(1, lifts);
        Assert.True(ProjectiveLifting.IsProjective(heads, 9));
        Assert.Equal(4, heads[7]);
        Assert.Equal("nmod|nsubj:pass", labels[7]);
        ParserTransitionTests.AssertOracleRebuilds(heads, 9);
    }

    [Fact]
    public void Lowering_undoes_lifting()
    {
        var heads = (int[])HearingHeads.Clone();
        var labels = (string[])HearingLabels.Clone();
        ProjectiveLifting.Lift(heads, labels, 9, decorate: true);

        // Label ids: the plain relations of the sentence, then the decorated one.
        var table = new List<string>();
        foreach (var label in HearingLabels[1..])
        {
            if (!table.Contains(label))
            {
                table.Add(label);
            }
        }
        table.Add("nmod|nsubj:pass");
        var ids = new int[labels.Length];
        for (var i = 1; i < labels.Length; i++)
        {
            ids[i] = table.IndexOf(labels[i]);
        }
        var baseOf = new int[table.Count];
        var liftedFrom = new int[table.Count];
        for (var l = 0; l < table.Count; l++)
        {
            var parts = table[l].Split(ProjectiveLifting.Marker);
            baseOf[l] = table.IndexOf(parts[0]);
            liftedFrom[l] = parts.Length > 1 ? table.IndexOf(parts[1]) : -1;
        }

        ProjectiveLifting.Lower(heads, ids, 9, baseOf, liftedFrom, new int[10]);
        Assert.Equal(HearingHeads[1..], heads[1..]);
        for (var i = 1; i <= 9; i++)
        {
            Assert.Equal(HearingLabels[i], table[ids[i]]);
        }
    }
}
