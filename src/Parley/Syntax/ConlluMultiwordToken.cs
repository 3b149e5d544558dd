namespace Parley.Syntax;

/// <summary>A CoNLL-U range line (<c>4-5 don't</c>): one surface token split into several words.</summary>
/// <param name="First">ID of the first word.</param>
/// <param name="Last">ID of the last word.</param>
/// <param name="Form">Surface form.</param>
/// <param name="Misc">MISC column.</param>
public sealed record ConlluMultiwordToken(int First, int Last, string Form, string Misc)
{
    /// <summary>True unless MISC says <c>SpaceAfter=No</c>.</summary>
    public bool SpaceAfter => !Misc.Contains("SpaceAfter=No", StringComparison.Ordinal);
}
