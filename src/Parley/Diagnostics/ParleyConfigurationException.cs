namespace Parley.Diagnostics;

/// <summary>
/// Thrown when a run cannot start because its configuration is wrong (an E1xx code): an unknown
/// stage, a stage order that leaves a required layer missing, a missing model file.
/// </summary>
public sealed class ParleyConfigurationException : Exception
{
    /// <summary>Creates the exception with its code and a message that says what to do.</summary>
    public ParleyConfigurationException(string code, string message)
        : base($"{code}: {message}") => Code = code;

    /// <summary>Creates the exception with its code, a message and the underlying cause.</summary>
    public ParleyConfigurationException(string code, string message, Exception inner)
        : base($"{code}: {message}", inner) => Code = code;

    /// <summary>The E1xx code from <see cref="DiagnosticCodes"/>.</summary>
    public string Code { get; }
}
