using Acteon.Gateway.Api.Tests.Support;
using Acteon.Tests.Shared;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Acteon.Gateway.Api.Tests.Hardening;

/// <summary>
/// A record the real store refuses for its content (here a trigger refuses action type "poison", as a constraint or a
/// limit would) goes to the dead-letter table with the reason, is counted in <c>/health</c>, and the audit of every
/// other dispatch goes on.
/// </summary>
public abstract class AuditPoisonTests
{
    protected abstract Task<GatewayApp> StartAsync();

    protected abstract Task RefusePoisonAsync(GatewayApp app);

    [Fact]
    public async Task Dispatch_RecordTheStoreRefuses_DeadLetteredCountedAndOtherRecordsWritten()
    {
        await using var app = await StartAsync();
        await app.GetJsonAsync("/health");
        await RefusePoisonAsync(app);

        var before = await app.PostJsonAsync("/v1/dispatch", new { id = "before", @namespace = "n", tenant = "t", provider = "log", action_type = "x", payload = new { } });
        var poison = await app.PostJsonAsync("/v1/dispatch", new { id = "poisoned", @namespace = "n", tenant = "t", provider = "log", action_type = "poison", payload = new { } });
        var after = await app.PostJsonAsync("/v1/dispatch", new { id = "after", @namespace = "n", tenant = "t", provider = "log", action_type = "x", payload = new { } });
        await app.FlushAuditAsync();

        Assert.All([before, poison, after], o => Assert.Equal("executed", o.GetProperty("outcome").GetString()));
        Assert.Equal("executed", (await app.GetJsonAsync("/v1/audit/before")).GetProperty("outcome").GetString());
        Assert.Equal("executed", (await app.GetJsonAsync("/v1/audit/after")).GetProperty("outcome").GetString());
        await app.GetJsonAsync("/v1/audit/poisoned", HttpStatusCode.NotFound);
        var letters = await app.GetJsonAsync("/admin/audit/dead-letters");
        var letter = Assert.Single(letters.GetProperty("dead_letters").EnumerateArray());
        Assert.Equal("poisoned", letter.GetProperty("action_id").GetString());
        Assert.Contains("no poison here", letter.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("\"action_type\":\"poison\"", letter.GetProperty("record").GetString(), StringComparison.Ordinal);
        var health = await app.GetJsonAsync("/health");
        Assert.Equal(1, health.GetProperty("audit").GetProperty("dead_letters").GetInt64());
        Assert.Equal(0, health.GetProperty("audit").GetProperty("backlog").GetInt32());
        await app.GetJsonAsync("/health/ready");
    }
}

public sealed class SqliteAuditPoisonTests : AuditPoisonTests
{
    protected override Task<GatewayApp> StartAsync() => Task.FromResult(new GatewayApp(backend: "sqlite"));

    protected override Task RefusePoisonAsync(GatewayApp app)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(app.Directory, "acteon.db")};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TRIGGER no_poison BEFORE INSERT ON audit WHEN NEW.action_type = 'poison' BEGIN SELECT RAISE(ABORT, 'no poison here'); END;";
        command.ExecuteNonQuery();
        return Task.CompletedTask;
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresAuditPoisonTests(PostgresFixture postgres) : AuditPoisonTests
{
    private string? _url;

    protected override async Task<GatewayApp> StartAsync() =>
        new GatewayApp(backend: "postgres", stateUrl: _url = await postgres.Server.CreateDatabaseAsync("poison"));

    protected override async Task RefusePoisonAsync(GatewayApp app)
    {
        await using var connection = new NpgsqlConnection(_url);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(PoisonTrigger.PostgresSql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
