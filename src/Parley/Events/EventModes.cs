namespace Parley.Events;

/// <summary>The modes an event can be stated in (the <c>mode</c> field of <c>parley/1</c>).</summary>
public static class EventModes
{
    /// <summary>Stated as having happened or happening.</summary>
    public const string Asserted = "asserted";
    /// <summary>Stated as not having happened ("did not meet").</summary>
    public const string Negated = "negated";
    /// <summary>Planned, promised, requested or wanted, not yet done.</summary>
    public const string Intended = "intended";
    /// <summary>Conditional, possible or threatened.</summary>
    public const string Hypothetical = "hypothetical";
    /// <summary>Attributed to a speaker (reported speech or a quotation).</summary>
    public const string Reported = "reported";
}
