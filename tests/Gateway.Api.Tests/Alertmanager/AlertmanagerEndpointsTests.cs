using System.Text.Json;
using Acteon.Gateway.Api.Alertmanager;
using Acteon.Gateway.Api.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Acteon.Gateway.Api.Tests.Support.RulesKit;

namespace Acteon.Gateway.Api.Tests.Alertmanager;

public sealed class AlertmanagerEndpointsTests
{
    private const string Section = """

        [alertmanager]
        namespace = "monitoring"
        tenant = "ops"
        provider = "hook"

        """;

    [Fact]
    public void Fingerprint_LabelSets_AsPrometheusAlertmanagerComputesThem()
    {
        // Read from a running prometheus-alertmanager 0.25 (GET /api/v2/alerts) for the same label sets.
        Assert.Equal("c0d57f889952b11e", AlertFingerprint.Of(new Dictionary<string, string> { ["severity"] = "page", ["alertname"] = "HighCPU", ["instance"] = "a:9100" }));
        Assert.Equal("d240efc3896bf266", AlertFingerprint.Of(new Dictionary<string, string> { ["alertname"] = "x" }));
    }

    [Fact]
    public async Task PostAlerts_FiringAndResolved_GroupedByLabelAndSentAsOneNotification()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var listener = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Hook(listener.Url) + Section, time: clock, remindersOnTime: true,
            rules: Files(Rule("group-alerts", "{field: action.action_type, eq: alert}", "{type: group, group_by: [metadata.alertname], group_wait_seconds: 30}")));

        var accepted = await app.PostJsonAsync("/api/v2/alerts", new object[]
        {
            new { labels = new { alertname = "HighCPU", instance = "a:9100" }, annotations = new { summary = "cpu" }, startsAt = "2029-12-31T23:00:00Z", generatorURL = "http://prom/graph" },
            new { labels = new { alertname = "HighCPU", instance = "b:9100" }, startsAt = "2029-12-31T23:00:00Z", endsAt = "2029-12-31T23:30:00Z" },
        });
        Assert.Equal(2, accepted.GetProperty("accepted").GetInt32());
        clock.Advance(TimeSpan.FromSeconds(30));

        await listener.WaitForRequestsAsync(1, Limit, "the group's notification");
        var notification = JsonDocument.Parse(listener.Requests.Single().Body).RootElement;
        Assert.Equal("monitoring", notification.GetProperty("namespace").GetString());
        Assert.Equal("ops", notification.GetProperty("tenant").GetString());
        var events = notification.GetProperty("payload").GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["firing", "resolved"], events.Select(e => e.GetProperty("status").GetString()).Order());
        Assert.Equal("cpu", events.Single(e => e.GetProperty("status").GetString() == "firing").GetProperty("annotations").GetProperty("summary").GetString());
        await app.FlushAuditAsync();
        Assert.Equal(2, (await app.GetJsonAsync("/v1/audit?caller_id=alertmanager&outcome=grouped")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task PostAlerts_OneBadAlert_400NamingItAndNothingDispatched()
    {
        await using var listener = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Hook(listener.Url) + Section);

        var error = await app.PostJsonAsync("/api/v2/alerts", new object[]
        {
            new { labels = new { alertname = "ok" } },
            new { labels = new { alertname = "bad" }, startsAt = "yesterday" },
        }, HttpStatusCode.BadRequest);

        Assert.Equal("$[1].startsAt", error.GetProperty("details")[0].GetProperty("path").GetString());
        await app.FlushAuditAsync();
        Assert.Equal(0, (await app.GetJsonAsync("/v1/audit")).GetProperty("total").GetInt32());
        Assert.Empty(listener.Requests);
    }
}
