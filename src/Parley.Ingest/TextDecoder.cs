using System.Text;
using System.Text.Unicode;
using Parley.Diagnostics;

namespace Parley.Ingest;

/// <summary>
/// Turns the bytes of one article into text: UTF-8 (with or without BOM), UTF-16 LE/BE with a BOM,
/// or Windows-1252 when the bytes are not UTF-8 but read plausibly as 1252. Rejects binary data.
/// Line ends are normalised to <c>\n</c> so that line-based stages see one convention.
/// </summary>
internal static class TextDecoder
{
    // Bytes 0x80–0x9F of Windows-1252; '\0' marks the five bytes the code page leaves undefined.
    private const string Windows1252High =
        "\u20AC\0\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\0\u017D\0" +
        "\0\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\0\u017E\u0178";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Le = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Be = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>Decodes one article's bytes.</summary>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            return DecodedText.Empty;
        }
        string text;
        var windows1252 = false;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            if (!Utf8.IsValid(bytes[3..]))
            {
                return DecodedText.Fail(DiagnosticCodes.InvalidEncoding, "starts with a UTF-8 byte-order mark but holds bytes that are not valid UTF-8");
            }
            text = StrictUtf8.GetString(bytes[3..]);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            var encoding = bytes[0] == 0xFF ? StrictUtf16Le : StrictUtf16Be;
            var body = bytes[2..];
            if (body.Length % 2 != 0)
            {
                return DecodedText.Fail(DiagnosticCodes.InvalidEncoding, "has a UTF-16 byte-order mark but an odd number of bytes");
            }
            try
            {
                text = encoding.GetString(body);
            }
            catch (DecoderFallbackException)
            {
                return DecodedText.Fail(DiagnosticCodes.InvalidEncoding, "has a UTF-16 byte-order mark but holds invalid UTF-16 (an unpaired surrogate)");
            }
        }
        else
        {
            if (LooksBinary(bytes))
            {
                return DecodedText.Fail(DiagnosticCodes.BinaryInput, "looks like binary data (NUL bytes or many control characters), not text");
            }
            if (Utf8.IsValid(bytes))
            {
                text = StrictUtf8.GetString(bytes);
            }
            else if (TryDecodeWindows1252(bytes, out var decoded))
            {
                text = decoded;
                windows1252 = true;
            }
            else
            {
                return DecodedText.Fail(DiagnosticCodes.InvalidEncoding, "is neither valid UTF-8 nor plausible Windows-1252");
            }
        }
        if (ContainsBinaryControl(text))
        {
            return DecodedText.Fail(DiagnosticCodes.BinaryInput, "decodes to text full of control characters; it looks like binary data");
        }
        text = NormalizeLineEnds(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return DecodedText.Fail(DiagnosticCodes.EmptyInput, "holds only white space");
        }
        return new DecodedText(text, null, null, windows1252);
    }

    /// <summary>Replaces <c>\r\n</c> and lone <c>\r</c> with <c>\n</c>.</summary>
    public static string NormalizeLineEnds(string text) =>
        text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;

    /// <summary>
    /// NUL bytes never occur in 8-bit or UTF-8 text (UTF-16 input carries a BOM and is handled before),
    /// and real text has almost no C0 control characters besides tab, line feed, form feed and carriage return.
    /// </summary>
    internal static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes.Length > 65536 ? bytes[..65536] : bytes;
        var controls = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return true;
            }
            if (b < 0x20 && b != (byte)'\t' && b != (byte)'\n' && b != (byte)'\r' && b != 0x0C)
            {
                controls++;
            }
        }
        return controls > 8 && controls * 50 > sample.Length;
    }

    private static bool ContainsBinaryControl(string text)
    {
        var controls = 0;
        foreach (var c in text)
        {
            if (c == '\0')
            {
                return true;
            }
            if (c < ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f')
            {
                controls++;
            }
        }
        return controls > 8 && controls * 50 > text.Length;
    }

    /// <summary>
    /// Decodes as Windows-1252 when that is plausible: none of the five undefined bytes, and non-ASCII
    /// bytes a minority (accented letters and curly quotes in an English text, not random data).
    /// </summary>
    internal static bool TryDecodeWindows1252(ReadOnlySpan<byte> bytes, out string text)
    {
        text = string.Empty;
        var high = 0;
        foreach (var b in bytes)
        {
            if (b >= 0x80)
            {
                high++;
                if (b <= 0x9F && Windows1252High[b - 0x80] == '\0')
                {
                    return false;
                }
            }
        }
        if (high * 4 > bytes.Length)
        {
            return false;
        }
        text = string.Create(bytes.Length, bytes.ToArray(), static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var b = source[i];
                chars[i] = b is >= 0x80 and <= 0x9F ? Windows1252High[b - 0x80] : (char)b;
            }
        });
        return true;
    }
}
