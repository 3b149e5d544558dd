using System.CommandLine;
using System.Globalization;
using Parley.Diagnostics;
using Parley.Store;

namespace Parley.Cli.Commands;

/// <summary>The event filters of <c>parley query</c> and <c>parley export</c>, and their checks (E107 on a malformed value).</summary>
internal sealed class QueryOptions
{
    private readonly Option<string?> _actor = new("--actor") { Description = "Actor code prefix (RUSGOV; a country's code, RUS, finds all its actors), or the start of an actor's name (\"Vladimir\"), as source or target." };
    private readonly Option<string?> _code = new("--code") { Description = "CAMEO event code prefix (19, 036)." };
    private readonly Option<string?> _root = new("--root") { Description = "CAMEO root code (01–20)." };
    private readonly Option<string?> _plover = new("--plover") { Description = "PLOVER event type (CONSULT, ASSAULT …)." };
    private readonly Option<int?> _quad = new("--quad") { Description = "QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict." };
    private readonly Option<string?> _goldstein = new("--goldstein") { Description = "Goldstein range MIN:MAX, either side may be empty (-10:-5, 3:)." };
    private readonly Option<string?> _mode = new("--mode") { Description = "asserted, negated, intended, hypothetical or reported." };
    private readonly Option<string?> _country = new("--country") { Description = "Country of the event's place, ISO alpha-2 (UA)." };
    private readonly Option<string?> _place = new("--place") { Description = "Name of the event's place (Kyiv)." };
    private readonly Option<string?> _near = new("--near") { Description = "LAT,LON,KM: events placed within KM kilometres of a point." };
    private readonly Option<string?> _from = new("--from") { Description = "First day, YYYY-MM-DD." };
    private readonly Option<string?> _to = new("--to") { Description = "Last day, YYYY-MM-DD (inclusive)." };
    private readonly Option<string?> _text = new("--text") { Description = "Words that must all occur in an article reporting the event." };
    private readonly Option<string?> _speaker = new("--speaker") { Description = "Start of a quoted speaker's name in an article reporting the event." };
    private readonly Option<string?> _quote = new("--quote") { Description = "Part of a quotation in an article reporting the event." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _actor, _code, _root, _plover, _quad, _goldstein, _mode, _country, _place, _near, _from, _to, _text, _speaker, _quote })
        {
            command.Options.Add(option);
        }
    }

    public EventQuery Read(ParseResult result, int limit)
    {
        var actor = result.GetValue(_actor);
        var isCode = actor is { Length: >= 2 } && actor.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));
        var (min, max) = Range(result.GetValue(_goldstein));
        var quad = result.GetValue(_quad);
        if (quad is < 1 or > 4)
        {
            throw Invalid($"--quad {quad} is not a QuadClass; give 1, 2, 3 or 4.");
        }
        var mode = result.GetValue(_mode);
        if (mode is not (null or "asserted" or "negated" or "intended" or "hypothetical" or "reported"))
        {
            throw Invalid($"--mode '{mode}' is not a mode; give asserted, negated, intended, hypothetical or reported.");
        }
        var query = new EventQuery
        {
            ActorCode = isCode ? actor : null,
            ActorName = isCode ? null : actor,
            Code = Digits(result.GetValue(_code), "--code"),
            Root = Digits(result.GetValue(_root), "--root"),
            Plover = result.GetValue(_plover),
            Quad = quad,
            GoldsteinMin = min,
            GoldsteinMax = max,
            Mode = mode,
            Country = result.GetValue(_country),
            Place = result.GetValue(_place),
            Near = Near(result.GetValue(_near)),
            From = Date(result.GetValue(_from), "--from"),
            To = Date(result.GetValue(_to), "--to"),
            Text = result.GetValue(_text),
            Speaker = result.GetValue(_speaker),
            Quote = result.GetValue(_quote),
            Limit = limit,
        };
        if (query.From > query.To)
        {
            throw Invalid($"--from {query.From:yyyy-MM-dd} is after --to {query.To:yyyy-MM-dd}.");
        }
        return query;
    }

    private static ParleyConfigurationException Invalid(string message) => new(DiagnosticCodes.InvalidQuery, message);

    private static string? Digits(string? value, string option) =>
        value is null || (value.Length is > 0 and <= 4 && value.All(char.IsAsciiDigit)) ? value
            : throw Invalid($"{option} '{value}' is not a CAMEO code; write its digits with leading zeros (036, 19).");

    private static DateOnly? Date(string? value, string option) =>
        value is null ? null
            : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
            : throw Invalid($"{option} '{value}' is not a date; write it as YYYY-MM-DD, e.g. 2019-04-01.");

    private static (double? Min, double? Max) Range(string? value)
    {
        if (value is null)
        {
            return (null, null);
        }
        var parts = value.Split(':');
        if (parts.Length != 2 || !Number(parts[0], out var min) || !Number(parts[1], out var max) || min > max)
        {
            throw Invalid($"--goldstein '{value}' is not a range; write MIN:MAX between -10 and 10, e.g. -10:-5 or 3: (a side may be empty).");
        }
        return (min, max);
    }

    private static bool Number(string text, out double? value)
    {
        value = null;
        if (text.Length == 0)
        {
            return true;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number is >= -10 and <= 10)
        {
            value = number;
            return true;
        }
        return false;
    }

    private static GeoCircle? Near(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var parts = value.Split(',');
        if (parts.Length == 3
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) && lat is >= -90 and <= 90
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) && lon is >= -180 and <= 180
            && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var km) && km is > 0 and <= 5000)
        {
            return new GeoCircle(lat, lon, km);
        }
        throw Invalid($"--near '{value}' is not a point and radius; write LAT,LON,KM, e.g. 50.45,30.52,100 (radius up to 5000 km).");
    }
}
