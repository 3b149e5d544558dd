using Parley.Model;

namespace Parley.Processing;

/// <summary>
/// One step of the pipeline. A stage holds no per-document state and does no I/O, so one instance
/// serves every thread. It declares the layers it needs and the ones it adds; the
/// <see cref="Pipeline"/> checks the order when it is built.
/// </summary>
public interface IStage
{
    /// <summary>Versioned stage name, e.g. <c>segment.rules.v1</c>.</summary>
    string Name { get; }

    /// <summary>Layers that must be present before the stage runs.</summary>
    Layers Requires { get; }

    /// <summary>Layers the stage adds.</summary>
    Layers Provides { get; }

    /// <summary>
    /// Adds the stage's layers to <paramref name="document"/>. Data problems are reported through
    /// <paramref name="context"/>; an exception means a bug, and fails only this document.
    /// </summary>
    void Process(Document document, StageContext context);
}
