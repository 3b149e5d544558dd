namespace Parley.Ingest;

/// <summary>
/// Reads a stream line by line as bytes. A line longer than the limit is skipped without being held in
/// memory (only its length is reported), so one huge line cannot exhaust memory.
/// </summary>
internal sealed class ByteLineReader
{
    private readonly Stream _stream;
    private readonly long _maxLineBytes;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly MemoryStream _line = new();
    private int _position;
    private int _length;
    private bool _endOfStream;
    private int _lineNumber;

    public ByteLineReader(Stream stream, long maxLineBytes)
    {
        _stream = stream;
        _maxLineBytes = maxLineBytes;
    }

    /// <summary>The next line, or null at the end of the stream.</summary>
    public async ValueTask<ByteLine?> ReadLineAsync(CancellationToken cancellationToken)
    {
        _line.SetLength(0);
        long length = 0;
        var sawAny = false;
        while (true)
        {
            if (_position == _length)
            {
                if (_endOfStream)
                {
                    break;
                }
                _length = await _stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
                _position = 0;
                if (_length == 0)
                {
                    _endOfStream = true;
                    break;
                }
            }
            sawAny = true;
            var span = _buffer.AsSpan(_position, _length - _position);
            var newline = span.IndexOf((byte)'\n');
            var chunk = newline < 0 ? span : span[..newline];
            if (length + chunk.Length <= _maxLineBytes)
            {
                _line.Write(chunk);
            }
            length += chunk.Length;
            if (newline >= 0)
            {
                _position += newline + 1;
                return Finish(length);
            }
            _position = _length;
        }
        return sawAny ? Finish(length) : null;
    }

    private ByteLine Finish(long length)
    {
        _lineNumber++;
        var tooLong = length > _maxLineBytes;
        var bytes = tooLong ? [] : _line.ToArray();
        if (bytes.Length > 0 && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }
        return new ByteLine(_lineNumber, bytes, length, tooLong);
    }
}
