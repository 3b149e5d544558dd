namespace Parley.Syntax;

/// <summary>One syntactic word of a CoNLL-U sentence (a line whose ID is an integer).</summary>
/// <param name="Id">1-based position in the sentence.</param>
/// <param name="Form">Word form.</param>
/// <param name="Lemma">Lemma, or <c>_</c>.</param>
/// <param name="Upos">Universal POS tag.</param>
/// <param name="Xpos">Language-specific tag (Penn Treebank for English).</param>
/// <param name="Feats">Morphological features, or <c>_</c>.</param>
/// <param name="Head">Head ID, 0 for the root.</param>
/// <param name="Relation">UD relation, with subtype (<c>nsubj:pass</c>).</param>
/// <param name="Misc">MISC column, or <c>_</c>.</param>
public sealed record ConlluWord(int Id, string Form, string Lemma, string Upos, string Xpos, string Feats, int Head, string Relation, string Misc)
{
    /// <summary>True unless MISC says <c>SpaceAfter=No</c>.</summary>
    public bool SpaceAfter => !Misc.Contains("SpaceAfter=No", StringComparison.Ordinal);
}
