namespace Parley.Cli.Commands;

/// <summary>What <see cref="ActorOptions"/> read from the command line.</summary>
/// <param name="KnowledgeFile">The <c>--kb</c> file, or null for no person knowledge base.</param>
/// <param name="ReadOnly">True to use the knowledge base without saving what the run learns.</param>
/// <param name="ActorDictionaries">PETRARCH actor dictionaries, in the order given.</param>
/// <param name="AgentDictionaries">PETRARCH agent dictionaries, in the order given.</param>
/// <param name="DictionariesOnly">True to leave the built-in actor tables out.</param>
internal sealed record ActorSettings(string? KnowledgeFile, bool ReadOnly, string[] ActorDictionaries, string[] AgentDictionaries,
    bool DictionariesOnly)
{
    /// <summary>True when nothing differs from the standard actor stage.</summary>
    public bool IsDefault => KnowledgeFile is null && ActorDictionaries.Length == 0 && AgentDictionaries.Length == 0 && !DictionariesOnly;
}
