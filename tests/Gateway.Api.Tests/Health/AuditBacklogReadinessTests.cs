using Acteon.Gateway.Api.Tests.Support;
using Acteon.Tests.Shared;
using Npgsql;

namespace Acteon.Gateway.Api.Tests.Health;

/// <summary>
/// <c>/health/ready</c> answers 503 while the real audit writer's backlog is above <c>[audit] readiness_backlog</c>,
/// and 200 again once it drains: the real PostgreSQL store either fails every audit insert as an outage (a trigger
/// raising SQLSTATE 57P03, "cannot connect now": retried with backoff, never dead-lettered) or is slow (the audit table
/// locked by another transaction, so the insert waits).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AuditBacklogReadinessTests(PostgresFixture postgres)
{
    private const int ReadinessBacklog = 5;
    private const int Dispatches = 10;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private const string OutageTrigger = """
        CREATE FUNCTION audit_outage() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'audit store down for the test' USING ERRCODE = '57P03';
        END $$;
        CREATE TRIGGER audit_outage BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION audit_outage();
        """;

    [Fact]
    public async Task Ready_AuditStoreFailing_503WhileTheBacklogIsAboveTheThresholdAnd200OnceItDrains()
    {
        var url = await postgres.Server.CreateDatabaseAsync("backlog_failing");
        await using var app = await StartAsync(url);
        await ExecuteAsync(url, OutageTrigger);

        await DispatchAsync(app, "failing");
        var notReady = await WaitForReadyAsync(app, HttpStatusCode.ServiceUnavailable);
        await Wait.UntilAsync(async () => (await app.GetJsonAsync("/health")).GetProperty("audit").GetProperty("writes").GetString() == "failing",
            "/health to report the audit writes failing", Limit);
        var health = await app.GetJsonAsync("/health");
        await ExecuteAsync(url, "DROP TRIGGER audit_outage ON audit;");
        await WaitForReadyAsync(app, HttpStatusCode.OK);

        Assert.Contains($"is above [audit] readiness_backlog ({ReadinessBacklog}): the audit store is not keeping up", notReady, StringComparison.Ordinal);
        Assert.Contains("audit store down for the test", health.GetProperty("audit").GetProperty("last_error").GetString(), StringComparison.Ordinal);
        Assert.True(health.GetProperty("audit").GetProperty("backlog").GetInt32() > ReadinessBacklog, health.ToString());
        await AssertDrainedAndAuditedAsync(app, "failing");
    }

    [Fact]
    public async Task Ready_AuditStoreSlow_503WhileTheBacklogIsAboveTheThresholdAnd200OnceItDrains()
    {
        var url = await postgres.Server.CreateDatabaseAsync("backlog_slow");
        await using var app = await StartAsync(url);
        string notReady;
        await using (var connection = new NpgsqlConnection(url))
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var command = new NpgsqlCommand("LOCK TABLE audit IN ACCESS EXCLUSIVE MODE;", connection, transaction))
            {
                await command.ExecuteNonQueryAsync();
            }

            await DispatchAsync(app, "slow");
            notReady = await WaitForReadyAsync(app, HttpStatusCode.ServiceUnavailable);
            await transaction.RollbackAsync();
        }

        await WaitForReadyAsync(app, HttpStatusCode.OK);

        Assert.Contains($"is above [audit] readiness_backlog ({ReadinessBacklog}): the audit store is not keeping up", notReady, StringComparison.Ordinal);
        await AssertDrainedAndAuditedAsync(app, "slow");
    }

    /// <summary>A started gateway (its schema in place) that is ready: its backlog is empty.</summary>
    private static async Task<GatewayApp> StartAsync(string url)
    {
        var app = new GatewayApp($"[audit]\nreadiness_backlog = {ReadinessBacklog}\n", backend: "postgres", stateUrl: url);
        await app.GetJsonAsync("/health/ready");
        return app;
    }

    private static async Task DispatchAsync(GatewayApp app, string prefix)
    {
        for (var i = 0; i < Dispatches; i++)
        {
            var outcome = await app.PostJsonAsync("/v1/dispatch", new { id = $"{prefix}-{i}", @namespace = "n", tenant = "t", provider = "log", action_type = "x", payload = new { i } });
            Assert.Equal("executed", outcome.GetProperty("outcome").GetString());
        }
    }

    /// <summary>Waits until <c>/health/ready</c> answers <paramref name="status"/>; returns its body.</summary>
    private static async Task<string> WaitForReadyAsync(GatewayApp app, HttpStatusCode status)
    {
        var body = "";
        await Wait.UntilAsync(async () =>
        {
            using var response = await app.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));
            body = await response.Content.ReadAsStringAsync();
            return response.StatusCode == status;
        }, $"/health/ready to answer {(int)status}", Limit);
        return body;
    }

    private static async Task AssertDrainedAndAuditedAsync(GatewayApp app, string prefix)
    {
        await app.FlushAuditAsync();
        for (var i = 0; i < Dispatches; i++)
        {
            Assert.Equal("executed", (await app.GetJsonAsync($"/v1/audit/{prefix}-{i}")).GetProperty("outcome").GetString());
        }

        var audit = (await app.GetJsonAsync("/health")).GetProperty("audit");
        Assert.Equal((0, 0L, "ok"), (audit.GetProperty("backlog").GetInt32(), audit.GetProperty("dead_letters").GetInt64(), audit.GetProperty("writes").GetString()));
    }

    private static async Task ExecuteAsync(string url, string sql)
    {
        await using var connection = new NpgsqlConnection(url);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
