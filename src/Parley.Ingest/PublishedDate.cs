using System.Globalization;

namespace Parley.Ingest;

/// <summary>Parses the publication dates found in records, feeds and page metadata.</summary>
internal static class PublishedDate
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyyMMdd", "yyyy-M-d"];

    /// <summary>
    /// Reads an ISO date, an ISO date-time (with or without offset) or an RFC 1123 date. A date-time keeps
    /// the calendar day written in it (its own offset), not the UTC day, because that is the day the
    /// outlet meant.
    /// </summary>
    public static bool TryParse(string? value, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }
        var trimmed = value.Trim();
        if (DateOnly.TryParseExact(trimmed, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return Plausible(date);
        }
        if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var moment))
        {
            date = DateOnly.FromDateTime(moment.DateTime);
            return Plausible(date);
        }
        return false;
    }

    private static bool Plausible(DateOnly date) => date.Year is >= 1800 and <= 2200;
}
