using Parley.Model;
using Parley.Syntax;

namespace Parley.Tests.Syntax;

public sealed class ParserRootLastTests
{
    private const int Nsubj = 0, Obj = 1, Punct = 2, Root = 3, Labels = 4;

    private static readonly Lazy<ParserModel> Model = new(() => ParserSamples.Train(rootLast: true));

    private static ArcEagerState Start(int words, bool nonMonotonic = false)
    {
        var state = new ArcEagerState();
        state.Reset(words, Labels, Root, nonMonotonic ? ParserTransitions.RootLast | ParserTransitions.NonMonotonic : ParserTransitions.RootLast);
        return state;
    }

    [Fact]
    public void The_root_waits_at_the_end_of_the_buffer_and_takes_its_word_by_a_left_arc()
    {
        // "She saw him": the stack starts empty, so the first word must be shifted.
        var state = Start(3);
        Assert.Equal(4, state.RootPosition);
        Assert.Equal(ArcEagerState.Shift, state.ForcedAction);
        Assert.False(state.IsValid(state.RightArc(Root)));
        state.Apply(ArcEagerState.Shift);
        Assert.Equal(-1, state.ForcedAction);
        Assert.False(state.IsValid(ArcEagerState.LeftArc(Root)));   // "saw" is a word, not the root
        state.Apply(ArcEagerState.LeftArc(Nsubj));                  // She <- saw
        state.Apply(ArcEagerState.Shift);
        state.Apply(state.RightArc(Obj));                           // saw -> him
        Assert.False(state.IsTerminal);                             // the buffer holds the root only
        Assert.False(state.CanShift);
        Assert.Equal(ArcEagerState.Reduce, state.ForcedAction);
        state.Apply(ArcEagerState.Reduce);
        Assert.Equal(ArcEagerState.LeftArc(Root), state.ForcedAction);
        Assert.False(state.IsValid(ArcEagerState.LeftArc(Obj)));    // the root takes only the root label
        state.Apply(ArcEagerState.LeftArc(Root));
        Assert.True(state.IsTerminal);
        state.Finish(Punct, Obj);
        Assert.Equal(new[] { 2, 0, 2 }, state.Head[1..4]);
        Assert.Equal(new[] { Nsubj, Root, Obj }, state.Label[1..4]);
    }

    [Fact]
    public void Finish_keeps_the_leftmost_of_several_root_words_and_hangs_the_others_on_it()
    {
        var state = Start(3);
        state.IsPunct[3] = true;
        state.Apply(ArcEagerState.Shift);
        state.Apply(ArcEagerState.Shift);
        state.Apply(ArcEagerState.Shift);
        while (!state.IsTerminal)
        {
            state.Apply(state.ForcedAction);
        }
        state.Finish(Punct, Obj);
        Assert.Equal(new[] { 0, 1, 1 }, state.Head[1..4]);
        Assert.Equal(new[] { Root, Obj, Punct }, state.Label[1..4]);
    }

    [Fact]
    public void A_non_monotonic_left_arc_replaces_the_head_a_right_arc_gave()
    {
        // "saw him leave": a right arc first hangs "him" on "saw"; "leave" then takes it back.
        var state = Start(3, nonMonotonic: true);
        state.Apply(ArcEagerState.Shift);
        state.Apply(state.RightArc(Obj));
        Assert.Equal(1, state.Head[2]);
        Assert.Equal(2, state.Right1[1]);
        Assert.True(state.IsValid(ArcEagerState.LeftArc(Nsubj)));
        Assert.False(Start(3).CanLeft);                             // the monotonic system never could
        state.Apply(ArcEagerState.LeftArc(Nsubj));
        Assert.Equal(3, state.Head[2]);
        Assert.Equal(Nsubj, state.Label[2]);
        Assert.Equal(ArcEagerState.None, state.Right1[1]);
        Assert.Equal(0, state.RightCount[1]);
        Assert.Equal(0UL, state.RightLabels[1]);
        Assert.Equal(2, state.Left1[3]);
        state.Apply(state.RightArc(Obj));                           // saw -> leave
        Assert.Equal(-1, state.ForcedAction);                       // reduce, or take the root from "saw"'s head
        state.Apply(ArcEagerState.Reduce);
        state.Apply(state.ForcedAction);
        Assert.True(state.IsTerminal);
        state.Finish(Punct, Obj);
        Assert.Equal(new[] { 0, 3, 1 }, state.Head[1..4]);
    }

    [Fact]
    public void The_non_monotonic_oracle_charges_for_a_wrong_right_arc_and_then_repairs_it_for_free()
    {
        // Gold: "him" (2) depends on "leave" (3); "leave" on "saw" (1); "saw" on the root (4).
        int[] gold = [0, 4, 3, 1];
        var state = Start(3, nonMonotonic: true);
        var costs = new int[4];
        state.Apply(ArcEagerState.Shift);
        ArcEagerOracle.Costs(state, gold, costs);
        Assert.Equal(1, costs[3]);                                  // saw -> him is wrong, even if repairable
        state.Apply(state.RightArc(Obj));
        ArcEagerOracle.Costs(state, gold, costs);
        Assert.Equal(0, costs[2]);                                  // leave takes "him" back: nothing lost
        Assert.Equal(1, costs[1]);                                  // reducing "him" gives up its true head
        Assert.Equal(2, costs[0]);                                  // shifting "leave" loses it and "leave"'s own head
    }

    [Fact]
    public void The_oracle_rebuilds_every_projective_sample_tree_with_the_root_last()
    {
        foreach (var nonMonotonic in new[] { false, true })
        {
            RebuildSamples(nonMonotonic);
        }
    }

    private static void RebuildSamples(bool nonMonotonic)
    {
        foreach (var heads in ParserSamples.LiftedHeads())
        {
            var n = heads.Length - 1;
            var gold = new int[n + 1];
            var goldLabels = new int[n + 1];
            for (var i = 1; i <= n; i++)
            {
                gold[i] = heads[i] == 0 ? n + 1 : heads[i];
                goldLabels[i] = heads[i] == 0 ? Root : Obj;
            }
            var state = Start(n, nonMonotonic);
            var costs = new int[4];
            while (!state.IsTerminal)
            {
                ArcEagerOracle.Costs(state, gold, costs);
                var best = -1;
                var bestCost = int.MaxValue;
                for (var a = 0; a < state.ActionCount; a++)
                {
                    var cost = state.IsValid(a) ? ArcEagerOracle.LabelledCost(state, a, costs, gold, goldLabels) : int.MaxValue;
                    if (cost < bestCost)
                    {
                        (best, bestCost) = (a, cost);
                    }
                }
                Assert.Equal(0, bestCost);
                state.Apply(best);
            }
            state.Finish(Punct, Obj);
            Assert.Equal(heads[1..(n + 1)], state.Head[1..(n + 1)]);
        }
    }

    [Fact]
    public void A_root_last_parser_fits_the_sample_treebank_and_keeps_its_root_position_when_saved()
    {
        var (evaluation, document) = ParserSamples.ParseSamples(Model.Value);
        Assert.Equal(100.0, evaluation.Uas);
        Assert.Equal(100.0, evaluation.FullLas);
        Assert.Empty(ParserSamples.TreeViolations(document));

        var bytes = ParserSamples.Bytes(Model.Value);
        Assert.Equal(ParserModel.FormatVersion, BitConverter.ToInt32(bytes, 8));   // after the eight magic bytes
        using var stream = new MemoryStream(bytes);
        var loaded = ParserModel.Load(stream);
        Assert.True(loaded.RootLast);
        Assert.Equal(bytes, ParserSamples.Bytes(loaded));
        Assert.False(ParserSamples.Train(epochs: 2).RootLast);
    }

    [Fact]
    public void A_non_monotonic_parser_fits_the_sample_treebank_and_keeps_the_option_when_saved()
    {
        var model = ParserSamples.Train(rootLast: true, nonMonotonic: true);
        var (evaluation, document) = ParserSamples.ParseSamples(model);
        Assert.Equal(100.0, evaluation.Uas);
        Assert.Empty(ParserSamples.TreeViolations(document));
        var bytes = ParserSamples.Bytes(model);
        using var stream = new MemoryStream(bytes);
        var loaded = ParserModel.Load(stream);
        Assert.True(loaded.RootLast && loaded.NonMonotonic);
        Assert.Equal(bytes, ParserSamples.Bytes(loaded));
        bytes[12 + 4] = 9;                                          // unknown options after the format and the beam width
        using var unknown = new MemoryStream(bytes);
        Assert.Throws<InvalidDataException>(() => ParserModel.Load(unknown));
    }
}
