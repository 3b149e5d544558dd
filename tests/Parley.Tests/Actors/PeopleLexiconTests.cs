using Parley.Actors;

namespace Parley.Tests.Actors;

/// <summary>Lookups of the people table by name and surname as of a date, and the table's rows.</summary>
public sealed class PeopleLexiconTests
{
    private static PersonOffice Office(string code, string names, string surnames, string? from, string? until, string role) => new()
    {
        Code = code,
        Names = names.Split('|'),
        Surnames = surnames.Length == 0 ? [] : surnames.Split('|'),
        From = from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
        Until = until is null ? null : DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture),
        Role = role,
    };

    private static readonly PeopleLexicon Sample = new([
        Office("AAAGOV", "Ana Lopes|Ana M. Lopes", "Lopes", "2001-02-01", "2006-01-31", "Prime Minister"),
        Office("AAAGOV", "Ana Lopes|Ana M. Lopes", "Lopes", "2006-02-01", null, "President"),
        Office("BBBGOV", "Rui Lopes", "Lopes", "1998-01-01", "2003-12-31", "Foreign Minister"),
        Office("CCCGOV", "Jin-ho Park|Jin Ho Park", "", null, "2004-05-05", "Leader"),
    ]);

    [Theory]
    [InlineData("Ana Lopes", "2004-06-01", "Prime Minister")]
    [InlineData("ana m lopes", "2004-06-01", "Prime Minister")]
    [InlineData("Ana Lopes", "2020-01-01", "President")]
    [InlineData("Ana Lopes", null, "President")]
    [InlineData("Jin Ho Park", "1990-01-01", "Leader")]
    [InlineData("Jin-ho Park", null, "Leader")]
    public void Finds_the_office_of_a_full_name_on_a_date(string name, string? date, string role) =>
        Assert.Equal(role, Sample.ByName(name, Date(date))?.Role);

    [Theory]
    [InlineData("Ana Lopes", "2000-06-01")]
    [InlineData("Jin-ho Park", "2004-05-06")]
    [InlineData("Ana Pereira", null)]
    public void Finds_nothing_outside_the_terms_or_for_other_names(string name, string? date) =>
        Assert.Null(Sample.ByName(name, Date(date)));

    [Theory]
    [InlineData("2005-01-01", "AAAGOV")]
    [InlineData("1999-01-01", "BBBGOV")]
    public void A_surname_one_listed_person_holds_on_the_date_finds_that_person(string date, string code) =>
        Assert.Equal(code, Sample.BySurname("Lopes", Date(date))?.Code);

    [Fact]
    public void A_surname_two_listed_people_hold_is_ambiguous()
    {
        Assert.Null(Sample.BySurname("Lopes", Date("2002-06-01")));
        Assert.Null(Sample.BySurname("Lopes", null));
        Assert.Null(Sample.BySurname("Park", null));
    }

    [Fact]
    public void An_office_ending_before_it_begins_is_refused() =>
        Assert.Throws<ArgumentException>(() => new PeopleLexicon([Office("AAAGOV", "X Y", "Y", "2005-01-01", "2004-01-01", "President")]));

    [Fact]
    public void The_project_table_has_valid_rows()
    {
        var people = ProjectLexicon.Lexicon.People;
        Assert.True(people.Offices.Count >= 300, $"{people.Offices.Count} rows");
        foreach (var office in people.Offices)
        {
            Assert.Matches("^[A-Z]{6,9}$", office.Code);
            Assert.NotEmpty(office.Role);
            Assert.True(office.From is null || office.From <= new DateOnly(2026, 11, 30), office.Where);
            // Every row covers some of 2000-2026.
            Assert.True(office.Until is null || office.Until >= new DateOnly(2000, 1, 1), office.Where);
        }
    }

    [Fact]
    public void Rows_of_one_person_do_not_overlap_except_where_offices_are_held_together()
    {
        // One office of one person is never listed twice for the same day.
        var people = ProjectLexicon.Lexicon.People;
        var byPersonAndRole = people.Offices.GroupBy(o => (PeopleLexicon.Key(o.Name), o.Code, o.Role));
        foreach (var group in byPersonAndRole)
        {
            var terms = group.OrderBy(o => o.From ?? DateOnly.MinValue).ToList();
            for (var i = 1; i < terms.Count; i++)
            {
                Assert.True(terms[i - 1].Until is { } until && terms[i].From is { } from && from >= until, terms[i].Where);
            }
        }
    }

    private static DateOnly? Date(string? text) =>
        text is null ? null : DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
