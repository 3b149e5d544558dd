namespace Parley.Syntax;

/// <summary>Something that scores every action from a configuration's features: a trained model, or the weights being trained.</summary>
internal interface IActionScorer
{
    /// <summary>Sets the first action-count entries of <paramref name="scores"/> to the actions' scores.</summary>
    void Score(ReadOnlySpan<ulong> features, Span<float> scores);
}

/// <summary>
/// Beam search over arc-eager configurations: at each step every configuration in the beam is
/// extended by each of its allowed actions, and the <see cref="Width"/> best extensions (score = sum
/// of the scores of the actions taken) form the next beam. Configurations whose buffer is empty are
/// carried over unchanged until all are. Each item keeps its action history as a parent pointer
/// into a shared list, so the sequence behind any item can be read back. Ties are broken by beam
/// position, then by action number, so width 1 takes exactly the greedy parser's actions.
/// Working memory is reused from sentence to sentence; one instance serves one thread.
/// </summary>
internal sealed class ArcEagerBeam
{
    /// <summary>History entry of the empty action sequence.</summary>
    public const int Start = -1;

    /// <summary>Action of a carried-over (already terminal) item.</summary>
    public const int Carry = -1;

    private ArcEagerState[] _current = [];
    private ArcEagerState[] _next = [];
    private double[] _score = [];
    private double[] _nextScore = [];
    private int[] _entry = [];
    private int[] _nextEntry = [];

    // Candidates of one step, best first: score, beam item and action.
    private double[] _candidateScore = [];
    private int[] _candidateItem = [];
    private int[] _candidateAction = [];
    private int _candidates;

    // Action histories: entry e took action _action[e] after entry _parent[e].
    private int[] _parent = new int[256];
    private int[] _action = new int[256];
    private int _entries;

    private readonly ulong[] _features = new ulong[ParserFeatures.MaxFeatures];
    private float[] _scores = [];

    /// <summary>Beam width of the search under way.</summary>
    public int Width { get; private set; }

    /// <summary>Items in the beam now.</summary>
    public int Count { get; private set; }

    /// <summary>Configuration of item <paramref name="i"/> (0 = best).</summary>
    public ArcEagerState State(int i) => _current[i];

    /// <summary>Summed action scores of item <paramref name="i"/>.</summary>
    public double Score(int i) => _score[i];

    /// <summary>History entry of item <paramref name="i"/> (see <see cref="Actions"/>).</summary>
    public int Entry(int i) => _entry[i];

    /// <summary>True when every item's buffer is empty.</summary>
    public bool IsDone
    {
        get
        {
            for (var i = 0; i < Count; i++)
            {
                if (!_current[i].IsTerminal)
                {
                    return false;
                }
            }
            return true;
        }
    }

    /// <summary>Starts a search of width <paramref name="width"/> from the initial configuration of <paramref name="input"/>'s sentence.</summary>
    public void Begin(ArcEagerState input, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        if (_current.Length < width)
        {
            _current = Grow(_current, width);
            _next = Grow(_next, width);
            _score = new double[width];
            _nextScore = new double[width];
            _entry = new int[width];
            _nextEntry = new int[width];
            _candidateScore = new double[width + 1];
            _candidateItem = new int[width + 1];
            _candidateAction = new int[width + 1];
        }
        if (_scores.Length < input.ActionCount)
        {
            _scores = new float[input.ActionCount];
        }
        Width = width;
        _current[0].ResetLike(input);
        for (var i = 1; i < width; i++)
        {
            // Every slot gets the sentence's words now, so forking only copies configurations.
            _current[i].ResetLike(input);
            _next[i].ResetLike(input);
        }
        _next[0].ResetLike(input);
        _score[0] = 0;
        _entry[0] = Start;
        _entries = 0;
        Count = 1;
    }

    /// <summary>Advances every item by one action (or carries it when terminal) and keeps the best <see cref="Width"/>.</summary>
    public void Step<TScorer>(ref TScorer scorer)
        where TScorer : IActionScorer
    {
        _candidates = 0;
        var scores = _scores;
        for (var i = 0; i < Count; i++)
        {
            var state = _current[i];
            var score = _score[i];
            if (state.IsTerminal)
            {
                Offer(score, i, Carry);
                continue;
            }
            var count = ParserFeatures.Extract(state, _features);
            scorer.Score(_features.AsSpan(0, count), scores);
            OfferValid(state, score, i, scores);
        }
        for (var j = 0; j < _candidates; j++)
        {
            var item = _candidateItem[j];
            var action = _candidateAction[j];
            var target = _next[j];
            target.CopyConfigurationFrom(_current[item]);
            _nextScore[j] = _candidateScore[j];
            if (action == Carry)
            {
                _nextEntry[j] = _entry[item];
                continue;
            }
            target.Apply(action);
            _nextEntry[j] = AddEntry(_entry[item], action);
        }
        (_current, _next) = (_next, _current);
        (_score, _nextScore) = (_nextScore, _score);
        (_entry, _nextEntry) = (_nextEntry, _entry);
        Count = _candidates;
    }

    /// <summary>Runs the search to the end; the best item is then <see cref="State"/>(0).</summary>
    public void Run<TScorer>(ref TScorer scorer)
        where TScorer : IActionScorer
    {
        while (!IsDone)
        {
            Step(ref scorer);
        }
    }

    /// <summary>
    /// The beam position of the item that took <paramref name="action"/> after history entry
    /// <paramref name="parent"/> in the last step (or was carried, for <see cref="Carry"/>), or -1 when no
    /// item did. Used to follow whether a given sequence (the gold one) is still in the beam.
    /// </summary>
    public int FindChild(int parent, int action)
    {
        for (var i = 0; i < Count; i++)
        {
            var e = _entry[i];
            if (action == Carry ? e == parent : e > parent && _parent[e] == parent && _action[e] == action)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The actions from the start to <paramref name="entry"/>, in order, into <paramref name="actions"/> (cleared first).</summary>
    public void Actions(int entry, List<int> actions)
    {
        actions.Clear();
        for (var e = entry; e != Start; e = _parent[e])
        {
            actions.Add(_action[e]);
        }
        actions.Reverse();
    }

    // Offers every allowed action, in action order, as BestValid considers them.
    private void OfferValid(ArcEagerState state, double score, int item, float[] scores)
    {
        if (state.CanShift)
        {
            Offer(score + scores[ArcEagerState.Shift], item, ArcEagerState.Shift);
        }
        if (state.CanReduce)
        {
            Offer(score + scores[ArcEagerState.Reduce], item, ArcEagerState.Reduce);
        }
        var labels = state.LabelCount;
        var root = state.RootLabel;
        if (state.CanLeft)
        {
            var leftIsRoot = state.LeftIsRoot;
            for (var l = 0; l < labels; l++)
            {
                if ((l == root) == leftIsRoot)
                {
                    Offer(score + scores[2 + l], item, 2 + l);
                }
            }
        }
        if (!state.CanRight)
        {
            return;
        }
        if (state.S0 == 0)
        {
            Offer(score + scores[2 + labels + root], item, 2 + labels + root);
            return;
        }
        for (var l = 0; l < labels; l++)
        {
            if (l != root)
            {
                Offer(score + scores[2 + labels + l], item, 2 + labels + l);
            }
        }
    }

    // Inserts a candidate into the sorted best list; an equal score keeps the earlier candidate first.
    private void Offer(double score, int item, int action)
    {
        var n = _candidates;
        if (n == Width && !(score > _candidateScore[n - 1]))
        {
            return;
        }
        var k = n == Width ? n - 1 : n;
        while (k > 0 && score > _candidateScore[k - 1])
        {
            _candidateScore[k] = _candidateScore[k - 1];
            _candidateItem[k] = _candidateItem[k - 1];
            _candidateAction[k] = _candidateAction[k - 1];
            k--;
        }
        _candidateScore[k] = score;
        _candidateItem[k] = item;
        _candidateAction[k] = action;
        if (n < Width)
        {
            _candidates++;
        }
    }

    private int AddEntry(int parent, int action)
    {
        if (_entries == _parent.Length)
        {
            Array.Resize(ref _parent, _entries * 2);
            Array.Resize(ref _action, _entries * 2);
        }
        _parent[_entries] = parent;
        _action[_entries] = action;
        return _entries++;
    }

    private static ArcEagerState[] Grow(ArcEagerState[] states, int width)
    {
        var grown = new ArcEagerState[width];
        Array.Copy(states, grown, states.Length);
        for (var i = states.Length; i < width; i++)
        {
            grown[i] = new ArcEagerState();
        }
        return grown;
    }
}
