using Parley.Serialization;

namespace Parley.Cli.Output;

/// <summary>
/// Writes records to a stream in batches: JSON lines, or one indented JSON array. The stream is
/// flushed when the buffer fills and at the end, so output appears promptly and is never partial.
/// </summary>
internal sealed class RecordSink : IAsyncDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private static readonly byte[] ArrayOpen = "[\n"u8.ToArray();
    private static readonly byte[] Separator = ",\n"u8.ToArray();
    private static readonly byte[] EmptyArray = "[]\n"u8.ToArray();
    private static readonly byte[] ArrayClose = "\n]\n"u8.ToArray();
    private readonly Stream _stream;
    private readonly bool _array;
    private readonly BufferedStream _buffer;
    private int _count;
    private bool _completed;

    public RecordSink(Stream stream, bool array)
    {
        _stream = stream;
        _array = array;
        _buffer = new BufferedStream(stream, 1 << 16);
    }

    public async ValueTask WriteAsync(ParleyRecord record, CancellationToken cancellationToken)
    {
        if (_array)
        {
            await _buffer.WriteAsync(_count == 0 ? ArrayOpen : Separator, cancellationToken).ConfigureAwait(false);
        }
        await _buffer.WriteAsync(RecordWriter.ToUtf8(record, indented: _array), cancellationToken).ConfigureAwait(false);
        if (!_array)
        {
            await _buffer.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
        }
        _count++;
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        if (_completed)
        {
            return;
        }
        _completed = true;
        if (_array)
        {
            await _buffer.WriteAsync(_count == 0 ? EmptyArray : ArrayClose, cancellationToken).ConfigureAwait(false);
        }
        await _buffer.FlushAsync(cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _buffer.FlushAsync().ConfigureAwait(false);
        await _buffer.DisposeAsync().ConfigureAwait(false);
    }
}
