using System.Diagnostics;
using System.Globalization;

namespace Parley.Cli.Output;

/// <summary>
/// A one-line progress bar on standard error (articles/s, sentences/s, ETA when the total is known),
/// drawn only when standard error is a terminal and there is more than one article. Otherwise silent.
/// </summary>
internal sealed class ProgressReporter : IDisposable
{
    private readonly bool _enabled;
    private readonly int? _total;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDraw;
    private int _articles;
    private long _sentences;
    private long _tokens;
    private bool _drawn;

    private ProgressReporter(bool enabled, int? total)
    {
        _enabled = enabled;
        _total = total;
    }

    public static ProgressReporter Create(bool allowed, int? total) =>
        new(allowed && !Console.IsErrorRedirected && total is not (0 or 1), total);

    public int Articles => _articles;
    public long Sentences => _sentences;
    public long Tokens => _tokens;
    public TimeSpan Elapsed => _clock.Elapsed;

    public void Advance(int sentences, int tokens)
    {
        _articles++;
        _sentences += sentences;
        _tokens += tokens;
        if (_enabled && _articles > 1 && _clock.ElapsedMilliseconds - _lastDraw >= 200)
        {
            _lastDraw = _clock.ElapsedMilliseconds;
            Draw();
        }
    }

    public void Clear()
    {
        if (_drawn)
        {
            Console.Error.Write("\r\u001b[2K");
            _drawn = false;
        }
    }

    public void Finish()
    {
        if (_drawn)
        {
            Draw();
            Console.Error.WriteLine();
            _drawn = false;
        }
    }

    public void Dispose() => Clear();

    private void Draw()
    {
        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
        var rate = _articles / seconds;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{_articles}{(_total is int t ? $"/{t}" : "")} articles  {rate:F1} articles/s  {_sentences / seconds:F0} sentences/s");
        if (_total is int total && total > 0)
        {
            var done = Math.Min(1.0, (double)_articles / total);
            var width = 24;
            var filled = (int)(done * width);
            var eta = rate > 0 ? TimeSpan.FromSeconds((total - _articles) / rate) : TimeSpan.Zero;
            line = $"[{new string('#', filled)}{new string('.', width - filled)}] {line}  ETA {eta:hh\\:mm\\:ss}";
        }
        Console.Error.Write("\r\u001b[2K" + line);
        _drawn = true;
    }
}
