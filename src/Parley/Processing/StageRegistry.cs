using Parley.Diagnostics;

namespace Parley.Processing;

/// <summary>
/// Maps versioned stage names to factories. Stages that need data (models, lexicons) are
/// registered with a factory that loads it once; the instance is then shared across threads.
/// </summary>
public sealed class StageRegistry
{
    private readonly Dictionary<string, Func<IStage>> _factories = new(StringComparer.Ordinal);

    /// <summary>Registers a stage factory under its versioned name.</summary>
    public StageRegistry Add(string name, Func<IStage> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (!_factories.TryAdd(name, factory))
        {
            throw new ArgumentException($"A stage named '{name}' is already registered.", nameof(name));
        }
        return this;
    }

    /// <summary>The registered names, sorted.</summary>
    public IReadOnlyList<string> Names
    {
        get
        {
            var names = new List<string>(_factories.Keys);
            names.Sort(StringComparer.Ordinal);
            return names;
        }
    }

    /// <summary>Creates the stage registered under <paramref name="name"/>.</summary>
    /// <exception cref="ParleyConfigurationException">E101 when no stage has that name.</exception>
    public IStage Create(string name)
    {
        if (!_factories.TryGetValue(name, out var factory))
        {
            throw new ParleyConfigurationException(DiagnosticCodes.UnknownStage,
                $"No stage is named '{name}'. Known stages: {string.Join(", ", Names)}.");
        }
        return factory();
    }
}
