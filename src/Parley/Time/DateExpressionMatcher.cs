using System.Globalization;
using Parley.Model;

namespace Parley.Time;

/// <summary>
/// Finds dates in tokenized news text and resolves them to calendar values: absolute dates
/// ("3 March 2021", "Sep 5, 2021", "2021-03-03", "March 2020", "in 2019"), dates without a year
/// ("May 7th", "in March"), and dates relative to a reference day ("Sunday", "yesterday",
/// "last month", "three weeks ago", "earlier this year").
/// </summary>
/// <remarks>
/// <para>A small hand-written matcher over tokens with month, weekday and number lexicons: each token
/// is tried once against a fixed set of shapes with bounded look-ahead, so time is linear in the
/// tokens and nothing backtracks. The instance holds no state and is safe to share.</para>
/// <para>Resolution rules. A date without a year takes the year that puts it nearest before the
/// reference day when its clause reports the past, nearest after when the clause announces the future
/// (<c>will</c>, <c>is to</c>, <c>scheduled</c> …), and the nearest either way when there is no cue. A
/// weekday in a past or uncued clause is the most recent such day on or before the reference day —
/// the reference day itself when the weekday is the same, since news names the day of publication by
/// its weekday ("said Wednesday") — and in a future clause the next one on or after it. "last" and
/// "next" exclude the reference day. Weeks have no precision of their own in the output, so "last
/// week" resolves to the month of that week's Thursday (the ISO rule for which month a week belongs
/// to). Decades ("the 1990s") are not reported: no day, month or year value states one.</para>
/// <para>Not dates: lower-case month names ("a march on the capital"), "May" or "March" with no day,
/// year or date preposition beside them ("Theresa May", "May I ask"), weekday names inside a title
/// ("Sunday Times", "Good Friday"), and four-digit numbers that count something ("2000 people").</para>
/// </remarks>
public sealed class DateExpressionMatcher
{
    /// <summary>Value precision of a day (<c>2021-03-03</c>).</summary>
    public const string Day = "day";
    /// <summary>Value precision of a month (<c>2022-04</c>).</summary>
    public const string Month = "month";
    /// <summary>Value precision of a year (<c>2022</c>).</summary>
    public const string Year = "year";

    // How far into the article a dateline may start, in sentences.
    private const int DatelineSentences = 3;

    // How far back a date in a future clause may lie and still be this year's rather than next year's.
    private const int NearPastDays = 31;

    /// <summary>The shared instance.</summary>
    public static DateExpressionMatcher Default { get; } = new();

    /// <summary>
    /// The date of the article's dateline — a full date ("Friday, January 4, 2019", "4 January 2019")
    /// standing as a sentence of its own or opening one of the first sentences — or null when there is none.
    /// </summary>
    public DateOnly? FindDateline(string text, Token[] tokens, Sentence[] sentences)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(sentences);
        for (var s = 0; s < sentences.Length && s < DatelineSentences; s++)
        {
            var sentence = sentences[s];
            var scan = new Scan(text, tokens, [], sentence.FirstToken, sentence.EndToken, null);
            if (scan.TryMatch(sentence.FirstToken, out var match) && !match.IsRelative && match.Precision == Day
                && match.Value is not null)
            {
                return DateOnly.ParseExact(match.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
        }
        return null;
    }

    /// <summary>
    /// Appends every time expression of the document's sentences to <paramref name="output"/>, in
    /// text order, resolving relative ones against <paramref name="reference"/>. With no reference day
    /// a relative expression is still reported, with a null value and <see cref="DateMatch.IsRelative"/> set.
    /// </summary>
    /// <param name="text">The document text.</param>
    /// <param name="tokens">Its tokens.</param>
    /// <param name="sentences">Its sentences over the tokens.</param>
    /// <param name="analyses">Tags and dependencies parallel to the tokens, or empty; they sharpen the tense of a clause.</param>
    /// <param name="reference">The publication day, or null.</param>
    /// <param name="output">Receives the matches.</param>
    public void Match(string text, Token[] tokens, Sentence[] sentences, TokenAnalysis[] analyses, DateOnly? reference, List<DateMatch> output)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(analyses);
        ArgumentNullException.ThrowIfNull(output);
        foreach (var sentence in sentences)
        {
            var scan = new Scan(text, tokens, analyses, sentence.FirstToken, sentence.EndToken, reference);
            var i = sentence.FirstToken;
            while (i < sentence.EndToken)
            {
                if (scan.TryMatch(i, out var match))
                {
                    output.Add(match);
                    i = match.EndToken;
                }
                else
                {
                    i++;
                }
            }
        }
    }

    private static string DayValue(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string MonthValue(int year, int month) => year.ToString("D4", CultureInfo.InvariantCulture) + "-" + month.ToString("D2", CultureInfo.InvariantCulture);

    private static string YearValue(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>Which of several candidate days a weekday or month name picks.</summary>
    private enum Direction
    {
        ByTense,
        Last,
        Next,
        This,
    }

    /// <summary>The matcher's view of one sentence.</summary>
    private readonly ref struct Scan
    {
        private readonly string _text;
        private readonly ReadOnlySpan<Token> _tokens;
        private readonly TokenAnalysis[] _analyses;
        private readonly int _start;
        private readonly int _end;
        private readonly DateOnly? _reference;

        public Scan(string text, ReadOnlySpan<Token> tokens, TokenAnalysis[] analyses, int start, int end, DateOnly? reference)
        {
            _text = text;
            _tokens = tokens;
            _analyses = analyses;
            _start = start;
            _end = end;
            _reference = reference;
        }

        private ReadOnlySpan<char> W(int i) => i >= _start && i < _end ? _text.AsSpan(_tokens[i].Start, _tokens[i].Length) : [];

        private bool Is(int i, string word) => W(i).Equals(word, StringComparison.OrdinalIgnoreCase);

        private bool IsCapitalisedWord(int i)
        {
            var w = W(i);
            return w.Length > 1 && char.IsUpper(w[0]) && char.IsLetter(w[1]);
        }

        private bool IsLowerWord(int i)
        {
            var w = W(i);
            return w.Length > 0 && char.IsLower(w[0]);
        }

        private bool IsComma(int i) => Is(i, ",");

        private ReportingTense Tense(int first, int end) =>
            TenseCues.TenseAt(_text, _tokens, _analyses, _start, _end, first, end);

        public bool TryMatch(int i, out DateMatch match) =>
            TryIsoDate(i, out match)
            || TryWeekdayDate(i, out match)
            || TryMonthFirst(i, i, Direction.ByTense, out match)
            || TryDayFirst(i, out match)
            || TryDeictic(i, out match)
            || TryAgo(i, out match)
            || TryYear(i, out match);

        private bool TryIsoDate(int i, out DateMatch match)
        {
            match = default;
            if (!DateLexicon.TryIsoDate(W(i), out var date))
            {
                return false;
            }
            match = new DateMatch(i, i + 1, DayValue(date), Day, false);
            return true;
        }

        // "Friday, January 4, 2019", "Friday 4 January", "Sunday", "on Friday night".
        private bool TryWeekdayDate(int i, out DateMatch match)
        {
            match = default;
            var weekday = DateLexicon.Weekday(W(i));
            if (weekday is null)
            {
                return false;
            }
            var next = IsComma(i + 1) ? i + 2 : i + 1;
            if (TryMonthFirst(next, i, Direction.ByTense, out match) && match.Precision == Day)
            {
                return true;
            }
            if (TryDayFirst(next, out match) && match.Precision == Day)
            {
                match = match with { FirstToken = i };
                return true;
            }
            return TryWeekday(i, i, weekday.Value, Direction.ByTense, out match);
        }

        private bool IsPartOfDay(int i) => Is(i, "night") || Is(i, "morning") || Is(i, "afternoon") || Is(i, "evening");

        // Named days that are not the weekday of the week in question.
        private bool IsHolidayModifier(int i) => Is(i, "Good") || Is(i, "Black") || Is(i, "Super") || Is(i, "Ash")
            || Is(i, "Easter") || Is(i, "Palm") || Is(i, "Holy") || Is(i, "Bloody") || Is(i, "Cyber") || Is(i, "Maundy")
            || Is(i, "Shrove") || Is(i, "Giving") || Is(i, "Whit") || Is(i, "Low") || Is(i, "Super-Tuesday");

        private bool TryWeekday(int first, int i, DayOfWeek weekday, Direction direction, out DateMatch match)
        {
            match = default;
            // A capitalised word after the name makes it part of a title ("Sunday Times", "Monday
            // Night Football"); one before it, part of a name ("Good Friday", "Super Tuesday").
            if (IsCapitalisedWord(i + 1) && DateLexicon.AnyMonth(W(i + 1)) == 0 && !IsPartOfDay(i + 1))
            {
                return false;
            }
            if (first == i && IsHolidayModifier(i - 1))
            {
                return false;
            }
            var end = i + 1;
            if (IsPartOfDay(end))
            {
                end++;
            }
            if (_reference is not { } reference)
            {
                match = new DateMatch(first, end, null, Day, true);
                return true;
            }
            var back = ((int)reference.DayOfWeek - (int)weekday + 7) % 7;
            var ahead = ((int)weekday - (int)reference.DayOfWeek + 7) % 7;
            var offset = direction switch
            {
                Direction.Last => back == 0 ? -7 : -back,
                Direction.Next => ahead == 0 ? 7 : ahead,
                _ => Tense(first, end) == ReportingTense.Future ? ahead : -back,
            };
            match = new DateMatch(first, end, DayValue(reference.AddDays(offset)), Day, true);
            return true;
        }

        // "May 7", "May 7th, 2021", "Sept. 5 2021", "March 2020", "in March"; first is where
        // the expression starts (a weekday or "last" before the month).
        private bool TryMonthFirst(int i, int first, Direction direction, out DateMatch match)
        {
            match = default;
            var w = W(i);
            var month = DateLexicon.AnyMonth(w);
            if (month == 0)
            {
                return false;
            }
            var day = DateLexicon.DayNumber(W(i + 1));
            if (day != 0 && !Is(i + 2, ":"))
            {
                var yearAt = IsComma(i + 2) ? i + 3 : i + 2;
                var year = DateLexicon.Year(W(yearAt));
                if (year != 0 && DateLexicon.TryDate(year, month, day, out var date))
                {
                    match = new DateMatch(first, yearAt + 1, DayValue(date), Day, false);
                    return true;
                }
                return TryDayOfYearlessMonth(first, i + 2, month, day, out match);
            }
            var monthYear = DateLexicon.Year(W(IsComma(i + 1) ? i + 2 : i + 1));
            if (monthYear != 0)
            {
                match = new DateMatch(first, IsComma(i + 1) ? i + 3 : i + 2, MonthValue(monthYear, month), Month, false);
                return true;
            }
            if (DateLexicon.FullMonth(w) == 0 || (first == i && !IsMonthContext(i)) || IsCapitalisedWord(i + 1) || Is(i + 1, "'s") || Is(i + 1, "’s"))
            {
                return false;
            }
            if (_reference is not { } reference)
            {
                match = new DateMatch(first, i + 1, null, Month, true);
                return true;
            }
            var here = reference.Year * 12 + reference.Month - 1;
            var back = (reference.Month - month + 12) % 12;
            var ahead = (month - reference.Month + 12) % 12;
            var chosen = direction switch
            {
                Direction.Last => here - (back == 0 ? 12 : back),
                Direction.Next => here + (ahead == 0 ? 12 : ahead),
                _ => ByTense(Tense(first, i + 1), here - back, here + ahead, here),
            };
            match = new DateMatch(first, i + 1, MonthValue(chosen / 12, chosen % 12 + 1), Month, true);
            return true;
        }

        private bool TryDayOfYearlessMonth(int first, int end, int month, int day, out DateMatch match)
        {
            match = default;
            if (day > DateTime.DaysInMonth(2000, month))
            {
                return false;
            }
            if (_reference is not { } reference)
            {
                match = new DateMatch(first, end, null, Day, true);
                return true;
            }
            DateOnly? before = null;
            DateOnly? after = null;
            for (var year = reference.Year - 1; year <= reference.Year + 1; year++)
            {
                if (!DateLexicon.TryDate(year, month, day, out var candidate))
                {
                    continue; // February 29 outside a leap year.
                }
                if (candidate <= reference)
                {
                    before = candidate;
                }
                else if (after is null)
                {
                    after = candidate;
                }
            }
            var tense = Tense(first, end);
            DateOnly chosen;
            if (tense == ReportingTense.Past && before is not null)
            {
                chosen = before.Value;
            }
            else if (tense == ReportingTense.Future && after is not null
                && !(before is not null && reference.DayNumber - before.Value.DayNumber <= NearPastDays))
            {
                // A future clause about a date a few days back is about something already under way
                // ("the exhibition is to run from January 23", published January 28), not next year.
                chosen = after.Value;
            }
            else if (before is null || (after is not null && after.Value.DayNumber - reference.DayNumber < reference.DayNumber - before.Value.DayNumber))
            {
                chosen = after!.Value;
            }
            else
            {
                chosen = before.Value;
            }
            match = new DateMatch(first, end, DayValue(chosen), Day, true);
            return true;
        }

        private static int ByTense(ReportingTense tense, int before, int after, int here) => tense switch
        {
            ReportingTense.Past => before,
            ReportingTense.Future => after,
            _ => here - before <= after - here ? before : after,
        };

        // A month name standing alone is a date only after a preposition or time word: "in May",
        // "since March", "early June"; never "May I" or "Theresa May".
        private bool IsMonthContext(int i)
        {
            var p = i - 1;
            if (p < _start)
            {
                return false;
            }
            return Is(p, "in") || Is(p, "since") || Is(p, "until") || Is(p, "till") || Is(p, "by") || Is(p, "of")
                || Is(p, "during") || Is(p, "from") || Is(p, "through") || Is(p, "to") || Is(p, "early")
                || Is(p, "late") || Is(p, "mid") || Is(p, "mid-") || Is(p, "between") || Is(p, "before")
                || Is(p, "after") || Is(p, "around") || Is(p, "throughout") || Is(p, "last") || Is(p, "next")
                || Is(p, "this") || Is(p, "each") || Is(p, "and") || Is(p, "or");
        }

        // "3 March 2021", "5th of May", "3 March".
        private bool TryDayFirst(int i, out DateMatch match)
        {
            match = default;
            var day = DateLexicon.DayNumber(W(i));
            if (day == 0)
            {
                return false;
            }
            var monthAt = Is(i + 1, "of") ? i + 2 : i + 1;
            var month = DateLexicon.AnyMonth(W(monthAt));
            if (month == 0 || (monthAt == i + 2 && !char.IsLetter(W(i)[^1])))
            {
                return false;
            }
            var yearAt = IsComma(monthAt + 1) ? monthAt + 2 : monthAt + 1;
            var year = DateLexicon.Year(W(yearAt));
            if (year != 0 && DateLexicon.TryDate(year, month, day, out var date))
            {
                match = new DateMatch(i, yearAt + 1, DayValue(date), Day, false);
                return true;
            }
            return TryDayOfYearlessMonth(i, monthAt + 1, month, day, out match);
        }

        // "today", "yesterday", "last week", "next month", "this year", "earlier this month",
        // "last Friday", "next March", "this morning", "last night".
        private bool TryDeictic(int i, out DateMatch match)
        {
            match = default;
            if (Is(i, "today") || Is(i, "tonight"))
            {
                return Relative(i, i + 1, 0, out match);
            }
            if (Is(i, "yesterday"))
            {
                return Relative(i, i + 1, -1, out match);
            }
            if (Is(i, "tomorrow"))
            {
                return Relative(i, i + 1, 1, out match);
            }
            var first = i;
            var shift = i;
            if ((Is(i, "earlier") || Is(i, "later")) && Is(i + 1, "this"))
            {
                shift = i + 1;
            }
            var direction = Is(shift, "last") || Is(shift, "past") ? Direction.Last
                : Is(shift, "next") || Is(shift, "coming") ? Direction.Next
                : Is(shift, "this") ? Direction.This
                : Direction.ByTense;
            if (direction == Direction.ByTense)
            {
                return false;
            }
            var target = shift + 1;
            // "the last year" counts back a span of time, not a calendar year; "the next Tuesday" is
            // still a day.
            if ((Is(first - 1, "the") || Is(first - 1, "a")) && DateLexicon.Weekday(W(target)) is null)
            {
                return false;
            }
            if (direction == Direction.This && (Is(target, "morning") || Is(target, "afternoon") || Is(target, "evening")))
            {
                return Relative(first, target + 1, 0, out match);
            }
            if (direction == Direction.Last && Is(target, "night"))
            {
                return Relative(first, target + 1, -1, out match);
            }
            var weekday = DateLexicon.Weekday(W(target));
            if (weekday is not null)
            {
                return TryWeekday(first, target, weekday.Value, direction, out match);
            }
            if (DateLexicon.FullMonth(W(target)) != 0)
            {
                return TryMonthFirst(target, first, direction, out match);
            }
            var unit = DateLexicon.Unit(W(target));
            if (unit is CalendarUnit.None or CalendarUnit.Decade || W(target)[^1] == 's')
            {
                return false;
            }
            var step = direction switch { Direction.Last => -1, Direction.Next => 1, _ => 0 };
            if (_reference is not { } reference)
            {
                var precision = unit == CalendarUnit.Year ? Year : unit == CalendarUnit.Day ? Day : Month;
                match = new DateMatch(first, target + 1, null, precision, true);
                return true;
            }
            match = unit switch
            {
                CalendarUnit.Day => new DateMatch(first, target + 1, DayValue(reference.AddDays(step)), Day, true),
                CalendarUnit.Week => WeekMatch(first, target + 1, reference.AddDays(7 * step)),
                CalendarUnit.Month => MonthMatch(first, target + 1, reference.AddMonths(step)),
                _ => new DateMatch(first, target + 1, YearValue(reference.Year + step), Year, true),
            };
            return true;
        }

        private static DateMatch WeekMatch(int first, int end, DateOnly dayInWeek)
        {
            // ISO weeks run Monday to Sunday and belong to the month of their Thursday.
            var fromMonday = ((int)dayInWeek.DayOfWeek + 6) % 7;
            var thursday = dayInWeek.AddDays(3 - fromMonday);
            return MonthMatch(first, end, thursday);
        }

        private static DateMatch MonthMatch(int first, int end, DateOnly dayInMonth) =>
            new(first, end, MonthValue(dayInMonth.Year, dayInMonth.Month), Month, true);

        private bool Relative(int first, int end, int days, out DateMatch match)
        {
            match = new DateMatch(first, end, _reference is { } reference ? DayValue(reference.AddDays(days)) : null, Day, true);
            return true;
        }

        // "two days ago", "three weeks ago", "a year ago", "Seventeen years ago".
        private bool TryAgo(int i, out DateMatch match)
        {
            match = default;
            var count = DateLexicon.Count(W(i));
            var unit = DateLexicon.Unit(W(i + 1));
            if (count <= 0 || unit == CalendarUnit.None || !Is(i + 2, "ago"))
            {
                return false;
            }
            var end = i + 3;
            if (_reference is not { } reference)
            {
                var precision = unit is CalendarUnit.Day or CalendarUnit.Week ? Day : unit == CalendarUnit.Month ? Month : Year;
                match = new DateMatch(i, end, null, precision, true);
                return true;
            }
            match = unit switch
            {
                CalendarUnit.Day => new DateMatch(i, end, DayValue(reference.AddDays(-count)), Day, true),
                CalendarUnit.Week => new DateMatch(i, end, DayValue(reference.AddDays(-7 * count)), Day, true),
                CalendarUnit.Month => MonthMatch(i, end, reference.AddMonths(-count)),
                CalendarUnit.Year => new DateMatch(i, end, YearValue(reference.Year - count), Year, true),
                _ => new DateMatch(i, end, YearValue(reference.Year - 10 * count), Year, true),
            };
            return true;
        }

        // A bare year: "in 2019", "the 2018 season", "(1994)"; not "2000 people" or "$2019".
        private bool TryYear(int i, out DateMatch match)
        {
            match = default;
            var year = DateLexicon.Year(W(i));
            if (year == 0)
            {
                return false;
            }
            var afterPreposition = Is(i - 1, "in") || Is(i - 1, "since") || Is(i - 1, "until") || Is(i - 1, "by")
                || Is(i - 1, "of") || Is(i - 1, "from") || Is(i - 1, "to") || Is(i - 1, "during") || Is(i - 1, "before")
                || Is(i - 1, "after") || Is(i - 1, "between") || Is(i - 1, "and") || Is(i - 1, "through")
                || Is(i - 1, "early") || Is(i - 1, "late") || Is(i - 1, "mid") || Is(i - 1, "year");
            if (!afterPreposition)
            {
                if (year is < 1800 or > 2100)
                {
                    return false;
                }
                var before = W(i - 1);
                if (before.Length == 1 && (before[0] is '$' or '€' or '£' or '#' or '¥'))
                {
                    return false;
                }
                var after = W(i + 1);
                // "the 2014 protests" and "World Cup 2018 day five" name a year; "2000 people" counts.
                var modifier = Is(i - 1, "the") || Is(i - 1, "its") || Is(i - 1, "their") || Is(i - 1, "his")
                    || Is(i - 1, "her") || Is(i - 1, "this") || Is(i - 1, "that") || Is(i - 1, "-") || (IsCapitalisedWord(i - 1) && i - 1 > _start);
                if (IsLowerWord(i + 1) && !IsYearFollower(after) && !(modifier && year is >= 1900 and <= 2100))
                {
                    return false;
                }
                if (after.Length == 1 && after[0] == '%')
                {
                    return false;
                }
            }
            if (_analyses.Length == _tokens.Length && _analyses.Length > 0 && _analyses[i].Relation == "nummod")
            {
                return false;
            }
            match = new DateMatch(i, i + 1, YearValue(year), Year, false);
            return true;
        }

        private static bool IsYearFollower(ReadOnlySpan<char> w) =>
            w.Equals("and", StringComparison.Ordinal) || w.Equals("or", StringComparison.Ordinal)
            || w.Equals("to", StringComparison.Ordinal) || w.Equals("when", StringComparison.Ordinal)
            || w.Equals("the", StringComparison.Ordinal) || w.Equals("was", StringComparison.Ordinal)
            || w.Equals("were", StringComparison.Ordinal) || w.Equals("is", StringComparison.Ordinal)
            || w.Equals("in", StringComparison.Ordinal) || w.Equals("at", StringComparison.Ordinal)
            || w.Equals("as", StringComparison.Ordinal) || w.Equals("after", StringComparison.Ordinal)
            || w.Equals("before", StringComparison.Ordinal) || w.Equals("until", StringComparison.Ordinal)
            || w.Equals("a", StringComparison.Ordinal) || w.Equals("had", StringComparison.Ordinal)
            || w.Equals("has", StringComparison.Ordinal) || w.Equals("he", StringComparison.Ordinal)
            || w.Equals("she", StringComparison.Ordinal) || w.Equals("they", StringComparison.Ordinal)
            || w.Equals("it", StringComparison.Ordinal) || w.Equals("with", StringComparison.Ordinal)
            || w.Equals("for", StringComparison.Ordinal) || w.Equals("on", StringComparison.Ordinal);
    }
}
