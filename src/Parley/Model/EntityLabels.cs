namespace Parley.Model;

/// <summary>IOB2 labels for entity types, as Universal NER and CoNLL write them.</summary>
public static class EntityLabels
{
    /// <summary>The short label of a type: <c>PER</c>, <c>ORG</c> or <c>LOC</c>.</summary>
    public static string Of(EntityType type) => type switch
    {
        EntityType.Person => "PER",
        EntityType.Organization => "ORG",
        _ => "LOC",
    };

    /// <summary>For each token of <paramref name="document"/>, its IOB2 label (<c>B-PER</c>, <c>I-PER</c> …) or null.</summary>
    public static string?[] ByToken(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tokens = document.Tokens.Length;
        var labels = new string?[tokens];
        foreach (var entity in document.Entities)
        {
            var label = Of(entity.Type);
            for (var t = entity.FirstToken; t < entity.FirstToken + entity.TokenCount && t < tokens; t++)
            {
                labels[t] = (t == entity.FirstToken ? "B-" : "I-") + label;
            }
        }
        return labels;
    }
}
