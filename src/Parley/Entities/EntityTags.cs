using Parley.Model;

namespace Parley.Entities;

/// <summary>
/// The recognizer's BILOU classes: 0 is outside; type <c>t</c> (Person 0, Organization 1, Location 2)
/// has Begin <c>1 + 4t</c>, Inside <c>2 + 4t</c>, Last <c>3 + 4t</c>, Unit <c>4 + 4t</c>.
/// </summary>
internal static class EntityTags
{
    public const int Count = 13;
    public const int Outside = 0;

    /// <summary>Number of entity types; tags 1 + 4t … 4 + 4t are type t's B, I, L and U.</summary>
    public const int Types = 3;

    /// <summary>
    /// Classes of the perceptron behind the recognizer: the <see cref="Count"/> tags, scored by the
    /// features of the token alone, then one class per (previous tag, tag) pair, the previous tag
    /// -1 (sentence start) included, scored by the features that pair with the previous tag. Each
    /// feature is looked up once per token, its weights a row over tags or over tag pairs.
    /// </summary>
    public const int Scored = Count + (Count + 1) * Count;

    /// <summary>The perceptron class of <paramref name="tag"/> after <paramref name="previous"/> (-1 = sentence start).</summary>
    public static int Pair(int previous, int tag) => Count + (previous + 1) * Count + tag;

    public static int Begin(EntityType type) => 1 + 4 * (int)type;

    public static int Inside(EntityType type) => 2 + 4 * (int)type;

    public static int Last(EntityType type) => 3 + 4 * (int)type;

    public static int Unit(EntityType type) => 4 + 4 * (int)type;

    public static EntityType TypeOf(int tag) => (EntityType)((tag - 1) / 4);

    public static int Part(int tag) => tag == 0 ? 0 : 1 + (tag - 1) % 4;   // 1 B, 2 I, 3 L, 4 U

    /// <summary>True when <paramref name="tag"/> may follow <paramref name="previous"/> (-1 = sentence start).</summary>
    public static bool Allowed(int previous, int tag, bool last)
    {
        var open = previous > 0 && Part(previous) is 1 or 2;
        var part = Part(tag);
        if (open)
        {
            return part is 2 or 3 && TypeOf(tag) == TypeOf(previous) && (!last || part == 3);
        }
        return part is 0 or 4 || (part == 1 && !last);
    }

    // Allowed(previous, tag, last) for previous -1..Count-1, indexed [((previous + 1) * Count + tag) * 2 + (last ? 1 : 0)].
    private static readonly bool[] AllowedTable = BuildAllowedTable();

    private static bool[] BuildAllowedTable()
    {
        var table = new bool[(Count + 1) * Count * 2];
        for (var previous = -1; previous < Count; previous++)
        {
            for (var tag = 0; tag < Count; tag++)
            {
                table[((previous + 1) * Count + tag) * 2] = Allowed(previous, tag, false);
                table[((previous + 1) * Count + tag) * 2 + 1] = Allowed(previous, tag, true);
            }
        }
        return table;
    }

    /// <summary><see cref="Allowed"/> by table lookup.</summary>
    public static bool IsAllowed(int previous, int tag, bool last) => AllowedTable[((previous + 1) * Count + tag) * 2 + (last ? 1 : 0)];

    /// <summary>Writes the BILOU classes of <paramref name="spans"/> over a sentence of <paramref name="count"/> tokens.</summary>
    public static int[] Encode(int count, List<(int First, int Count, EntityType Type)> spans)
    {
        var tags = new int[count];
        foreach (var (first, length, type) in spans)
        {
            if (first < 0 || first + length > count)
            {
                continue;
            }
            if (length == 1)
            {
                tags[first] = Unit(type);
                continue;
            }
            tags[first] = Begin(type);
            for (var k = 1; k < length - 1; k++)
            {
                tags[first + k] = Inside(type);
            }
            tags[first + length - 1] = Last(type);
        }
        return tags;
    }
}
