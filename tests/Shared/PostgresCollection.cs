using Xunit;

namespace Acteon.Tests.Shared;

/// <summary>Test classes in this collection share one <see cref="PostgresFixture"/> (one server per test run).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
