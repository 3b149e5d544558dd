namespace Parley.Actors;

/// <summary>
/// Which tokens of a stored phrase must be capitalised in the text, as bit masks over token
/// positions (phrases longer than 64 tokens have no rule past the 64th). A name written
/// "Turkey" should not match "turkey", nor "US" match "us", nor "WHO" match "who".
/// </summary>
internal readonly record struct CaseRule(ulong Capitalized, ulong AllCapitals)
{
    public bool IsNone => Capitalized == 0 && AllCapitals == 0;

    /// <summary>
    /// The rule a phrase written as <paramref name="written"/> (tokens separated by single spaces)
    /// implies: a token starting with a capital must start with one in the text; a token of two
    /// or three letters, all capitals (an acronym that may also be a word), must be all capitals.
    /// </summary>
    public static CaseRule Of(string written)
    {
        ulong capitalized = 0, allCapitals = 0;
        var index = 0;
        var start = 0;
        for (var i = 0; i <= written.Length && index < 64; i++)
        {
            if (i < written.Length && written[i] != ' ')
            {
                continue;
            }
            var token = written.AsSpan(start, i - start);
            var letters = 0;
            var upper = 0;
            foreach (var c in token)
            {
                if (char.IsLetter(c))
                {
                    letters++;
                    upper += char.IsUpper(c) ? 1 : 0;
                }
            }
            if (letters is >= 2 and <= 3 && upper == letters)
            {
                allCapitals |= 1UL << index;
            }
            else if (token.Length > 0 && char.IsUpper(token[0]))
            {
                capitalized |= 1UL << index;
            }
            index++;
            start = i + 1;
        }
        return new CaseRule(capitalized, allCapitals);
    }

    /// <summary>The looser of two rules (what both allow), for a phrase added more than once.</summary>
    public CaseRule Loosest(CaseRule other) => new(Capitalized & other.Capitalized, AllCapitals & other.AllCapitals);

    /// <summary>True when <paramref name="token"/>, at position <paramref name="index"/>, is written as the rule requires.</summary>
    public bool Allows(int index, ReadOnlySpan<char> token)
    {
        if (index >= 64 || token.IsEmpty)
        {
            return true;
        }
        var bit = 1UL << index;
        if ((AllCapitals & bit) != 0)
        {
            foreach (var c in token)
            {
                if (char.IsLower(c))
                {
                    return false;
                }
            }
            return true;
        }
        return (Capitalized & bit) == 0 || !char.IsLower(token[0]);
    }
}
