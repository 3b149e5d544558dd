namespace Parley.Syntax;

/// <summary>
/// The dynamic oracle of the arc-eager system (Goldberg and Nivre, 2012/2013): the cost of an action
/// is the number of gold arcs that stop being reachable when it is applied. Every action of cost 0
/// still leads to the best tree reachable from the configuration, so training can follow the
/// model's own (possibly wrong) choices and learn to recover from them. Gold trees must be projective.
/// </summary>
internal static class ArcEagerOracle
{
    /// <summary>Cost meaning the action is not allowed.</summary>
    public const int Invalid = int.MaxValue;

    /// <summary>
    /// Unlabelled costs of Shift, Reduce, LeftArc and RightArc in <paramref name="costs"/>[0..4).
    /// <paramref name="goldHead"/> is indexed by position (words 1..n) and gives the root as the
    /// state places it (<see cref="ArcEagerState.RootPosition"/>).
    /// </summary>
    public static void Costs(ArcEagerState state, ReadOnlySpan<int> goldHead, Span<int> costs)
    {
        var s = state.S0;
        var b = state.Buffer;
        var n = state.Count;
        costs[0] = state.CanShift ? ShiftCost(state, goldHead, b) : Invalid;
        costs[1] = state.CanReduce ? DependentsInBuffer(s, b, n, goldHead) + (state.NonMonotonic && HeadStillInBuffer(state, goldHead, s) ? 1 : 0) : Invalid;
        if (state.CanLeft)
        {
            // s loses any head in the buffer other than b, and all its dependents in the buffer; a
            // left arc that replaces s's head loses that head if it was right.
            var cost = DependentsInBuffer(s, b, n, goldHead);
            var h = goldHead[s];
            if (h > b && h <= state.LastPosition)
            {
                cost++;
            }
            if (state.Head[s] != ArcEagerState.None && state.Head[s] == h)
            {
                cost++;
            }
            costs[2] = cost;
        }
        else
        {
            costs[2] = Invalid;
        }
        costs[3] = state.CanRight ? RightCost(state, goldHead, s, b) : Invalid;
    }

    /// <summary>Cost of <paramref name="action"/> given the unlabelled costs: a wrong label on a gold arc costs one more.</summary>
    public static int LabelledCost(ArcEagerState state, int action, ReadOnlySpan<int> costs, ReadOnlySpan<int> goldHead, ReadOnlySpan<int> goldLabel)
    {
        if (action == ArcEagerState.Shift)
        {
            return costs[0];
        }
        if (action == ArcEagerState.Reduce)
        {
            return costs[1];
        }
        if (!state.IsValid(action))
        {
            return Invalid;
        }
        var label = action - 2;
        if (label < state.LabelCount)
        {
            var s = state.S0;
            return costs[2] + (goldHead[s] == state.Buffer && goldLabel[s] != label ? 1 : 0);
        }
        label -= state.LabelCount;
        var b = state.Buffer;
        return costs[3] + (goldHead[b] == state.S0 && goldLabel[b] != label ? 1 : 0);
    }

    // A non-monotonic parser can still give s its head from the buffer, even when a right arc gave it a wrong one.
    private static bool HeadStillInBuffer(ArcEagerState state, ReadOnlySpan<int> goldHead, int s)
    {
        var h = goldHead[s];
        return state.Head[s] != h && h >= state.Buffer && h <= state.LastPosition;
    }

    // Stack word k still expects b as its head: it has none yet, or (non-monotonic) b could replace the one it has.
    private static bool WaitsFor(ArcEagerState state, ReadOnlySpan<int> goldHead, int k, int b) =>
        k != 0 && goldHead[k] == b && (state.Head[k] == ArcEagerState.None || state.NonMonotonic);

    private static int DependentsInBuffer(int s, int b, int n, ReadOnlySpan<int> goldHead)
    {
        var cost = 0;
        for (var k = b; k <= n; k++)
        {
            if (goldHead[k] == s)
            {
                cost++;
            }
        }
        return cost;
    }

    // b loses its head if it is on the stack, and its dependents that wait headless on the stack.
    private static int ShiftCost(ArcEagerState state, ReadOnlySpan<int> goldHead, int b)
    {
        var cost = 0;
        var h = goldHead[b];
        for (var i = 0; i < state.StackCount; i++)
        {
            var k = state.Stack[i];
            if (k == h)
            {
                cost++;
            }
            else if (WaitsFor(state, goldHead, k, b))
            {
                cost++;
            }
        }
        return cost;
    }

    // b gets s as its head: it loses any other head on the stack or in the buffer, and its dependents
    // that wait on the stack. A wrong head costs even when a non-monotonic parser could replace it
    // later: the oracle makes arcs right the first time, and repairs only the model's own mistakes.
    private static int RightCost(ArcEagerState state, ReadOnlySpan<int> goldHead, int s, int b)
    {
        var cost = 0;
        var h = goldHead[b];
        if (h != s && h > b && h <= state.LastPosition)
        {
            cost++;
        }
        for (var i = 0; i < state.StackCount; i++)
        {
            var k = state.Stack[i];
            if (k == h && k != s)
            {
                cost++;
            }
            else if (WaitsFor(state, goldHead, k, b))
            {
                cost++;
            }
        }
        return cost;
    }
}
