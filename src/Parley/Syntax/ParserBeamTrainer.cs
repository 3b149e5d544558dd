using Parley.Learning;

namespace Parley.Syntax;

/// <summary>
/// Global (structured) perceptron training of the beam parser, one sentence at a time: the beam
/// search runs beside the gold action sequence, and the weights are updated at the step where the
/// beam's best sequence outscores the gold prefix by most (the max-violation update of Huang, Fayong
/// and Guo, 2012): the gold prefix's features are rewarded, the best wrong prefix's penalised, each
/// action once. Nothing is updated when the beam's final best is the gold sequence. Working memory
/// is reused; one instance serves one thread. Deterministic.
/// </summary>
internal sealed class ParserBeamTrainer
{
    private readonly ArcEagerBeam _beam = new();
    private readonly ArcEagerState _gold = new();
    private readonly ArcEagerState _replay = new();
    private readonly ulong[] _features = new ulong[ParserFeatures.MaxFeatures];
    private readonly int[] _costs = new int[4];
    private readonly List<int> _goldActions = [];
    private readonly List<int> _predicted = [];
    private float[] _scores = [];

    /// <summary>
    /// Trains on the sentence prepared in <paramref name="input"/> (words, tags and punctuation flags
    /// from position 1) with gold heads and label ids indexed by position. Returns true when the
    /// weights were updated (the beam's best sequence was not the gold one).
    /// </summary>
    public bool Train(ArcEagerState input, int[] goldHead, int[] goldLabel, int width, SparsePerceptronTrainer trainer)
    {
        if (_scores.Length < input.ActionCount)
        {
            _scores = new float[input.ActionCount];
        }
        GoldSequence(input, goldHead, goldLabel, _replay, _costs, _goldActions);
        var goldLength = _goldActions.Count;
        _beam.Begin(input, width);
        _gold.ResetLike(input);
        var scorer = new TrainerScorer(trainer);
        var goldScore = 0.0;
        var goldEntry = ArcEagerBeam.Start;
        var goldInBeam = true;
        var bestIsGold = true;
        var worstStep = -1;
        var worstEntry = ArcEagerBeam.Start;
        var worstViolation = double.NegativeInfinity;
        for (var step = 1; step <= goldLength || !_beam.IsDone; step++)
        {
            var action = step <= goldLength ? _goldActions[step - 1] : ArcEagerBeam.Carry;
            if (!goldInBeam)
            {
                goldScore += GoldActionScore(action, trainer);
            }
            _beam.Step(ref scorer);
            if (goldInBeam)
            {
                var item = _beam.FindChild(goldEntry, action);
                goldInBeam = item >= 0;
                if (goldInBeam)
                {
                    // The same sum the beam made, so the scores compare exactly.
                    goldEntry = _beam.Entry(item);
                    goldScore = _beam.Score(item);
                }
                else
                {
                    goldScore += GoldActionScore(action, trainer);
                }
            }
            if (action != ArcEagerBeam.Carry)
            {
                _gold.Apply(action);
            }
            bestIsGold = goldInBeam && _beam.Entry(0) == goldEntry;
            if (bestIsGold)
            {
                continue;
            }
            var violation = _beam.Score(0) - goldScore;
            if (violation > worstViolation)
            {
                worstViolation = violation;
                worstStep = step;
                worstEntry = _beam.Entry(0);
            }
        }
        trainer.NextInstance();
        if (bestIsGold || worstStep < 0)
        {
            return false;
        }
        _beam.Actions(worstEntry, _predicted);
        Update(input, Math.Min(worstStep, goldLength), trainer);
        return true;
    }

    // The score of the gold action from the gold configuration (0 for a carried terminal one).
    private float GoldActionScore(int action, SparsePerceptronTrainer trainer)
    {
        if (action == ArcEagerBeam.Carry)
        {
            return 0;
        }
        var count = ParserFeatures.Extract(_gold, _features);
        trainer.Score(_features.AsSpan(0, count), _scores);
        return _scores[action];
    }

    // Rewards the first goldPrefix gold actions and penalises the predicted ones, from where they part.
    private void Update(ArcEagerState input, int goldPrefix, SparsePerceptronTrainer trainer)
    {
        var common = 0;
        while (common < goldPrefix && common < _predicted.Count && _goldActions[common] == _predicted[common])
        {
            common++;
        }
        _replay.ResetLike(input);
        for (var i = 0; i < common; i++)
        {
            _replay.Apply(_goldActions[i]);
        }
        _gold.ResetLike(input);
        _gold.CopyConfigurationFrom(_replay);
        for (var i = common; i < goldPrefix; i++)
        {
            var count = ParserFeatures.Extract(_gold, _features);
            trainer.Update(_features.AsSpan(0, count), _goldActions[i], -1, 1f);
            _gold.Apply(_goldActions[i]);
        }
        for (var i = common; i < _predicted.Count; i++)
        {
            var count = ParserFeatures.Extract(_replay, _features);
            trainer.Update(_features.AsSpan(0, count), _predicted[i], -1, -1f);
            _replay.Apply(_predicted[i]);
        }
    }

    /// <summary>
    /// The static oracle: the action sequence that builds the (projective) gold tree from the
    /// sentence in <paramref name="input"/>, arcs as soon as possible and Reduce as soon as it loses
    /// nothing, written into <paramref name="actions"/>. <paramref name="work"/> is overwritten.
    /// </summary>
    internal static void GoldSequence(ArcEagerState input, int[] goldHead, int[] goldLabel, ArcEagerState work, int[] costs, List<int> actions)
    {
        actions.Clear();
        work.ResetLike(input);
        while (!work.IsTerminal)
        {
            var s = work.S0;
            var b = work.Buffer;
            ArcEagerOracle.Costs(work, goldHead, costs);
            int action;
            if (work.CanLeft && goldHead[s] == b)
            {
                action = ArcEagerState.LeftArc(goldLabel[s]);
            }
            else if (work.CanRight && goldHead[b] == s)
            {
                action = work.RightArc(goldLabel[b]);
            }
            else if (costs[ArcEagerState.Reduce] == 0)
            {
                action = ArcEagerState.Reduce;
            }
            else
            {
                action = ArcEagerState.Shift;
            }
            if (!work.IsValid(action) || ArcEagerOracle.LabelledCost(work, action, costs, goldHead, goldLabel) != 0)
            {
                // Only for trees the rules above cannot build: the allowed action that loses fewest gold arcs.
                action = ParserTrainer.BestCheapest(work, new float[work.ActionCount], costs, goldHead, goldLabel).Action;
            }
            actions.Add(action);
            work.Apply(action);
        }
    }

    private readonly struct TrainerScorer(SparsePerceptronTrainer trainer) : IActionScorer
    {
        public void Score(ReadOnlySpan<ulong> features, Span<float> scores) => trainer.Score(features, scores);
    }
}
