using Acteon.Gateway.Api.Tests.Support;

namespace Acteon.Gateway.Api.Tests.Dispatch;

public sealed class RestartTests
{
    [Fact]
    public async Task Restart_OnSqlite_DedupStateAndAuditSurvive()
    {
        string directory;
        string actionId;
        await using (var first = new GatewayApp(backend: "sqlite"))
        {
            directory = first.Directory;
            var executed = await first.PostJsonAsync("/v1/dispatch", GatewayApp.Action(dedupKey: "survives-restart"));
            Assert.Equal("executed", executed.GetProperty("outcome").GetString());
            actionId = executed.GetProperty("action_id").GetString()!;
        }

        await using var second = new GatewayApp(backend: "sqlite", directory: directory);
        var again = await second.PostJsonAsync("/v1/dispatch", GatewayApp.Action(dedupKey: "survives-restart"));
        var record = await second.GetJsonAsync($"/v1/audit/{actionId}");

        Assert.Equal("deduplicated", again.GetProperty("outcome").GetString());
        Assert.Equal("executed", record.GetProperty("outcome").GetString());
    }
}
