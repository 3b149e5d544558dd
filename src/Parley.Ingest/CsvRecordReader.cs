using System.Text;

namespace Parley.Ingest;

/// <summary>
/// An RFC 4180 reader: comma-separated fields, records ended by CRLF or LF, double-quoted fields that may
/// hold commas, line breaks and doubled quotes. It is lenient where real files are sloppy (a quote inside
/// an unquoted field is kept as text) and strict only where data would be lost (an unterminated quote).
/// </summary>
internal sealed class CsvRecordReader
{
    private readonly TextReader _reader;
    private readonly long _maxRecordChars;
    private readonly char[] _buffer = new char[32 * 1024];
    private readonly StringBuilder _field = new();
    private int _position;
    private int _length;
    private bool _endOfInput;
    private int _line = 1;

    public CsvRecordReader(TextReader reader, long maxRecordChars)
    {
        _reader = reader;
        _maxRecordChars = maxRecordChars;
    }

    /// <summary>The next record, or null at the end of the input. Blank lines are skipped.</summary>
    public async ValueTask<CsvRecord?> ReadRecordAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var record = await ReadAnyRecordAsync(cancellationToken).ConfigureAwait(false);
            if (record is null || record.Fields.Count > 1 || record.Fields[0].Length > 0 || record.Error is not null || record.TooLarge)
            {
                return record;
            }
        }
    }

    private async ValueTask<CsvRecord?> ReadAnyRecordAsync(CancellationToken cancellationToken)
    {
        if (!(_position < _length || await FillAsync(cancellationToken).ConfigureAwait(false)))
        {
            return null;
        }
        var startLine = _line;
        var fields = new List<string>();
        long recordChars = 0;
        var tooLarge = false;
        var inQuotes = false;
        var quotedField = false;
        _field.Clear();
        while (true)
        {
            if (!(_position < _length || await FillAsync(cancellationToken).ConfigureAwait(false)))
            {
                if (inQuotes)
                {
                    fields.Add(_field.ToString());
                    return new CsvRecord(startLine, fields, tooLarge, $"a quoted field opened on line {startLine} is never closed");
                }
                fields.Add(_field.ToString());
                return new CsvRecord(startLine, fields, tooLarge, null);
            }
            if (inQuotes)
            {
                // Fast path: copy the run of ordinary characters up to the next quote or line break at once.
                var run = _buffer.AsSpan(_position, _length - _position);
                var stop = run.IndexOfAny('"', '\n');
                if (stop != 0)
                {
                    var chunk = stop < 0 ? run : run[..stop];
                    AppendRun(chunk, ref recordChars, ref tooLarge);
                    _position += chunk.Length;
                    continue;
                }
            }
            var c = _buffer[_position++];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (!(_position < _length || await FillAsync(cancellationToken).ConfigureAwait(false)) || _buffer[_position] != '"')
                    {
                        inQuotes = false;
                        continue;
                    }
                    _position++;
                }
                else if (c == '\n')
                {
                    _line++;
                }
                Append(c, ref recordChars, ref tooLarge);
                continue;
            }
            switch (c)
            {
                case '"' when _field.Length == 0 && !quotedField:
                    inQuotes = true;
                    quotedField = true;
                    break;
                case ',':
                    fields.Add(_field.ToString());
                    _field.Clear();
                    quotedField = false;
                    break;
                case '\r':
                    // A CR ends the record only as part of CRLF or alone; either way the LF, if any, is eaten.
                    if ((_position < _length || await FillAsync(cancellationToken).ConfigureAwait(false)) && _buffer[_position] == '\n')
                    {
                        _position++;
                    }
                    _line++;
                    fields.Add(_field.ToString());
                    return new CsvRecord(startLine, fields, tooLarge, null);
                case '\n':
                    _line++;
                    fields.Add(_field.ToString());
                    return new CsvRecord(startLine, fields, tooLarge, null);
                default:
                    Append(c, ref recordChars, ref tooLarge);
                    break;
            }
        }
    }

    private void AppendRun(ReadOnlySpan<char> run, ref long recordChars, ref bool tooLarge)
    {
        recordChars += run.Length;
        if (recordChars > _maxRecordChars)
        {
            tooLarge = true;
            _field.Clear();
            return;
        }
        if (!tooLarge)
        {
            _field.Append(run);
        }
    }

    private void Append(char c, ref long recordChars, ref bool tooLarge)
    {
        recordChars++;
        if (recordChars > _maxRecordChars)
        {
            // Keep parsing to find the record's end, but stop holding its text.
            tooLarge = true;
            _field.Clear();
            return;
        }
        if (!tooLarge)
        {
            _field.Append(c);
        }
    }

    /// <summary>Refills the buffer; callers test <c>_position &lt; _length</c> first so that the common case
    /// costs no call.</summary>
    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_endOfInput)
        {
            return false;
        }
        _length = await _reader.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
        _position = 0;
        if (_length == 0)
        {
            _endOfInput = true;
            return false;
        }
        return true;
    }
}
