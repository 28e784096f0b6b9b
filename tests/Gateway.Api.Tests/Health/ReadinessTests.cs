using Acteon.Gateway.Api.Tests.Support;

namespace Acteon.Gateway.Api.Tests.Health;

public sealed class ReadinessTests
{
    [Fact]
    public async Task HealthLiveAndReady_LocalStore_AreUp()
    {
        await using var app = new GatewayApp();

        var health = await app.GetJsonAsync("/health");
        var live = await app.GetJsonAsync("/health/live");
        var ready = await app.GetJsonAsync("/health/ready");

        Assert.Equal(("ok", "up"), (health.GetProperty("status").GetString(), health.GetProperty("store").GetString()));
        Assert.True(health.TryGetProperty("metrics", out _));
        Assert.Equal("ok", live.GetProperty("status").GetString());
        Assert.Equal(("ready", "up"), (ready.GetProperty("status").GetString(), ready.GetProperty("store").GetString()));
    }

    [Fact]
    public async Task AdminCluster_OneNode_ListsItActive()
    {
        await using var app = new GatewayApp();

        var cluster = await app.GetJsonAsync("/admin/cluster");

        var node = Assert.Single(cluster.GetProperty("nodes").EnumerateArray());
        Assert.Equal(cluster.GetProperty("node_id").GetString(), node.GetProperty("id").GetString());
        Assert.Equal("active", node.GetProperty("status").GetString());
    }
}
