namespace Parley.Ingest;

/// <summary>
/// A small, fast language identifier for news text. English is recognised by the share of its most
/// frequent function words (in English news about a third of all words; in other languages a few per
/// cent). Other languages get a best guess: by script (Cyrillic, Greek, Arabic, Hebrew, CJK, …) or by the
/// function words of the commonest Latin-script languages. Looks at the first 2,000 words only.
/// </summary>
public static class StopwordLanguageDetector
{
    /// <summary>Below this share of English function words a Latin-script text is not English.</summary>
    public const double EnglishThreshold = 0.12;

    /// <summary>Fewer words than this are too few to tell English from anything else; such text is <c>und</c>.</summary>
    public const int MinWords = 5;

    private const int MaxWords = 2000;

    private static readonly HashSet<string> English = Set(
        "the of and to a in that is was he for it with as his on be at by i this had not are but from or have an " +
        "they which one you were her all she there would their we him been has when who will more no if out so said " +
        "what up its about into than them can only other new some could these two may then do first any my now such " +
        "our over also after did many before must through where much your should because each just those how most");

    private static readonly (string Code, HashSet<string> Words)[] Others =
    [
        ("fr", Set("le la les de des et est un une du en que qui dans pour pas au sur avec il elle ce sont par plus aux ne se cette")),
        ("de", Set("der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es an als wie aus bei nach wird")),
        ("es", Set("el la los las de y en que es por un una con para del se al lo como más pero sus su fue ha")),
        ("it", Set("il la di che e è un una per non sono del della con si le da al nel gli anche ha più")),
        ("pt", Set("o a os as de e do da em que um uma para com não por se na no mais dos das foi é")),
        ("nl", Set("de het een en van is dat die in op te niet zijn met voor er aan ook als bij werd")),
    ];

    // Span lookups built once, so words are looked up without allocating a string each.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> EnglishLookup = English.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>>[] OtherLookups =
        Array.ConvertAll(Others, other => other.Words.GetAlternateLookup<ReadOnlySpan<char>>());

    /// <summary>Guesses the language of <paramref name="text"/>.</summary>
    public static LanguageGuess Detect(ReadOnlySpan<char> text)
    {
        var words = 0;
        var english = 0;
        Span<int> others = stackalloc int[Others.Length];
        var latinLetters = 0;
        var otherLetters = 0;
        Span<int> scripts = stackalloc int[(int)Script.Count];
        Span<char> lower = stackalloc char[32];
        var lookup = EnglishLookup;
        var i = 0;
        while (i < text.Length && words < MaxWords)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || text[i] == '\''))
            {
                var script = ScriptOf(text[i]);
                if (script == Script.Latin)
                {
                    latinLetters++;
                }
                else
                {
                    otherLetters++;
                    scripts[(int)script]++;
                }
                i++;
            }
            words++;
            var word = text[start..i];
            if (word.Length > lower.Length)
            {
                continue;
            }
            var length = word.ToLowerInvariant(lower);
            var key = lower[..length];
            if (lookup.Contains(key))
            {
                english++;
            }
            for (var k = 0; k < Others.Length; k++)
            {
                if (OtherLookups[k].Contains(key))
                {
                    others[k]++;
                }
            }
        }
        var englishScore = words == 0 ? 0 : (double)english / words;
        // Scripts are judged by letters, not words: Chinese and Japanese write no spaces between words.
        if (otherLetters > latinLetters && otherLetters >= MinWords)
        {
            return new LanguageGuess(ScriptLanguage(scripts), englishScore, words);
        }
        if (words < MinWords)
        {
            return new LanguageGuess("und", englishScore, words);
        }
        if (englishScore >= EnglishThreshold)
        {
            return new LanguageGuess("en", englishScore, words);
        }
        var best = -1;
        for (var k = 0; k < Others.Length; k++)
        {
            if (others[k] > 0 && (best < 0 || others[k] > others[best]))
            {
                best = k;
            }
        }
        var guess = best >= 0 && (double)others[best] / words >= EnglishThreshold ? Others[best].Code : "und";
        return new LanguageGuess(guess, englishScore, words);
    }

    private enum Script
    {
        Latin,
        Cyrillic,
        Greek,
        Arabic,
        Hebrew,
        Devanagari,
        Han,
        Kana,
        Hangul,
        Thai,
        Other,
        Count,
    }

    private static Script ScriptOf(char c) => c switch
    {
        < '\u0250' => Script.Latin,
        >= '\u1E00' and < '\u1F00' => Script.Latin,
        >= '\u0370' and < '\u0400' => Script.Greek,
        >= '\u0400' and < '\u0530' => Script.Cyrillic,
        >= '\u0590' and < '\u0600' => Script.Hebrew,
        >= '\u0600' and < '\u0780' => Script.Arabic,
        >= '\u0900' and < '\u0980' => Script.Devanagari,
        >= '\u0E00' and < '\u0E80' => Script.Thai,
        >= '\u3040' and < '\u3100' => Script.Kana,
        >= '\uAC00' and < '\uD7B0' => Script.Hangul,
        >= '\u4E00' and < '\uA000' => Script.Han,
        _ => Script.Other,
    };

    private static string ScriptLanguage(ReadOnlySpan<int> scripts)
    {
        // Any kana means Japanese, even when Han characters outnumber it.
        if (scripts[(int)Script.Kana] > 0)
        {
            return "ja";
        }
        var best = Script.Other;
        for (var s = Script.Cyrillic; s < Script.Count; s++)
        {
            if (scripts[(int)s] > scripts[(int)best])
            {
                best = s;
            }
        }
        return best switch
        {
            Script.Cyrillic => "ru",
            Script.Greek => "el",
            Script.Arabic => "ar",
            Script.Hebrew => "he",
            Script.Devanagari => "hi",
            Script.Han => "zh",
            Script.Hangul => "ko",
            Script.Thai => "th",
            _ => "und",
        };
    }

    private static HashSet<string> Set(string words) => new(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
}
