using System.CommandLine;

namespace Parley.Cli.Commands;

/// <summary>
/// The options of <c>parley code</c> that choose what actors are resolved with: a person knowledge
/// base file, and PETRARCH/TABARI dictionaries beside or instead of the built-in tables.
/// </summary>
internal sealed class ActorOptions
{
    private readonly Option<string?> _knowledge = new("--kb")
    {
        HelpName = "FILE",
        Description = "Person knowledge base file. Read at the start and used read-only while the articles are coded; "
            + "the roles they state are merged in input order and saved to it at the end (created if missing). Default: none.",
    };

    private readonly Option<bool> _readOnly = new("--kb-readonly")
    {
        Description = "Use the --kb file but never change it.",
    };

    private readonly Option<string[]> _actors = new("--actors")
    {
        HelpName = "FILE",
        Description = "PETRARCH/TABARI actor dictionaries (e.g. Phoenix.Countries.actors.txt), used beside the built-in tables. "
            + "Takes several files; put the inputs before it or repeat the option.",
        AllowMultipleArgumentsPerToken = true,
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<string[]> _agents = new("--agents")
    {
        HelpName = "FILE",
        Description = "PETRARCH/TABARI agent dictionaries (e.g. Phoenix.agents.txt).",
        AllowMultipleArgumentsPerToken = true,
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<bool> _only = new("--actors-only")
    {
        Description = "Resolve actors with the --actors and --agents dictionaries alone, without the built-in tables.",
    };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_knowledge);
        command.Options.Add(_readOnly);
        command.Options.Add(_actors);
        command.Options.Add(_agents);
        command.Options.Add(_only);
    }

    /// <summary>The values given on the command line.</summary>
    public ActorSettings Read(ParseResult result) => new(
        result.GetValue(_knowledge),
        result.GetValue(_readOnly),
        result.GetValue(_actors) ?? [],
        result.GetValue(_agents) ?? [],
        result.GetValue(_only));
}
