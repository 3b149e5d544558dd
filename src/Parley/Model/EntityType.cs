namespace Parley.Model;

/// <summary>Named-entity types, after Universal NER.</summary>
public enum EntityType : byte
{
    /// <summary>A person.</summary>
    Person,
    /// <summary>An organisation, including governments, companies and armed groups.</summary>
    Organization,
    /// <summary>A location: a country, city, region or geographic feature.</summary>
    Location,
}
