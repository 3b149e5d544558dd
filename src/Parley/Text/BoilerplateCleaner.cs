using System.Text.RegularExpressions;
using Parley.Model;
using Parley.Processing;

namespace Parley.Text;

/// <summary>
/// Marks whole lines of site boilerplate as removed (reason <see cref="Reason"/>): promotions ("For more
/// coverage … visit our website."), calls to click, subscribe, follow or share, "Read more:" and
/// "Related:" links, copyright notices, reporting and editing credits, photo credits, advertisement
/// markers, tag lists and time stamps. The text itself is never changed.
/// </summary>
/// <remarks>
/// Every rule matches a <em>whole</em> line (at most <see cref="MaxLineLength"/> characters, trimmed), and
/// each is written so that a story sentence that merely contains "follow", "subscribe", "share", "click"
/// or "news" does not match: a rule needs the fixed phrasing of site furniture from the line's first word
/// to its last. The rules are compiled at build time; every quantifier is bounded or separated by fixed
/// words, and lines are at most <see cref="MaxLineLength"/> long, so backtracking stays small.
/// Each rule carries an example line; <see cref="Examples"/> exposes them so tests can check every rule.
/// </remarks>
public sealed partial class BoilerplateCleaner : IStage
{
    /// <summary>Versioned stage name.</summary>
    public const string StageName = "clean.boilerplate.v1";

    /// <summary>The reason recorded on the spans this stage removes.</summary>
    public const string Reason = "boilerplate";

    /// <summary>Longer lines are story text, never boilerplate.</summary>
    public const int MaxLineLength = 300;

    private const RegexOptions AnyCase = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private const RegexOptions ExactCase = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // A personal name for credit lines: capitalised words, so "Reporting by the newspaper revealed …" is not a credit.
    private const string PersonName = @"\p{Lu}[\p{L}'’.\-]*(?: (?:de |da |van |von |al-|bin )?\p{Lu}[\p{L}'’.\-]*){0,4}";
    private const string PersonNames = PersonName + @"(?:(?:, | and | & |/| in |; )" + PersonName + ")*";

    private static readonly Rule[] Rules =
    [
        // Outlet promotions that close syndicated stories.
        new(LatestNewsPromotion(), "For more coverage of the election, visit our politics page."),
        new(ClickHere(), "Click here to subscribe"),
        new(NewsletterSignUp(), "Sign up for our newsletter"),
        new(NewsletterOffer(), "Get our free morning newsletter in your inbox"),
        new(FollowOnSocialMedia(), "Follow us on Twitter and Facebook.", "follow", "like"),
        new(FollowUs(), "Follow @Reuters"),
        new(ShareThis(), "Share this article"),
        // Link lists: the label must be followed by a separator, or stand alone.
        new(LinkListLabel(), "Read more: Harbour strike enters its third week"),
        new(BareLinkListLabel(), "Related:"),
        new(Copyright(), "© 2022 Reuters. All rights reserved.", "©", "(c)", "copyright", "reserved", "this material"),
        // Wire credits: "Reporting by … ; Editing by …", optionally in parentheses.
        new(WireCredit(), "Reporting by Jane Doe in Washington; Editing by John Smith", " by "),
        new(ContributedToThisReport(), "Associated Press writer Jane Doe in Kyiv contributed to this report.", "contributed"),
        // Photo credits and captions that end in an agency credit.
        new(PhotoCreditLabel(), "Photo: Getty Images"),
        new(PhotoBy(), "Photo by Jane Doe/Reuters"),
        new(AgencyPhotoCredit(), "(AP Photo/Evan Vucci)", "photo", "(ap", "reuters", "afp", "(epa", "getty", "bloomberg"),
        // Single markers left by ads, players, comment widgets and paywalls.
        new(SingleMarker(), "Advertisement"),
        new(TagList(), "Tags: Ukraine, Russia, United Nations"),
        new(FeedbackRequest(), "Got a news tip? Email us at tips@example.com."),
        new(TimeStamp(), "Updated: April 19, 2022 10:32 AM ET"),
    ];

    private static readonly string[] RuleExamples = Array.ConvertAll(Rules, rule => rule.Example);

    /// <inheritdoc />
    public string Name => StageName;

    /// <inheritdoc />
    public Layers Requires => Layers.Text;

    /// <inheritdoc />
    public Layers Provides => Layers.Cleaned;

    /// <summary>One example line per rule, each of which the rule removes.</summary>
    public static IReadOnlyList<string> Examples => RuleExamples;

    /// <summary>True when <paramref name="line"/> (one line, leading and trailing white space ignored) is boilerplate.</summary>
    public static bool IsBoilerplate(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim();
        if (trimmed.IsEmpty || trimmed.Length > MaxLineLength)
        {
            return false;
        }
        foreach (var rule in Rules)
        {
            if (rule.MayMatch(trimmed) && rule.Pattern.IsMatch(trimmed))
            {
                return true;
            }
        }
        return false;
    }

    /// <inheritdoc />
    public void Process(Document document, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        foreach (var line in TextLines.Trimmed(text, MaxLineLength))
        {
            if (IsBoilerplate(text.AsSpan(line.Start, line.Length)))
            {
                Add(document.Removed, new RemovedSpan(line.Start, line.End, Reason));
            }
        }
        document.AddLayers(Layers.Cleaned);
    }

    /// <summary>Inserts in text order; a line an earlier step already removed is left as it is.</summary>
    private static void Add(List<RemovedSpan> removed, RemovedSpan span)
    {
        var index = removed.Count;
        while (index > 0 && removed[index - 1].Start > span.Start)
        {
            index--;
        }
        if ((index > 0 && removed[index - 1].End > span.Start) || (index < removed.Count && removed[index].Start < span.End))
        {
            return;
        }
        removed.Insert(index, span);
    }

    /// <summary>A rule: its pattern, an example line it removes, and optional hints (a rule is only tried on
    /// a line holding one of them, case-insensitively) that spare the slower patterns most story lines.</summary>
    private sealed class Rule(Regex pattern, string example, params string[] hints)
    {
        public Regex Pattern { get; } = pattern;

        public string Example { get; } = example;

        public bool MayMatch(ReadOnlySpan<char> line)
        {
            if (hints.Length == 0)
            {
                return true;
            }
            foreach (var hint in hints)
            {
                if (line.Contains(hint, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
            return false;
        }
    }

    [GeneratedRegex(@"^for (the )?(latest|more|breaking|continuing|live|up-to-date)( \w+)? (news|coverage|updates|stories|headlines)\b.{0,100}\b(head|go|visit|turn|click|tune in|follow|sign up)\b.{0,80}$", AnyCase)]
    private static partial Regex LatestNewsPromotion();

    [GeneratedRegex(@"^(please )?click (here|the link|this link|to (subscribe|share|read|watch|listen|download|sign|follow|view|see|get|continue|learn))\b.{0,120}$", AnyCase)]
    private static partial Regex ClickHere();

    [GeneratedRegex(@"^(sign up|subscribe|register)( now| today| here| free| for free)?( to| for)\b.{0,80}\b(newsletters?|updates|alerts|briefings?|digest|e-?mails?|podcast|channel|inbox)\b.{0,60}$", AnyCase)]
    private static partial Regex NewsletterSignUp();

    [GeneratedRegex(@"^(get|receive) (our|the) .{0,40}\bnewsletter\b.{0,80}$", AnyCase)]
    private static partial Regex NewsletterOffer();

    [GeneratedRegex(@"^(follow|like) (us|@\w+|[\p{L}.' -]{1,40}) on (twitter|facebook|instagram|linkedin|youtube|tiktok|threads|bluesky|mastodon|x|telegram|whatsapp)\b[\p{L}\p{N}@_ ,.&/:-]{0,80}$", AnyCase)]
    private static partial Regex FollowOnSocialMedia();

    [GeneratedRegex(@"^follow (us|@\w+)$|^follow us (for|here|at)\b.{0,60}$", AnyCase)]
    private static partial Regex FollowUs();

    [GeneratedRegex(@"^share (this|the) (article|story|post|page|video|link)\b.{0,60}$|^share( on| via)? (facebook|twitter|x|e-?mail|whatsapp|linkedin|reddit|telegram)\b.{0,30}$|^share( this)?\s*:?$", AnyCase)]
    private static partial Regex ShareThis();

    [GeneratedRegex(@"^(read more|read also|also read|related|related (articles?|stories|coverage|content|topics|reading)|see also|more on this( story)?|recommended( for you)?|most (read|popular|viewed)|you (may|might) also like|trending( now)?|what to read next|watch|listen|more stories|top stories|editor'?s picks)\s*[:|»›>].{0,200}$", AnyCase)]
    private static partial Regex LinkListLabel();

    [GeneratedRegex(@"^(read more|related|related (articles?|stories|coverage|content)|see also|recommended( for you)?|most (read|popular|viewed)|you (may|might) also like|trending now|more stories|top stories|editor'?s picks)\s*[:.]?$", AnyCase)]
    private static partial Regex BareLinkListLabel();

    [GeneratedRegex(@"^(©|\(c\)|copyright\s*(©|\(c\)|\d{4}))\s*.{0,200}$|^.{0,150}\ball rights reserved\.?$|^this material may not be published, broadcast, rewritten,? or redistributed\.?$", AnyCase)]
    private static partial Regex Copyright();

    [GeneratedRegex(@"^[(\[]?(Additional [Rr]eporting|Reporting|Writing|Editing|Compiled|Edited|Written|Reported)( and (writing|editing|reporting))? by " + PersonNames +
            @"(\s?[;,.]?\s?(Additional [Rr]eporting|[Rr]eporting|[Ww]riting|[Ee]diting|Compiled|Edited)( and (writing|editing))? by " + PersonNames + @")*[)\]]?\.?$", ExactCase)]
    private static partial Regex WireCredit();

    [GeneratedRegex(@"^(the )?(associated press|ap|reuters|afp|bloomberg)( staff)? (writers?|reporters?|correspondents?) [\p{L}.' ,-]{1,120} contributed( reporting)? to this (report|story|article)\.?$|^[\p{L}.' ,-]{1,120} contributed (reporting )?to this (report|story|article)\.?$", AnyCase)]
    private static partial Regex ContributedToThisReport();

    [GeneratedRegex(@"^(photo|photograph|image|picture|video|graphic|illustration|file photo)s?( credit)?s?\s*[:|]\s*.{1,120}$", AnyCase)]
    private static partial Regex PhotoCreditLabel();

    [GeneratedRegex(@"^(Photo|Photograph|Image|PHOTO)s? (by|courtesy( of)?|credit:?) " + PersonName + @"(/\p{Lu}[\p{L}.' ]{0,40})?\.?$", ExactCase)]
    private static partial Regex PhotoBy();

    [GeneratedRegex(@"^\(?(AP|Reuters|AFP|EPA|Getty Images|AFP via Getty Images|Bloomberg)( Photo)?(/[\p{L}.' -]{1,60})?\)?\.?$|^.{1,250}\((AP|Reuters|AFP|EPA)( Photo)?/[\p{L}.' -]{1,60}\)$", ExactCase)]
    private static partial Regex AgencyPhotoCredit();

    [GeneratedRegex(@"^(advertisement|advertisements|advertising|sponsored( content)?|paid content|ad|story continues below( advertisement)?|article continues below( advertisement)?|continue reading( below| the main story)?|scroll to continue( with content)?|skip advertisement|subscribe( now| today)?|log ?in|sign in|listen to (this|the) article.{0,30}|print|e-?mail|comments?|\d+ comments?|leave a comment|view comments|show comments|load comments|download (our|the) .{0,30}\bapp\b.{0,40})\.?$", AnyCase)]
    private static partial Regex SingleMarker();

    [GeneratedRegex(@"^tags?\s*:\s*.{1,200}$", AnyCase)]
    private static partial Regex TagList();

    [GeneratedRegex(@"^(have|got) (an opinion|a (news )?tip|a story idea|a question)\b.{0,80}\b(share it|contact us|e-?mail us|let us know|send (it|us)|write to us)\b.{0,60}$", AnyCase)]
    private static partial Regex FeedbackRequest();

    [GeneratedRegex(@"^(published|updated|last updated|first published)\s*(on|at)?\s*:?\s*.{0,30}(\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\b\d{1,2}:\d{2}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b).{0,30}$", AnyCase)]
    private static partial Regex TimeStamp();
}
