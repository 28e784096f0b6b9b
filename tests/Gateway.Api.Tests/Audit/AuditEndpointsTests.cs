using Acteon.Gateway.Api.Tests.Support;

namespace Acteon.Gateway.Api.Tests.Audit;

public sealed class AuditEndpointsTests
{
    [Fact]
    public async Task Audit_EveryDispatchIsRecorded_WithFiltersAndPagination()
    {
        await using var app = new GatewayApp();
        for (var i = 0; i < 5; i++)
        {
            await app.PostJsonAsync("/v1/dispatch", GatewayApp.Action(ns: "alerts", dedupKey: "same"));
        }

        await app.PostJsonAsync("/v1/dispatch", GatewayApp.Action(ns: "billing", tenant: "acme", actionType: "charge"));
        await app.FlushAuditAsync();

        var all = await app.GetJsonAsync("/v1/audit");
        var alerts = await app.GetJsonAsync("/v1/audit?namespace=alerts&outcome=deduplicated");
        var page = await app.GetJsonAsync("/v1/audit?namespace=alerts&limit=2&offset=1");
        var billing = await app.GetJsonAsync("/v1/audit?tenant=acme&action_type=charge&provider=log&verdict=allow");

        Assert.Equal(6, all.GetProperty("total").GetInt64());
        Assert.Equal(50, all.GetProperty("limit").GetInt32());
        Assert.Equal(4, alerts.GetProperty("total").GetInt64());
        Assert.Equal(5, page.GetProperty("total").GetInt64());
        Assert.Equal(2, page.GetProperty("records").GetArrayLength());
        Assert.Equal(1, page.GetProperty("offset").GetInt32());
        var record = Assert.Single(billing.GetProperty("records").EnumerateArray());
        Assert.Equal("executed", record.GetProperty("outcome").GetString());
        Assert.Equal("user@example.com", record.GetProperty("action_payload").GetProperty("to").GetString());
        Assert.EndsWith("Z", record.GetProperty("dispatched_at").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_TimeRange_FiltersOnDispatchedAt()
    {
        await using var app = new GatewayApp();
        await app.PostJsonAsync("/v1/dispatch", GatewayApp.Action());
        await app.FlushAuditAsync();

        var past = await app.GetJsonAsync("/v1/audit?to=2000-01-01T00:00:00Z");
        var recent = await app.GetJsonAsync("/v1/audit?from=2000-01-01T00:00:00Z");

        Assert.Equal(0, past.GetProperty("total").GetInt64());
        Assert.Equal(1, recent.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task AuditByActionId_KnownAndUnknown()
    {
        await using var app = new GatewayApp();
        var dispatched = await app.PostJsonAsync("/v1/dispatch", GatewayApp.Action());
        await app.FlushAuditAsync();
        var id = dispatched.GetProperty("action_id").GetString();

        var record = await app.GetJsonAsync($"/v1/audit/{id}");
        var missing = await app.GetJsonAsync("/v1/audit/no-such-action", HttpStatusCode.NotFound);

        Assert.Equal(id, record.GetProperty("action_id").GetString());
        Assert.Equal("allow", record.GetProperty("verdict").GetString());
        Assert.Contains("no-such-action", missing.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("from=yesterday", "from")]
    public async Task Audit_BadQueryParameter_400NamesIt(string query, string parameter)
    {
        await using var app = new GatewayApp();
        var body = await app.GetJsonAsync($"/v1/audit?{query}", HttpStatusCode.BadRequest);

        Assert.Equal(parameter, body.GetProperty("details")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task Audit_LimitAboveMaximum_IsClampedTo1000()
    {
        await using var app = new GatewayApp();
        var body = await app.GetJsonAsync("/v1/audit?limit=5000");

        Assert.Equal(1000, body.GetProperty("limit").GetInt32());
    }
}
