namespace Parley.Events;

/// <summary>Which side of the event, if any, a pattern slot's dependent fills.</summary>
public enum SlotRole
{
    /// <summary>The slot constrains the structure only.</summary>
    None,
    /// <summary>The dependent names the source (PETRARCH's <c>$</c>).</summary>
    Source,
    /// <summary>The dependent names the target (PETRARCH's <c>+</c>).</summary>
    Target,
}
