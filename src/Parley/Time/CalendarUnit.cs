namespace Parley.Time;

/// <summary>A unit of calendar time named in an expression such as "three weeks ago".</summary>
internal enum CalendarUnit
{
    None,
    Day,
    Week,
    Month,
    Year,
    Decade,
}
