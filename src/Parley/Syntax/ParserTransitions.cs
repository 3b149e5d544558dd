namespace Parley.Syntax;

/// <summary>
/// How a parser's arc-eager system differs from the plain one (root first, arcs final); stored in the
/// model as one byte, and the state reads it on reset.
/// </summary>
[Flags]
internal enum ParserTransitions : byte
{
    /// <summary>The artificial root before the first word; arcs are final.</summary>
    None = 0,

    /// <summary>The artificial root after the last word (see <see cref="ArcEagerState.RootLast"/>).</summary>
    RootLast = 1,

    /// <summary>A left arc may replace the head a right arc gave (see <see cref="ArcEagerState.NonMonotonic"/>); only with <see cref="RootLast"/>.</summary>
    NonMonotonic = 2,
}
