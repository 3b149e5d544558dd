namespace Parley.Ingest;

/// <summary>The outcome of <see cref="StopwordLanguageDetector.Detect"/>.</summary>
/// <param name="Language">ISO 639-1 code (<c>en</c>, <c>de</c>, …) or <c>und</c> when undetermined.</param>
/// <param name="EnglishScore">Share of words that are common English function words (0–1).</param>
/// <param name="Words">Number of words looked at.</param>
public readonly record struct LanguageGuess(string Language, double EnglishScore, int Words)
{
    /// <summary>True when the text reads as English.</summary>
    public bool IsEnglish => Language == "en";
}
