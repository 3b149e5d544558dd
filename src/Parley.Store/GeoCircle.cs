namespace Parley.Store;

/// <summary>A point and a radius in kilometres, for <c>--near</c>.</summary>
public sealed record GeoCircle(double Lat, double Lon, double Km);
