namespace Parley.Time;

/// <summary>Whether a clause reports what happened or announces what will happen.</summary>
internal enum ReportingTense
{
    /// <summary>No clear cue; read as past, the usual case in news.</summary>
    Unknown,
    /// <summary>The clause reports the past.</summary>
    Past,
    /// <summary>The clause announces the future (<c>will</c>, <c>is to</c>, <c>scheduled</c> …).</summary>
    Future,
}
