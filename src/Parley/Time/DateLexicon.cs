namespace Parley.Time;

/// <summary>
/// The words dates are made of: month and weekday names, number words, calendar units. Lookups take
/// a span of the document text and allocate nothing.
/// </summary>
internal static class DateLexicon
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["January"] = 1, ["February"] = 2, ["March"] = 3, ["April"] = 4, ["May"] = 5, ["June"] = 6,
        ["July"] = 7, ["August"] = 8, ["September"] = 9, ["October"] = 10, ["November"] = 11, ["December"] = 12,
    };

    // Abbreviations count as months only beside a day or year number ("Sep 5", "Aug. 2021"):
    // alone, "Jan", "Mar" or "Sun" are more often names or words.
    private static readonly Dictionary<string, int> MonthAbbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Jan"] = 1, ["Feb"] = 2, ["Mar"] = 3, ["Apr"] = 4, ["Jun"] = 6, ["Jul"] = 7, ["Aug"] = 8,
        ["Sep"] = 9, ["Sept"] = 9, ["Oct"] = 10, ["Nov"] = 11, ["Dec"] = 12,
    };

    private static readonly Dictionary<string, int> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Sunday"] = 0, ["Monday"] = 1, ["Tuesday"] = 2, ["Wednesday"] = 3,
        ["Thursday"] = 4, ["Friday"] = 5, ["Saturday"] = 6,
    };

    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5,
        ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11,
        ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16,
        ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30,
        ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80,
        ["ninety"] = 90, ["hundred"] = 100, ["several"] = -1, ["few"] = -1,
    };

    private static readonly Dictionary<string, CalendarUnit> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["day"] = CalendarUnit.Day, ["days"] = CalendarUnit.Day,
        ["week"] = CalendarUnit.Week, ["weeks"] = CalendarUnit.Week,
        ["month"] = CalendarUnit.Month, ["months"] = CalendarUnit.Month,
        ["year"] = CalendarUnit.Year, ["years"] = CalendarUnit.Year,
        ["decade"] = CalendarUnit.Decade, ["decades"] = CalendarUnit.Decade,
    };

    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> MonthLookup = Months.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup = MonthAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> WeekdayLookup = Weekdays.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> NumberLookup = NumberWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<string, CalendarUnit>.AlternateLookup<ReadOnlySpan<char>> UnitLookup = Units.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>1–12 for a capitalised full month name, else 0.</summary>
    public static int FullMonth(ReadOnlySpan<char> word) =>
        word.Length > 0 && char.IsUpper(word[0]) && MonthLookup.TryGetValue(word, out var m) ? m : 0;

    /// <summary>1–12 for a capitalised month name or abbreviation (with or without its period), else 0.</summary>
    public static int AnyMonth(ReadOnlySpan<char> word)
    {
        var full = FullMonth(word);
        if (full != 0)
        {
            return full;
        }
        if (word.Length > 1 && word[^1] == '.')
        {
            word = word[..^1];
        }
        return word.Length > 0 && char.IsUpper(word[0]) && AbbreviationLookup.TryGetValue(word, out var m) ? m : 0;
    }

    /// <summary>The weekday of a capitalised weekday name, or null.</summary>
    public static DayOfWeek? Weekday(ReadOnlySpan<char> word) =>
        word.Length > 0 && char.IsUpper(word[0]) && WeekdayLookup.TryGetValue(word, out var d) ? (DayOfWeek)d : null;

    /// <summary>A day of the month written as <c>5</c>, <c>05</c>, <c>5th</c>, <c>21st</c>; 0 when not one.</summary>
    public static int DayNumber(ReadOnlySpan<char> word)
    {
        var digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[digits]))
        {
            digits++;
        }
        if (digits == 0 || digits > 2)
        {
            return 0;
        }
        var suffix = word[digits..];
        if (suffix.Length != 0 && !(suffix.Length == 2 && (suffix.Equals("st", StringComparison.OrdinalIgnoreCase)
            || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase)
            || suffix.Equals("th", StringComparison.OrdinalIgnoreCase))))
        {
            return 0;
        }
        var value = digits == 1 ? word[0] - '0' : (word[0] - '0') * 10 + (word[1] - '0');
        return value is >= 1 and <= 31 ? value : 0;
    }

    /// <summary>A year written as four digits between 1000 and 2199, else 0.</summary>
    public static int Year(ReadOnlySpan<char> word)
    {
        if (word.Length != 4 || !char.IsAsciiDigit(word[0]) || !char.IsAsciiDigit(word[1])
            || !char.IsAsciiDigit(word[2]) || !char.IsAsciiDigit(word[3]))
        {
            return 0;
        }
        var value = (word[0] - '0') * 1000 + (word[1] - '0') * 100 + (word[2] - '0') * 10 + (word[3] - '0');
        return value is >= 1000 and <= 2199 ? value : 0;
    }

    /// <summary>A small count written in digits or words (<c>3</c>, <c>three</c>, <c>a</c>); 0 when not one, -1 for a vague count ("several").</summary>
    public static int Count(ReadOnlySpan<char> word)
    {
        if (word.Length is > 0 and <= 3)
        {
            var value = 0;
            var allDigits = true;
            foreach (var c in word)
            {
                if (!char.IsAsciiDigit(c))
                {
                    allDigits = false;
                    break;
                }
                value = value * 10 + (c - '0');
            }
            if (allDigits)
            {
                return value;
            }
        }
        return NumberLookup.TryGetValue(word, out var n) ? n : 0;
    }

    /// <summary>The calendar unit a word names (<c>days</c>, <c>year</c>), or <see cref="CalendarUnit.None"/>.</summary>
    public static CalendarUnit Unit(ReadOnlySpan<char> word) => UnitLookup.TryGetValue(word, out var u) ? u : CalendarUnit.None;

    /// <summary>Parses <c>2021-03-03</c>; false for anything else or an impossible date.</summary>
    public static bool TryIsoDate(ReadOnlySpan<char> word, out DateOnly date)
    {
        date = default;
        if (word.Length != 10 || word[4] != '-' || word[7] != '-')
        {
            return false;
        }
        var year = Year(word[..4]);
        if (year == 0 || !int.TryParse(word.Slice(5, 2), out var month) || !int.TryParse(word.Slice(8, 2), out var day)
            || !char.IsAsciiDigit(word[5]) || !char.IsAsciiDigit(word[8]))
        {
            return false;
        }
        return TryDate(year, month, day, out date);
    }

    /// <summary>Builds a date, false when the day does not exist (<c>February 30</c>).</summary>
    public static bool TryDate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }
}
