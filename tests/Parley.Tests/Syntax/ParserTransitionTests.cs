using Parley.Syntax;

namespace Parley.Tests.Syntax;

public sealed class ParserTransitionTests
{
    // "She saw him ." with the root at 0: She <-nsubj- saw, saw = root, him <-obj- saw, . <-punct- saw.
    private static readonly int[] SawHeads = [-1, 2, 0, 2, 2];

    private const int Nsubj = 0, Obj = 1, Punct = 2, Root = 3, Labels = 4;
    private static readonly int[] SawLabels = [-1, Nsubj, Root, Obj, Punct];

    private static ArcEagerState Start(int words)
    {
        var state = new ArcEagerState();
        state.Reset(words, Labels, Root);
        return state;
    }

    private static int[] CostsOf(ArcEagerState state, int[] gold)
    {
        var costs = new int[4];
        ArcEagerOracle.Costs(state, gold, costs);
        return costs;
    }

    // Following the cheapest action (first of Left, Right, Reduce, Shift at equal cost) with the gold label.
    private static void FollowOracle(ArcEagerState state, int[] goldHead, int[] goldLabel)
    {
        var costs = new int[4];
        while (!state.IsTerminal)
        {
            ArcEagerOracle.Costs(state, goldHead, costs);
            var bestAction = -1;
            var bestCost = int.MaxValue;
            for (var a = 0; a < state.ActionCount; a++)
            {
                if (!state.IsValid(a))
                {
                    continue;
                }
                var cost = ArcEagerOracle.LabelledCost(state, a, costs, goldHead, goldLabel);
                if (cost < bestCost)
                {
                    bestAction = a;
                    bestCost = cost;
                }
            }
            state.Apply(bestAction);
        }
    }

    [Fact]
    public void Costs_in_the_initial_configuration()
    {
        var state = Start(4);
        var costs = CostsOf(state, SawHeads);
        Assert.Equal(0, costs[0]);                          // Shift "She"
        Assert.Equal(ArcEagerOracle.Invalid, costs[1]);     // nothing to reduce but the root
        Assert.Equal(ArcEagerOracle.Invalid, costs[2]);     // the root takes no head
        Assert.Equal(1, costs[3]);                          // root -> She loses She's head "saw"
    }

    [Fact]
    public void Costs_count_the_gold_arcs_each_action_makes_unreachable()
    {
        var state = Start(4);
        state.Apply(ArcEagerState.Shift);
        var costs = CostsOf(state, SawHeads);
        Assert.Equal(2, costs[0]);                          // Shift "saw": loses root -> saw and saw -> She
        Assert.Equal(ArcEagerOracle.Invalid, costs[1]);     // She has no head yet
        Assert.Equal(0, costs[2]);                          // saw -> She is gold
        Assert.Equal(2, costs[3]);                          // She -> saw: loses root -> saw and saw -> She
        Assert.Equal(0, ArcEagerOracle.LabelledCost(state, ArcEagerState.LeftArc(Nsubj), costs, SawHeads, SawLabels));
        Assert.Equal(1, ArcEagerOracle.LabelledCost(state, ArcEagerState.LeftArc(Obj), costs, SawHeads, SawLabels));
    }

    [Fact]
    public void After_a_mistake_zero_cost_actions_lose_exactly_its_cost()
    {
        var state = Start(4);
        state.Apply(ArcEagerState.Shift);
        var costs = CostsOf(state, SawHeads);
        var loss = costs[0];
        state.Apply(ArcEagerState.Shift);   // the mistake
        FollowOracle(state, SawHeads, SawLabels);
        var correct = 0;
        for (var i = 1; i <= 4; i++)
        {
            if (state.Head[i] == SawHeads[i])
            {
                correct++;
            }
        }
        Assert.Equal(4 - loss, correct);
    }

    [Fact]
    public void Oracle_reproduces_every_projective_sample_tree()
    {
        foreach (var heads in ParserSamples.LiftedHeads())
        {
            var n = heads.Length - 1;
            Assert.True(ProjectiveLifting.IsProjective(heads, n));
            AssertOracleRebuilds(heads, n);
        }
    }

    internal static void AssertOracleRebuilds(int[] heads, int n)
    {
        // Labels are irrelevant to the arcs; give every arc label 0 except the root's.
        var labels = new int[n + 1];
        for (var i = 1; i <= n; i++)
        {
            labels[i] = heads[i] == 0 ? Root : 0;
        }
        var state = Start(n);
        FollowOracle(state, heads, labels);
        for (var i = 1; i <= n; i++)
        {
            Assert.Equal(heads[i], state.Head[i]);
            Assert.Equal(labels[i], state.Label[i]);
        }
    }

    [Fact]
    public void The_root_takes_one_dependent_and_root_is_only_its_label()
    {
        var state = Start(3);
        Assert.False(state.IsValid(state.RightArc(Nsubj)));
        Assert.True(state.IsValid(state.RightArc(Root)));
        state.Apply(state.RightArc(Root));
        Assert.False(state.IsValid(ArcEagerState.LeftArc(Root)));
        Assert.False(state.IsValid(state.RightArc(Root)));
        state.Apply(ArcEagerState.Reduce);
        Assert.False(state.CanRight);           // only the root is left on the stack
        Assert.True(state.CanShift);
    }

    [Fact]
    public void Finish_attaches_leftover_words_to_the_root_word()
    {
        var state = Start(3);
        state.IsPunct[3] = true;
        state.Apply(ArcEagerState.Shift);
        state.Apply(ArcEagerState.Shift);
        state.Apply(ArcEagerState.Shift);
        Assert.True(state.IsTerminal);
        state.Finish(Punct, Obj);
        Assert.Equal(new[] { 0, 1, 1 }, state.Head[1..4]);
        Assert.Equal(new[] { Root, Obj, Punct }, state.Label[1..4]);
    }
}
