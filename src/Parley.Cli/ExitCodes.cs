namespace Parley.Cli;

/// <summary>The exit codes of every <c>parley</c> command.</summary>
internal static class ExitCodes
{
    /// <summary>Everything was done.</summary>
    public const int Success = 0;
    /// <summary>The run finished, but some articles failed (each reported with its reason), or an evaluation fell below its floor.</summary>
    public const int PartialFailure = 1;
    /// <summary>The command line is wrong: unknown option, bad value, missing input.</summary>
    public const int Usage = 2;
    /// <summary>The configuration is unusable: a model or data file is missing or corrupt (an E1xx code says which).</summary>
    public const int Configuration = 3;
    /// <summary>Reading or writing failed outside any one article (the output file cannot be written, a broken pipe).</summary>
    public const int InputOutput = 4;
    /// <summary>The user interrupted the run.</summary>
    public const int Cancelled = 130;
}
