using Parley.Actors;
using Parley.Processing;

namespace Parley.Tests.Actors;

/// <summary>The project's own actor tables, loaded once for all tests.</summary>
internal static class ProjectLexicon
{
    private static readonly Lazy<ActorLexicon> Loaded = new(() => ActorLexicon.Load(Folder));

    public static string Folder => Path.Combine(
        DataPaths.ResolveData() ?? throw new InvalidOperationException("data/ not found above the test binaries."),
        ActorLexicon.DataFolder);

    public static ActorLexicon Lexicon => Loaded.Value;

    /// <summary>Splits text into tokens roughly as the tokenizer does: words, punctuation, possessive 's.</summary>
    public static string[] Tokens(string text)
    {
        var tokens = new List<string>();
        foreach (var raw in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw;
            var trailing = new Stack<string>();
            while (word.Length > 1 && word[^1] is ',' or ';' or ':' or '?' or '!' or '"' or ')'
                   || (word.Length > 1 && word[^1] == '.' && word.IndexOf('.') == word.Length - 1))
            {
                trailing.Push(word[^1..]);
                word = word[..^1];
            }
            if (word.EndsWith("'s", StringComparison.Ordinal) && word.Length > 2)
            {
                tokens.Add(word[..^2]);
                tokens.Add("'s");
            }
            else
            {
                tokens.Add(word);
            }
            tokens.AddRange(trailing);
        }
        return [.. tokens];
    }
}
