using FsCheck;
using FsCheck.Fluent;
using Parley.Model;

namespace Parley.Tests.Text;

/// <summary>Generators of hostile text: any UTF-16 unit, lone surrogates, controls, and English-like fragments.</summary>
public static class TextGenerators
{
    private static readonly string[] Fragments =
    [
        "U.S.", "Gen.", "Mr.", "Inc.", "etc.", "J.", "p.m.", "don't", "can\u2019t", "Russia's", "gonna", "cannot",
        "1,000,000", "3.5", "$1.2bn", "713-555-0199", "11/28/2000", "9/11", "e-mail", "al-Qaeda", "http://x.org/a?b=c",
        "www.example.com", "a@b.com", "x...@y.com", "alt.animals.cat", "#tag", ":)", ":-(", "...", "\u2026", "--",
        "\u2014", "\"", "\u201C", "\u201D", "'", "\u2018", "\u2019", "''", "(", ")", "[", "]", ".", "?!", "!!!",
        " ", "  ", "\n", "\n\n", "\r\n", "\t", "\0", "\u2028", "\u00A0", "\u200B", "\uFEFF",
        "\uD83D\uDE00", "\uD83D", "\uDE00", "\u0301", "Ω", "北京", "No.", "12's", "ministers'", "A.", "a.",
    ];

    private static Gen<char> AnyChar =>
        Gen.Frequency(
            (6, Gen.Elements("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".ToCharArray())),
            (4, Gen.Elements(" .,;:!?'\"-/@$%&#()[]{}<>*_=+`~^|\\\u2019\u201C\u201D\u2026\u2014".ToCharArray())),
            (1, Gen.Choose(0, 0x1F).Select(i => (char)i)),
            (1, Gen.Choose(0xD800, 0xDFFF).Select(i => (char)i)),
            (2, Gen.Choose(0, 0xFFFF).Select(i => (char)i)));

    private static Gen<string> Piece =>
        Gen.Frequency(
            (3, Gen.Elements(Fragments)),
            (2, AnyChar.Select(c => c.ToString())));

    /// <summary>Strings built from fragments and arbitrary UTF-16 code units.</summary>
    public static Gen<string> Texts => Gen.ArrayOf(Piece).Select(parts => string.Concat(parts));

    /// <summary>Arbitrary text documents.</summary>
    public static Arbitrary<string> Strings() => Texts.ToArbitrary();

    /// <summary>Documents with random (possibly overlapping, unsorted, out-of-range) removed spans.</summary>
    public static Arbitrary<Document> Documents() =>
        Texts.SelectMany(
            text => Gen.ArrayOf(
                Gen.Choose(-2, text.Length + 2).SelectMany(start => Gen.Choose(0, 12).Select(length => (start, length)))),
            (text, spans) =>
            {
                var doc = new Document("random", text);
                foreach (var (start, length) in spans)
                {
                    // Keep removed spans valid for the document: clip them to the text.
                    var s = Math.Clamp(start, 0, text.Length);
                    var e = Math.Clamp(start + length, s, text.Length);
                    doc.Removed.Add(new RemovedSpan(s, e, "random"));
                }
                return doc;
            })
        .ToArbitrary();
}
