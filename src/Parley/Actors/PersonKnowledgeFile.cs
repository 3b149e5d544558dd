using System.Security.Cryptography;
using System.Text;
using Parley.Diagnostics;

namespace Parley.Actors;

/// <summary>
/// Reads and saves a <see cref="PersonKnowledgeBase"/> as a file in its text format. Saving
/// writes a temporary file beside the target and moves it into place, so a reader never sees a
/// half-written base and an interrupted save leaves the previous file intact.
/// </summary>
public static class PersonKnowledgeFile
{
    /// <summary>Files larger than this are refused (E103) rather than read into memory.</summary>
    public const long MaxBytes = 1L << 30;

    /// <summary>Reads the base in <paramref name="path"/>.</summary>
    /// <exception cref="ParleyConfigurationException">E103: the file is missing, too large or malformed
    /// (the message gives <c>file:line</c>).</exception>
    public static PersonKnowledgeBase Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new ParleyConfigurationException(DiagnosticCodes.DataMissing,
                $"Person knowledge base '{path}' does not exist. Check the path, or create one with 'parley code … --kb {path}' or 'parley actors --kb {path} --import FILE'.");
        }
        if (info.Length > MaxBytes)
        {
            throw new ParleyConfigurationException(DiagnosticCodes.DataMissing,
                $"Person knowledge base '{path}' is {info.Length} bytes, more than the {MaxBytes}-byte limit; is it the right file?");
        }
        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return PersonKnowledgeBase.Read(reader, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ParleyConfigurationException(DiagnosticCodes.DataMissing,
                $"Person knowledge base '{path}' could not be read ({ex.Message}).", ex);
        }
    }

    /// <summary>Writes <paramref name="knowledge"/> to <paramref name="path"/> (UTF-8, no byte-order mark), replacing the file.</summary>
    /// <exception cref="IOException">The file or its folder cannot be written.</exception>
    public static void Save(PersonKnowledgeBase knowledge, string path)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                knowledge.Write(writer);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>
    /// A short identifier of the base's content (the first 12 hex digits of the SHA-256 of its
    /// text form): equal bases give equal identifiers, whatever order the file listed them in.
    /// </summary>
    public static string ContentId(PersonKnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var writer = new HashingWriter(hash))
        {
            knowledge.Write(writer);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    // Feeds UTF-8 bytes of what is written to a hash, so a large base is never held as one string.
    private sealed class HashingWriter(IncrementalHash hash) : TextWriter
    {
        private readonly byte[] _buffer = new byte[4096];

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

        public override void Write(ReadOnlySpan<char> buffer)
        {
            while (!buffer.IsEmpty)
            {
                var take = Math.Min(buffer.Length, 1024);
                // Do not split a surrogate pair between chunks.
                if (take < buffer.Length && char.IsHighSurrogate(buffer[take - 1]))
                {
                    take--;
                }
                var bytes = Encoding.UTF8.GetBytes(buffer[..take], _buffer);
                hash.AppendData(_buffer, 0, bytes);
                buffer = buffer[take..];
            }
        }

        public override void Write(string? value) => Write(value.AsSpan());

        public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

        public override void Write(StringBuilder? value)
        {
            if (value is null)
            {
                return;
            }
            foreach (var chunk in value.GetChunks())
            {
                Write(chunk.Span);
            }
        }
    }
}
