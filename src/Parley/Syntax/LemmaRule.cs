namespace Parley.Syntax;

/// <summary>
/// A suffix edit that turns a word form into its lemma: optionally lower-case the form, strip
/// <see cref="Strip"/> characters from its end, append <see cref="Append"/>
/// ("studied" → strip 3, append "y" → "study").
/// </summary>
internal readonly record struct LemmaRule(bool Lower, int Strip, string Append)
{
    /// <summary>The rule that leaves the form as it is.</summary>
    public static readonly LemmaRule Identity = new(false, 0, "");

    /// <summary>True when the rule returns the form unchanged.</summary>
    public bool IsIdentity => !Lower && Strip == 0 && Append.Length == 0;

    /// <summary>The shortest rule that maps <paramref name="form"/> to <paramref name="lemma"/>, preferring to keep case.</summary>
    public static LemmaRule Derive(string form, string lemma)
    {
        var keep = CommonPrefix(form, lemma);
        var kept = new LemmaRule(false, form.Length - keep, lemma[keep..]);
        var lowered = form.ToLowerInvariant();
        if (lowered == form)
        {
            return kept;
        }
        var low = CommonPrefix(lowered, lemma);
        var lower = new LemmaRule(true, lowered.Length - low, lemma[low..]);
        return lower.Strip + lower.Append.Length < kept.Strip + kept.Append.Length ? lower : kept;
    }

    /// <summary>Applies the rule; a rule that would strip more than the form has returns null.</summary>
    public string? Apply(ReadOnlySpan<char> form)
    {
        if (Strip > form.Length || (Strip == form.Length && Append.Length == 0))
        {
            return null;
        }
        return Build(form[..^Strip]);
    }

    private string Build(ReadOnlySpan<char> stem)
    {
        Span<char> buffer = stem.Length + Append.Length <= 128 ? stackalloc char[stem.Length + Append.Length] : new char[stem.Length + Append.Length];
        if (Lower)
        {
            stem.ToLowerInvariant(buffer);
        }
        else
        {
            stem.CopyTo(buffer);
        }
        Append.AsSpan().CopyTo(buffer[stem.Length..]);
        return new string(buffer);
    }

    private static int CommonPrefix(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        var i = 0;
        while (i < n && a[i] == b[i])
        {
            i++;
        }
        return i;
    }
}
