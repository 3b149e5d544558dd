using Parley.Places;
using Parley.Processing;

namespace Parley.Tests.Places;

/// <summary>Loads the committed gazetteer once for every test in the places collection.</summary>
public sealed class GazetteerFixture
{
    private static readonly Lazy<Gazetteer> Shared = new(() =>
    {
        var data = DataPaths.ResolveData()
            ?? throw new InvalidOperationException("No data/ folder holding SOURCES.md above the test binaries.");
        return Gazetteer.LoadFromDataFolder(data);
    });

    public Gazetteer Gazetteer => Shared.Value;

    public GazetteerGeocoder Geocoder => new(Shared.Value);
}
