using System.Globalization;

namespace Parley.Syntax;

/// <summary>
/// Keeps the best epoch of a training run by dev LAS: each epoch's model bytes are offered with their
/// dev score; the best is kept (and written to a checkpoint when asked), and the run is told to stop
/// after <c>patience</c> epochs without a gain. Without dev scores the last epoch is kept.
/// </summary>
internal sealed class EpochChoice(int patience, TextWriter log)
{
    private int _sinceBest;

    /// <summary>The bytes of the model kept so far.</summary>
    public byte[]? Best { get; private set; }

    /// <summary>The epoch of <see cref="Best"/>.</summary>
    public int BestEpoch { get; private set; }

    /// <summary>Its dev LAS (−∞ without dev scores).</summary>
    public double BestLas { get; private set; } = double.NegativeInfinity;

    /// <summary>
    /// Offers epoch <paramref name="epoch"/>'s model: logs <paramref name="line"/> (with the dev score when
    /// there is one) and keeps the model if it is the best so far, calling <paramref name="checkpoint"/>
    /// then. Returns false when the run should stop.
    /// </summary>
    public bool Offer(int epoch, byte[] bytes, string line, ParserEvaluation? evaluation, Action? checkpoint)
    {
        if (evaluation is null)
        {
            log.WriteLine(line);
            (Best, BestEpoch) = (bytes, epoch);
            return true;
        }
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{line}; dev {evaluation}"));
        log.Flush();
        if (evaluation.Las > BestLas)
        {
            (Best, BestEpoch, BestLas) = (bytes, epoch, evaluation.Las);
            _sinceBest = 0;
            checkpoint?.Invoke();
            return true;
        }
        if (++_sinceBest < patience)
        {
            return true;
        }
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stopping: dev LAS has not improved for {_sinceBest} epochs (best {BestLas:F2})"));
        return false;
    }

    /// <summary>Logs the epoch chosen, when dev chose it.</summary>
    public void LogChoice()
    {
        if (BestLas > double.NegativeInfinity)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"chosen: epoch {BestEpoch} (dev LAS {BestLas:F2})"));
        }
    }
}
