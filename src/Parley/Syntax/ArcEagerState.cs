namespace Parley.Syntax;

/// <summary>
/// The configuration of the arc-eager transition system for one sentence, held in arrays that are
/// reused from sentence to sentence. Position 0 is the artificial root; words are 1..<see cref="Count"/>.
/// Actions are numbered <c>0 = Shift</c>, <c>1 = Reduce</c>, <c>2 + l = LeftArc(l)</c>,
/// <c>2 + L + l = RightArc(l)</c> for L labels.
/// </summary>
internal sealed class ArcEagerState
{
    public const int Shift = 0;
    public const int Reduce = 1;
    public const int None = -1;

    public int Count;
    public int LabelCount;
    public int RootLabel;

    /// <summary>
    /// True when the artificial root comes after the last word (position <c>Count + 1</c>) instead of
    /// before the first (position 0): it is then the last buffer item, never on the stack, and takes
    /// its dependent by a left arc once every word has been read, so the parser does not choose the
    /// sentence's root before it has seen the sentence (after Ballesteros and Nivre, 2013).
    /// </summary>
    public bool RootLast;

    /// <summary>
    /// True when a left arc may also take a stack word that already has a head (given by a right arc),
    /// replacing it: the parser can undo an early attachment when the word's true head turns up
    /// (after Honnibal, Goldberg and Johnson, 2013). Used only with <see cref="RootLast"/>.
    /// </summary>
    public bool NonMonotonic;

    // Per-position input (index 0 = root).
    public ulong[] Word = [];
    public ulong[] Tag = [];
    public bool[] IsPunct = [];

    // The configuration.
    public int[] Stack = [];
    public int StackCount;
    public int Buffer;          // first buffer position; the buffer is empty when Buffer > Count
    public int RootChildren;    // arcs from the artificial root; at most one is allowed

    // The arcs built so far, with what the features need to see of them.
    public int[] Head = [];
    public int[] Label = [];
    public int[] Left1 = [];    // leftmost dependent
    public int[] Left2 = [];    // second leftmost dependent
    public int[] Right1 = [];   // rightmost dependent
    public int[] Right2 = [];   // second rightmost dependent
    public int[] LeftCount = [];
    public int[] RightCount = [];
    public ulong[] LeftLabels = [];  // set of the labels of left dependents (bit = label mod 64)
    public ulong[] RightLabels = [];

    /// <summary>Makes room for a sentence of <paramref name="words"/> words and clears the configuration.</summary>
    public void Reset(int words, int labelCount, int rootLabel, ParserTransitions transitions = ParserTransitions.None)
    {
        var rootLast = (transitions & ParserTransitions.RootLast) != 0;
        // Position words + 1 holds the root when it comes last; it is allocated either way.
        var size = words + 2;
        if (Word.Length < size)
        {
            var capacity = Math.Max(size, Word.Length * 2);
            Word = new ulong[capacity];
            Tag = new ulong[capacity];
            IsPunct = new bool[capacity];
            Stack = new int[capacity];
            Head = new int[capacity];
            Label = new int[capacity];
            Left1 = new int[capacity];
            Left2 = new int[capacity];
            Right1 = new int[capacity];
            Right2 = new int[capacity];
            LeftCount = new int[capacity];
            RightCount = new int[capacity];
            LeftLabels = new ulong[capacity];
            RightLabels = new ulong[capacity];
        }
        Count = words;
        LabelCount = labelCount;
        RootLabel = rootLabel;
        RootLast = rootLast;
        NonMonotonic = rootLast && (transitions & ParserTransitions.NonMonotonic) != 0;
        for (var i = 0; i < size; i++)
        {
            Head[i] = None;
            Label[i] = None;
            Left1[i] = Left2[i] = Right1[i] = Right2[i] = None;
            LeftCount[i] = RightCount[i] = 0;
            LeftLabels[i] = RightLabels[i] = 0;
        }
        if (rootLast)
        {
            StackCount = 0;
        }
        else
        {
            Stack[0] = 0;
            StackCount = 1;
        }
        Buffer = 1;
        RootChildren = 0;
        Word[RootPosition] = ParserFeatures.RootWord;
        Tag[RootPosition] = ParserFeatures.RootTag;
        IsPunct[RootPosition] = false;
    }

    /// <summary>The transition system the state runs.</summary>
    public ParserTransitions Transitions =>
        (RootLast ? ParserTransitions.RootLast : ParserTransitions.None) | (NonMonotonic ? ParserTransitions.NonMonotonic : ParserTransitions.None);

    /// <summary>
    /// Makes this configuration a copy of <paramref name="source"/>'s (stack, buffer and arcs), which
    /// must be over the same sentence; the words, tags and punctuation flags are left as they are.
    /// Lets a beam fork configurations without allocating.
    /// </summary>
    public void CopyConfigurationFrom(ArcEagerState source)
    {
        var size = source.Count + 2;
        Array.Copy(source.Stack, Stack, source.StackCount);
        Array.Copy(source.Head, Head, size);
        Array.Copy(source.Label, Label, size);
        Array.Copy(source.Left1, Left1, size);
        Array.Copy(source.Left2, Left2, size);
        Array.Copy(source.Right1, Right1, size);
        Array.Copy(source.Right2, Right2, size);
        Array.Copy(source.LeftCount, LeftCount, size);
        Array.Copy(source.RightCount, RightCount, size);
        Array.Copy(source.LeftLabels, LeftLabels, size);
        Array.Copy(source.RightLabels, RightLabels, size);
        StackCount = source.StackCount;
        Buffer = source.Buffer;
        RootChildren = source.RootChildren;
    }

    /// <summary>Resets this configuration for <paramref name="source"/>'s sentence and copies its words, tags and punctuation flags.</summary>
    public void ResetLike(ArcEagerState source)
    {
        Reset(source.Count, source.LabelCount, source.RootLabel, source.Transitions);
        var size = source.Count + 2;
        Array.Copy(source.Word, Word, size);
        Array.Copy(source.Tag, Tag, size);
        Array.Copy(source.IsPunct, IsPunct, size);
    }

    public int S0 => StackCount > 0 ? Stack[StackCount - 1] : None;

    public int S1 => StackCount > 1 ? Stack[StackCount - 2] : None;

    /// <summary>Position of the artificial root: 0, or <c>Count + 1</c> when it comes last.</summary>
    public int RootPosition => RootLast ? Count + 1 : 0;

    /// <summary>Last position the buffer can hold: the last word, or the root when it comes last.</summary>
    public int LastPosition => RootLast ? Count + 1 : Count;

    public bool IsTerminal => RootLast ? Buffer > Count && StackCount == 0 : Buffer > Count;

    public bool CanShift => Buffer <= Count;

    public bool CanReduce => StackCount > 0 && S0 != 0 && Head[S0] != None;

    public bool CanLeft => StackCount > 0 && Buffer <= LastPosition && S0 != 0 && (Head[S0] == None || NonMonotonic);

    /// <summary>True when a left arc now must carry the root label: the buffer's front is the root (when it comes last).</summary>
    public bool LeftIsRoot => RootLast && Buffer > Count;

    // The root takes one dependent only, so that every sentence gets exactly one root.
    public bool CanRight => StackCount > 0 && Buffer <= Count && (S0 != 0 || RootChildren == 0);

    /// <summary>
    /// The one action allowed, when only one is, else -1: a shift onto an empty stack, and, once only
    /// the root (placed last) is left in the buffer, a reduce or the left arc to the root. Such steps
    /// need no scoring.
    /// </summary>
    public int ForcedAction
    {
        get
        {
            if (!RootLast)
            {
                return -1;
            }
            if (Buffer > Count)
            {
                return Head[S0] == None ? LeftArc(RootLabel) : NonMonotonic ? -1 : Reduce;
            }
            return StackCount == 0 ? Shift : -1;
        }
    }

    public static int LeftArc(int label) => 2 + label;

    public int RightArc(int label) => 2 + LabelCount + label;

    public int ActionCount => 2 + 2 * LabelCount;

    /// <summary>True when the action may be applied now (labels included: <c>root</c> only from the artificial root).</summary>
    public bool IsValid(int action)
    {
        if (action == Shift)
        {
            return CanShift;
        }
        if (action == Reduce)
        {
            return CanReduce;
        }
        var label = action - 2;
        if (label < LabelCount)
        {
            return (label == RootLabel) == LeftIsRoot && CanLeft;
        }
        label -= LabelCount;
        return CanRight && (S0 == 0) == (label == RootLabel);
    }

    public void Apply(int action)
    {
        if (action == Shift)
        {
            Stack[StackCount++] = Buffer++;
            return;
        }
        if (action == Reduce)
        {
            StackCount--;
            return;
        }
        var label = action - 2;
        if (label < LabelCount)
        {
            var dependent = Stack[--StackCount];
            if (Head[dependent] != None)
            {
                Detach(dependent);
            }
            AddArc(Buffer, dependent, label);
            return;
        }
        label -= LabelCount;
        var head = S0;
        var word = Buffer++;
        AddArc(head, word, label);
        Stack[StackCount++] = word;
    }

    // Takes back the right arc that gave the word its head, so that a left arc can give it another.
    private void Detach(int dependent)
    {
        var head = Head[dependent];
        Head[dependent] = None;
        Label[dependent] = None;
        if (head == RootPosition)
        {
            RootChildren--;
        }
        RightCount[head]--;
        // The head's right dependents lie between it and the dependent (later ones are still in the buffer).
        int first = None, second = None;
        ulong labels = 0;
        for (var d = head + 1; d < dependent; d++)
        {
            if (Head[d] == head)
            {
                second = first;
                first = d;
                labels |= 1UL << (Label[d] & 63);
            }
        }
        Right1[head] = first;
        Right2[head] = second;
        RightLabels[head] = labels;
    }

    private void AddArc(int head, int dependent, int label)
    {
        Head[dependent] = head;
        Label[dependent] = label;
        if (head == RootPosition)
        {
            RootChildren++;
        }
        var bit = 1UL << (label & 63);
        if (dependent < head)
        {
            // Left dependents of a buffer word arrive from the nearest outwards.
            Left2[head] = Left1[head];
            Left1[head] = dependent;
            LeftCount[head]++;
            LeftLabels[head] |= bit;
        }
        else
        {
            // Right dependents arrive from the nearest outwards too.
            Right2[head] = Right1[head];
            Right1[head] = dependent;
            RightCount[head]++;
            RightLabels[head] |= bit;
        }
    }

    /// <summary>
    /// Completes the tree once the buffer is empty: words left without a head are attached to the root
    /// word (or the first of them becomes the root when there is none), so the result is always a
    /// single-rooted tree. <paramref name="punctLabel"/> and <paramref name="otherLabel"/> label those arcs.
    /// </summary>
    public void Finish(int punctLabel, int otherLabel)
    {
        if (RootLast)
        {
            // Root arcs point at position 0 from here on. A parse that ends with several words on the
            // root keeps the leftmost; the others are attached to it below, as headless words are.
            var first = true;
            for (var i = 1; i <= Count; i++)
            {
                if (Head[i] == RootPosition)
                {
                    Head[i] = first ? 0 : None;
                    first = false;
                }
            }
        }
        var root = None;
        for (var i = 1; i <= Count; i++)
        {
            if (Head[i] == 0)
            {
                root = i;
                break;
            }
        }
        for (var i = 1; i <= Count; i++)
        {
            if (Head[i] != None)
            {
                continue;
            }
            if (root == None)
            {
                root = i;
                Head[i] = 0;
                Label[i] = RootLabel;
                continue;
            }
            Head[i] = root;
            Label[i] = IsPunct[i] ? punctLabel : otherLabel;
        }
    }
}
