namespace Parley.Places;

/// <summary>
/// Builds the 64-bit key of a place name incrementally, without allocating: letters and digits are
/// folded (lower case, diacritics removed, as the gazetteer file's fold table says), apostrophes and
/// full stops vanish ("D.C." = "dc", "Cote d'Ivoire" = "cote divoire"), anything else separates words,
/// and runs of separators count once. Names and text tokens go through the same steps, so a name
/// split into several tokens ("Guinea - Bissau") hashes like the name.
/// </summary>
internal struct NameKey
{
    // FNV-1a, 64-bit.
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    private ulong _hash;
    private bool _separatorPending;

    /// <summary>True once a letter or digit has been added.</summary>
    public bool HasContent { get; private set; }

    /// <summary>The key so far.</summary>
    public readonly ulong Hash => HasContent ? _hash : 0UL;

    /// <summary>Starts an empty key.</summary>
    public static NameKey Create() => new() { _hash = Offset };

    /// <summary>Adds text; <paramref name="fold"/> maps non-ASCII characters (null: lower-case if a letter or digit).</summary>
    // Runs for every name at load and every token of a candidate name: compile it optimised at once.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Append(ReadOnlySpan<char> text, string?[] fold)
    {
        foreach (var c in text)
        {
            if (c < 128)
            {
                if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
                {
                    Add(c);
                }
                else if (c is >= 'A' and <= 'Z')
                {
                    Add((char)(c + 32));
                }
                else if (c is not ('\'' or '.' or '`'))
                {
                    Separate();
                }
                continue;
            }
            var folded = fold[c];
            if (folded is null)
            {
                if (char.IsLetterOrDigit(c))
                {
                    Add(char.ToLowerInvariant(c));
                }
                else if (!char.IsSurrogate(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
                {
                    Separate();
                }
                continue;
            }
            foreach (var f in folded)
            {
                if (f == ' ')
                {
                    Separate();
                }
                else
                {
                    Add(f);
                }
            }
        }
    }

    /// <summary>Ends a word (between tokens).</summary>
    public void Separate() => _separatorPending = HasContent;

    private void Add(char c)
    {
        if (_separatorPending)
        {
            _hash = (_hash ^ ' ') * Prime;
            _separatorPending = false;
        }
        _hash = (_hash ^ c) * Prime;
        HasContent = true;
    }
}
