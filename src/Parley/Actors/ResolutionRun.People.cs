using Parley.Model;
using Parley.Time;

namespace Parley.Actors;

/// <summary>
/// The people step of <see cref="ResolutionRun"/>: a person the article names without a role that
/// codes ("Merkel met the president", "President Obama") takes the code of the office the
/// <see cref="ActorLexicon.People"/> table says the person held on the article's date.
/// </summary>
/// <remarks>
/// The date is the document's publication date, else its dateline (the day the time stage resolves
/// relative dates against); with neither, the person's most recent office. A full name (a named
/// entity or a run of capitalised proper names) matches as written. A name of one word matches a
/// surname only when it is read as a proper name (inside a PER span, or capitalised and tagged
/// PROPN) — "May", "Brown" and "Rice" are words too — and only when the article names no other
/// person with that surname. A role the article states wins: a coded role is kept, and a person
/// called former ("former Chancellor Angela Merkel", "ex-president Bush") takes no current office but
/// the country's elite code of the last office left by the date (USAELI), as a stated former role would.
/// </remarks>
internal sealed partial class ResolutionRun
{
    private readonly List<(Cluster Cluster, PersonOffice Office)> _offices = [];

    private void ApplyPeople()
    {
        var people = _lexicon.People;
        if (people.IsEmpty)
        {
            return;
        }
        DateOnly? date = null;
        var dated = false;
        foreach (var c in _clusters)
        {
            if (c.Kind != ClusterKind.Person || c.Code is not null || c.Mentions.Count == 0)
            {
                continue;
            }
            var byName = people.HasName(c.Name);
            if (!byName && !people.HasSurname(c.Name))
            {
                continue;
            }
            if (!dated)
            {
                date = _date ?? DateExpressionMatcher.Default.FindDateline(_text, _tokens, _doc.Sentences);
                dated = true;
            }
            var former = c.Role?.StartsWith("former", StringComparison.Ordinal) == true || CalledFormer(c);
            var office = byName
                ? (former ? people.FormerOffice(c.Name, surname: false, date) : people.ByName(c.Name, date))
                : SurnameOffice(c, people, date, former);
            if (office is null || (former && CameoCodes.CountryOf(office.Code) is null))
            {
                continue;
            }
            c.SetCode(former ? CameoCodes.CountryOf(office.Code) + "ELI" : office.Code, former ? "ELI" : null, null);
            if (!byName)
            {
                // "Merkel" alone is listed under the table's full name.
                c.Name = office.Name;
            }
            if (!c.HasStatedRole)
            {
                c.Role = former ? "former " + office.Role : office.Role;
                c.RoleKey = former ? null : RoleKey(office.Role);
            }
            c.Confirmed = true;
            _offices.Add((c, office));
        }
    }

    // "former Chancellor Angela Merkel", "the former German chancellor, Merkel" is not: only titles,
    // lexicon phrases and capitalised words may stand between "former" and a mention.
    private bool CalledFormer(Cluster c)
    {
        foreach (var m in c.Mentions)
        {
            for (var k = m.FirstToken - 1; k >= 0 && k >= m.FirstToken - 5 && _sentenceOf[k] == _sentenceOf[m.FirstToken]; k--)
            {
                var t = TokenText(k);
                if (t.Equals("former", StringComparison.OrdinalIgnoreCase) || t.Equals("ex", StringComparison.OrdinalIgnoreCase)
                    || t.StartsWith("ex-", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
                if (_phraseOf[k] < 0 && !IsCapitalised(k))
                {
                    break;
                }
            }
        }
        return false;
    }

    private PersonOffice? SurnameOffice(Cluster c, PeopleLexicon people, DateOnly? date, bool former)
    {
        if (!IsReadAsName(c))
        {
            return null;
        }
        var office = former ? people.FormerOffice(c.Name, surname: true, date) : people.BySurname(c.Name, date);
        if (office is null)
        {
            return null;
        }
        // Another person of that surname in the article ("Michelle Obama") makes the surname theirs as much as the office-holder's.
        var surname = PeopleLexicon.Key(c.Name);
        foreach (var other in _clusters)
        {
            if (!ReferenceEquals(other, c) && other.Kind == ClusterKind.Person && other.WordCount > 1
                && PeopleLexicon.Key(other.Name).EndsWith(" " + surname, StringComparison.Ordinal)
                && !people.IsNameOf(other.Name, office))
            {
                return null;
            }
        }
        return office;
    }

    // A recognised person, or a capitalised word the tagger reads as a proper noun.
    private bool IsReadAsName(Cluster c)
    {
        if (c.NamedByEntities)
        {
            return true;
        }
        if (!_hasTags)
        {
            return false;
        }
        foreach (var m in c.Mentions)
        {
            if (IsCapitalised(m.HeadToken) && _doc.Analyses[m.HeadToken].Upos == "PROPN")
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The people-table office behind each kept actor coded from it, with the actor's first mention.</summary>
    private List<PeopleMatch> PeopleMatches(List<Cluster> kept)
    {
        var matches = new List<PeopleMatch>();
        foreach (var (cluster, office) in _offices)
        {
            if (kept.Contains(cluster) && cluster.Mentions.Count > 0)
            {
                matches.Add(new PeopleMatch(new TextSpan(cluster.Mentions[0].Start, cluster.Mentions[0].End), office));
            }
        }
        return matches;
    }
}
