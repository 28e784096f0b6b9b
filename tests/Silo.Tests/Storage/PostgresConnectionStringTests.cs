using Acteon.Silo.Configuration;
using Acteon.Silo.Storage.Postgres;
using Npgsql;
using Xunit;

namespace Acteon.Silo.Tests.Storage;

public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void Build_PostgresUrl_BecomesAnNpgsqlConnectionStringWithShortTimeouts()
    {
        var built = new NpgsqlConnectionStringBuilder(PostgresConnectionString.Build("postgres://us%40er:p%3Ass@db.example:6543/acteon?sslmode=disable"));

        Assert.Equal(("db.example", 6543, "us@er", "p:ss", "acteon"), (built.Host, built.Port, built.Username, built.Password, built.Database));
        Assert.Equal(SslMode.Disable, built.SslMode);
        Assert.Equal(PostgresConnectionString.DefaultConnectTimeoutSeconds, built.Timeout);
        Assert.Equal(PostgresConnectionString.DefaultCommandTimeoutSeconds, built.CommandTimeout);
    }

    [Fact]
    public void Build_ConnectionStringWithItsOwnTimeout_KeepsIt()
    {
        var built = new NpgsqlConnectionStringBuilder(PostgresConnectionString.Build("Host=h;Database=d;Timeout=9"));

        Assert.Equal(("h", "d", 9), (built.Host, built.Database, built.Timeout));
    }

    [Theory]
    [InlineData("postgres://")]
    [InlineData("Database=d")]
    [InlineData("NoSuchKeyword=1")]
    public void Build_Unusable_ThrowsConfigurationException(string url)
    {
        Assert.Throws<ConfigurationException>(() => PostgresConnectionString.Build(url));
    }
}
