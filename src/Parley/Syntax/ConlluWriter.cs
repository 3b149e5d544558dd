using System.Globalization;
using Parley.Model;

namespace Parley.Syntax;

/// <summary>
/// Writes a processed Document as CoNLL-U: <c>ID FORM LEMMA UPOS XPOS _ HEAD DEPREL _ MISC</c>, one
/// block per sentence, with <c>SpaceAfter=No</c> and the entity label (<c>NER=B-PER</c>) in MISC.
/// Columns whose layer is missing are written as <c>_</c>.
/// </summary>
public static class ConlluWriter
{
    /// <summary>Writes every sentence of <paramref name="document"/>.</summary>
    public static void Write(Document document, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(writer);
        var tokens = document.Tokens;
        var analyses = document.Analyses.Length == tokens.Length ? document.Analyses : null;
        var entityOf = EntityLabels.ByToken(document);
        for (var s = 0; s < document.Sentences.Length; s++)
        {
            var sentence = document.Sentences[s];
            writer.Write("# sent_id = ");
            writer.Write(document.Id);
            writer.Write('-');
            writer.WriteLine((s + 1).ToString(CultureInfo.InvariantCulture));
            writer.Write("# text = ");
            writer.WriteLine(Clean(document.Text.AsSpan(sentence.Start, sentence.End - sentence.Start)));
            for (var t = sentence.FirstToken; t < sentence.EndToken; t++)
            {
                var token = tokens[t];
                var form = Clean(document.Text.AsSpan(token.Start, token.Length));
                var a = analyses?[t];
                var head = a is { } x ? (x.Head < 0 ? "0" : (x.Head - sentence.FirstToken + 1).ToString(CultureInfo.InvariantCulture)) : "_";
                var misc = new List<string>(2);
                if (t + 1 < tokens.Length && tokens[t + 1].Start == token.End && t + 1 < sentence.EndToken)
                {
                    misc.Add("SpaceAfter=No");
                }
                if (entityOf[t] is { } ner)
                {
                    misc.Add("NER=" + ner);
                }
                writer.Write((t - sentence.FirstToken + 1).ToString(CultureInfo.InvariantCulture));
                writer.Write('\t');
                writer.Write(form);
                writer.Write('\t');
                writer.Write(Field(a?.Lemma is { } lemma ? Clean(lemma) : null));
                writer.Write('\t');
                writer.Write(Field(a?.Upos));
                writer.Write('\t');
                writer.Write(Field(a?.Xpos));
                writer.Write("\t_\t");
                writer.Write(analyses is null || string.IsNullOrEmpty(a?.Relation) ? "_" : head);
                writer.Write('\t');
                writer.Write(Field(a?.Relation));
                writer.Write("\t_\t");
                writer.WriteLine(misc.Count == 0 ? "_" : string.Join('|', misc));
            }
            writer.WriteLine();
        }
    }

    private static string Field(string? value) => string.IsNullOrEmpty(value) ? "_" : value;

    // CoNLL-U forbids tabs and line breaks inside a field.
    private static string Clean(ReadOnlySpan<char> value)
    {
        Span<char> copy = value.Length <= 256 ? stackalloc char[value.Length] : new char[value.Length];
        for (var i = 0; i < value.Length; i++)
        {
            copy[i] = value[i] is '\t' or '\n' or '\r' ? ' ' : value[i];
        }
        return new string(copy);
    }

    private static string Clean(string value) => value.AsSpan().IndexOfAny('\t', '\n', '\r') < 0 ? value : Clean(value.AsSpan());
}
