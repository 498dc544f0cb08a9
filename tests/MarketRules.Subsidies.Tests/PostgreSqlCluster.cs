using MarketRules.TestSupport;

namespace MarketRules.Subsidies.Tests;

/// <summary>One PostgreSQL cluster for the whole test run, shared by every test that needs one, stopped at the end.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCluster : ICollectionFixture<PostgreSqlServer>
{
    public const string Name = "PostgreSQL";
}
