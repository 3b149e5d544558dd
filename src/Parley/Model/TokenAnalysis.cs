namespace Parley.Model;

/// <summary>
/// Morphosyntax of one token, kept in a struct array parallel to <see cref="Document.Tokens"/>.
/// Tag and relation strings come from a model's interned tables, so filling the array allocates
/// only the lemmas that differ from the form.
/// </summary>
/// <param name="Upos">Universal part of speech (UD), e.g. <c>PROPN</c>.</param>
/// <param name="Xpos">Penn Treebank tag, e.g. <c>NNP</c>.</param>
/// <param name="Lemma">Dictionary form, e.g. <c>request</c> for "requested".</param>
/// <param name="Head">Document-wide index of the head token, or -1 for the sentence root.</param>
/// <param name="Relation">UD relation to the head, e.g. <c>nsubj:pass</c>; <c>root</c> at the root.</param>
public readonly record struct TokenAnalysis(string Upos, string Xpos, string Lemma, int Head, string Relation);
