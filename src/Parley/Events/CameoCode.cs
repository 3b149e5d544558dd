using Parley.Model;

namespace Parley.Events;

/// <summary>
/// One CAMEO 1.1b3 event code with everything an event coded with it carries: name, Goldstein
/// weight, QuadClass and the PLOVER class it maps to.
/// </summary>
/// <param name="Code">The code with its leading zeros and full depth (<c>"0311"</c>).</param>
/// <param name="Level">1 for a two-digit root, 2 for three digits, 3 for four.</param>
/// <param name="Name">The codebook's label.</param>
/// <param name="Goldstein">Goldstein weight (−10 … +10).</param>
/// <param name="GoldsteinFrom">The code whose weight was used: the code itself, or the nearest ancestor that has one.</param>
/// <param name="Quad">QuadClass in the GDELT convention (1 verbal cooperation … 4 material conflict).</param>
/// <param name="Plover">PLOVER type and mode, or null where PLOVER has no type (roots 01 and 02).</param>
/// <param name="PloverContext">PLOVER context (<c>diplomatic</c>, <c>military</c> …), or null.</param>
public sealed record CameoCode(string Code, int Level, string Name, double Goldstein, string GoldsteinFrom,
    int Quad, PloverClass? Plover, string? PloverContext)
{
    /// <summary>The two-digit root.</summary>
    public string Root => Code[..2];
}
