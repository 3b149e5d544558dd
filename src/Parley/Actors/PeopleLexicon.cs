using System.Text;

namespace Parley.Actors;

/// <summary>
/// The offices people held, looked up by full name or by surname as of a date: who "Merkel" was
/// on 2012-03-01 (DEUGOV, Chancellor). Each lookup is one or two hash probes plus the rows of that
/// one name. Names are compared after <see cref="Key"/>: the lexicon's normalisation (case, Latin
/// diacritics), with hyphens read as spaces and periods dropped, so that "Kim Jong-un" and
/// "Kim Jong Un", "J.D. Vance" and "JD Vance" meet. Immutable and safe to share across threads.
/// </summary>
/// <remarks>
/// With no date, the most recent office of the person is taken (the one that began last; an office
/// still held counts as the latest). A surname that names more than one listed person on the date
/// (or, with no date, at any time) is ambiguous and matches nothing.
/// </remarks>
public sealed class PeopleLexicon
{
    private readonly PersonOffice[] _offices;
    private readonly string[] _person;
    private readonly Dictionary<string, int[]> _byName;
    private readonly Dictionary<string, int[]> _bySurname;

    /// <summary>Builds a lexicon over <paramref name="offices"/>.</summary>
    /// <exception cref="ArgumentException">An office has no name, or ends before it begins.</exception>
    public PeopleLexicon(IEnumerable<PersonOffice> offices)
    {
        ArgumentNullException.ThrowIfNull(offices);
        _offices = [.. offices];
        _person = new string[_offices.Length];
        var byName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var bySurname = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < _offices.Length; i++)
        {
            var office = _offices[i];
            ArgumentNullException.ThrowIfNull(office);
            if (office.Names.Count == 0 || Key(office.Name).Length == 0)
            {
                throw new ArgumentException($"{office.Where}: an office needs the holder's name.", nameof(offices));
            }
            if (office.From is { } from && office.Until is { } until && until < from)
            {
                throw new ArgumentException($"{office.Where}: the office ends ({until:yyyy-MM-dd}) before it begins ({from:yyyy-MM-dd}).", nameof(offices));
            }
            // The person is known by the first full name; rows of one person repeat it.
            _person[i] = Key(office.Name);
            foreach (var name in office.Names)
            {
                AddTo(byName, Key(name), i);
            }
            foreach (var surname in office.Surnames)
            {
                AddTo(bySurname, Key(surname), i);
            }
        }
        _byName = byName.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _bySurname = bySurname.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>A lexicon with no people.</summary>
    public static PeopleLexicon Empty { get; } = new([]);

    /// <summary>Every office, in table order.</summary>
    public IReadOnlyList<PersonOffice> Offices => _offices;

    /// <summary>True when the lexicon holds no offices.</summary>
    public bool IsEmpty => _offices.Length == 0;

    /// <summary>The form in which names are compared.</summary>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var normalized = LexiconText.NormalizePhrase(name);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (c == '.')
            {
                continue;
            }
            var ch = c == '-' ? ' ' : c;
            if (ch == ' ' && (builder.Length == 0 || builder[^1] == ' '))
            {
                continue;
            }
            builder.Append(ch);
        }
        return builder.ToString().TrimEnd();
    }

    /// <summary>True when some row lists <paramref name="fullName"/> as a full name.</summary>
    public bool HasName(string fullName) => _byName.ContainsKey(Key(fullName));

    /// <summary>True when some row lists <paramref name="surname"/> as a surname.</summary>
    public bool HasSurname(string surname) => _bySurname.ContainsKey(Key(surname));

    /// <summary>
    /// The office held on <paramref name="date"/> by the person with this full name (with no date,
    /// the person's most recent office); null when the name is unknown or held no office then.
    /// </summary>
    public PersonOffice? ByName(string fullName, DateOnly? date) =>
        _byName.TryGetValue(Key(fullName), out var rows) ? Select(rows, date) : null;

    /// <summary>
    /// The office held on <paramref name="date"/> by the one listed person with this surname; null
    /// when none held an office then, or when more than one listed person could be meant.
    /// </summary>
    public PersonOffice? BySurname(string surname, DateOnly? date) =>
        _bySurname.TryGetValue(Key(surname), out var rows) ? Select(rows, date) : null;

    /// <summary>
    /// The last office that the person with this full name (or, with <paramref name="surname"/>, the one
    /// listed person with this surname) had left by <paramref name="date"/> (with no date, any office
    /// that has ended); null when there is none or more than one person could be meant.
    /// </summary>
    public PersonOffice? FormerOffice(string name, bool surname, DateOnly? date)
    {
        if (!(surname ? _bySurname : _byName).TryGetValue(Key(name), out var rows))
        {
            return null;
        }
        string? person = null;
        var best = -1;
        foreach (var i in rows)
        {
            if (_offices[i].Until is not { } until || (date is { } day && until >= day))
            {
                continue;
            }
            if (person is not null && person != _person[i])
            {
                return null;
            }
            person = _person[i];
            if (best < 0 || until > _offices[best].Until)
            {
                best = i;
            }
        }
        return best < 0 ? null : _offices[best];
    }

    /// <summary>True when <paramref name="fullName"/> is one of the names of the holder of <paramref name="office"/>.</summary>
    public bool IsNameOf(string fullName, PersonOffice office)
    {
        ArgumentNullException.ThrowIfNull(office);
        var key = Key(fullName);
        foreach (var name in office.Names)
        {
            if (Key(name) == key)
            {
                return true;
            }
        }
        return false;
    }

    private PersonOffice? Select(int[] rows, DateOnly? date)
    {
        string? person = null;
        var best = -1;
        foreach (var i in rows)
        {
            if (date is { } day && !_offices[i].HeldOn(day))
            {
                continue;
            }
            if (person is not null && person != _person[i])
            {
                return null;
            }
            person = _person[i];
            if (best < 0 || Later(_offices[i], _offices[best]))
            {
                best = i;
            }
        }
        return best < 0 ? null : _offices[best];
    }

    // The office that began last; at equal starts, the one still held or ending last.
    private static bool Later(PersonOffice a, PersonOffice b)
    {
        var fromA = a.From ?? DateOnly.MinValue;
        var fromB = b.From ?? DateOnly.MinValue;
        if (fromA != fromB)
        {
            return fromA > fromB;
        }
        return (a.Until ?? DateOnly.MaxValue) > (b.Until ?? DateOnly.MaxValue);
    }

    private static void AddTo(Dictionary<string, List<int>> index, string key, int row)
    {
        if (key.Length == 0)
        {
            return;
        }
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }
        if (!list.Contains(row))
        {
            list.Add(row);
        }
    }
}
