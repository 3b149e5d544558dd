using Parley.Learning;
using Parley.Model;

namespace Parley.Syntax;

/// <summary>
/// Beam search over one tagging pass: keeps the <c>width</c> best tag sequences so far instead of
/// committing to each tag greedily, and, while training, updates the weights as soon as the gold
/// sequence falls out of the beam ("early update").
/// </summary>
internal sealed class TaggerBeam
{
    private readonly int _width;
    private int[] _tag = [];
    private int[] _back = [];
    private float[] _score = [];
    private int[] _size = [];
    private readonly int[] _bestTag;
    private readonly int[] _bestBack;
    private readonly float[] _bestScore;

    public TaggerBeam(int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        _width = width;
        _bestTag = new int[width];
        _bestBack = new int[width];
        _bestScore = new float[width];
    }

    public int Width => _width;

    /// <summary>
    /// Tags a prepared sentence into <c>scratch.Classes</c>. With <paramref name="gold"/> and a
    /// <paramref name="trainer"/>, trains on it (early update) and returns the number of tokens
    /// decided before the update, else the sentence length.
    /// </summary>
    public int Run(PerceptronModel? model, PerceptronTrainer? trainer, string text, Token[] tokens, int first, int count,
        TaggerScratch scratch, int[]? firstPass, int[]? gold)
    {
        var classes = model?.Classes ?? trainer!.Classes;
        Ensure(count);
        var scores = scratch.Scores.AsSpan(0, classes);
        var goldItem = 0;
        for (var i = 0; i < count; i++)
        {
            var filled = 0;
            var items = i == 0 ? 1 : _size[i - 1];
            for (var k = 0; k < items; k++)
            {
                var baseScore = i == 0 ? 0f : _score[(i - 1) * _width + k];
                var (prev1, prev2) = Previous(i, k, classes);
                var n = TaggerFeatures.Extract(text, tokens, first, count, i, prev1, prev2, scratch, firstPass, classes);
                TaggerModel.Score(model, trainer, scratch.Features.AsSpan(0, n), scores);
                for (var c = 0; c < classes; c++)
                {
                    filled = Insert(filled, c, k, baseScore + scores[c]);
                }
            }
            var row = i * _width;
            Array.Copy(_bestTag, 0, _tag, row, filled);
            Array.Copy(_bestBack, 0, _back, row, filled);
            Array.Copy(_bestScore, 0, _score, row, filled);
            _size[i] = filled;
            if (gold is not null)
            {
                var found = -1;
                for (var k = 0; k < filled; k++)
                {
                    if (_tag[row + k] == gold[i] && (i == 0 || _back[row + k] == goldItem))
                    {
                        found = k;
                        break;
                    }
                }
                if (found < 0)
                {
                    Update(trainer!, text, tokens, first, count, scratch, firstPass, gold, i, 0, classes);
                    return i + 1;
                }
                goldItem = found;
            }
        }
        if (count > 0)
        {
            Trace(count - 1, 0, scratch.Classes);
            if (gold is not null && goldItem != 0)
            {
                Update(trainer!, text, tokens, first, count, scratch, firstPass, gold, count - 1, 0, classes);
            }
        }
        return count;
    }

    // Keeps the best `width` candidates in order (earlier candidates win ties).
    private int Insert(int filled, int tag, int back, float score)
    {
        var at = filled;
        while (at > 0 && _bestScore[at - 1] < score)
        {
            at--;
        }
        if (at >= _width)
        {
            return filled;
        }
        var last = Math.Min(filled, _width - 1);
        for (var j = last; j > at; j--)
        {
            _bestTag[j] = _bestTag[j - 1];
            _bestBack[j] = _bestBack[j - 1];
            _bestScore[j] = _bestScore[j - 1];
        }
        _bestTag[at] = tag;
        _bestBack[at] = back;
        _bestScore[at] = score;
        return Math.Min(filled + 1, _width);
    }

    private (int Prev1, int Prev2) Previous(int i, int k, int sentinel)
    {
        if (i == 0)
        {
            return (sentinel, sentinel);
        }
        var at = (i - 1) * _width + k;
        var prev1 = _tag[at];
        var prev2 = i >= 2 ? _tag[(i - 2) * _width + _back[at]] : sentinel;
        return (prev1, prev2);
    }

    // Follows back pointers from item k at position `last` into `classes[0..last]`.
    private void Trace(int last, int k, int[] classes)
    {
        for (var i = last; i >= 0; i--)
        {
            classes[i] = _tag[i * _width + k];
            k = _back[i * _width + k];
        }
    }

    // Rewards the gold prefix [0, last] and penalises the best beam item's prefix, feature by feature.
    private void Update(PerceptronTrainer trainer, string text, Token[] tokens, int first, int count, TaggerScratch scratch,
        int[]? firstPass, int[] gold, int last, int best, int classes)
    {
        var predicted = scratch.Classes;
        Trace(last, best, predicted);
        int g1 = classes, g2 = classes, p1 = classes, p2 = classes;
        for (var i = 0; i <= last; i++)
        {
            if (g1 != p1 || g2 != p2 || gold[i] != predicted[i])
            {
                var n = TaggerFeatures.Extract(text, tokens, first, count, i, g1, g2, scratch, firstPass, classes);
                trainer.Update(scratch.Features.AsSpan(0, n), gold[i], -1);
                n = TaggerFeatures.Extract(text, tokens, first, count, i, p1, p2, scratch, firstPass, classes);
                trainer.Update(scratch.Features.AsSpan(0, n), predicted[i], -1, -1f);
            }
            g2 = g1;
            g1 = gold[i];
            p2 = p1;
            p1 = predicted[i];
        }
    }

    private void Ensure(int count)
    {
        if (_size.Length >= count)
        {
            return;
        }
        var size = Math.Max(count, _size.Length * 2);
        _size = new int[size];
        _tag = new int[size * _width];
        _back = new int[size * _width];
        _score = new float[size * _width];
    }
}
