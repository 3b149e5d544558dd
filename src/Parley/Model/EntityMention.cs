namespace Parley.Model;

/// <summary>A named-entity span over whole tokens <c>[FirstToken, FirstToken + TokenCount)</c>.</summary>
public readonly record struct EntityMention(int Start, int End, int FirstToken, int TokenCount, EntityType Type)
{
    /// <summary>The mention's span.</summary>
    public TextSpan Span => new(Start, End);
}
