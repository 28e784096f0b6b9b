using System.Text.Json;
using Acteon.Gateway.Api.Tests.Support;
using Acteon.Tests.Shared;
using Microsoft.Extensions.Time.Testing;
using static Acteon.Gateway.Api.Tests.Support.RulesKit;

namespace Acteon.Gateway.Api.Tests.Groups;

/// <summary>The <c>group</c> rule action and <c>/v1/groups</c>, on a driven clock (the gateway's and Orleans' reminders').</summary>
public sealed class GroupTests
{
    private const string Scope = "namespace=notifications&tenant=tenant-1";
    private const string OnAlert = "{field: action.action_type, eq: alert}";

    [Fact]
    public async Task Dispatch_GroupRule_HeldUntilGroupWaitThenOneSummaryPerGroupWithEveryEvent()
    {
        var clock = new FakeTimeProvider();
        await using var listener = await WebhookListener.StartAsync();
        await using var app = App(listener, clock, "{type: group, group_by: [payload.service], group_wait_seconds: 30}");

        var first = await app.PostJsonAsync("/v1/dispatch", Alert("api", 1));
        var second = await app.PostJsonAsync("/v1/dispatch", Alert("api", 2));
        await app.PostJsonAsync("/v1/dispatch", Alert("api", 3));
        var other = await app.PostJsonAsync("/v1/dispatch", Alert("db", 4));

        Assert.Equal("grouped", Outcome(first));
        Assert.Equal(first.GetProperty("group_id").GetString(), second.GetProperty("group_id").GetString());
        Assert.Equal(2, second.GetProperty("group_size").GetInt32());
        Assert.NotEqual(first.GetProperty("group_key").GetString(), other.GetProperty("group_key").GetString());
        var key = first.GetProperty("group_key").GetString()!;
        var listed = await app.GetJsonAsync($"/v1/groups?{Scope}");
        Assert.Equal(2, listed.GetProperty("total").GetInt32());
        var detail = await app.GetJsonAsync($"/v1/groups/{key}?{Scope}");
        Assert.Equal("pending", detail.GetProperty("state").GetString());
        Assert.Equal(3, detail.GetProperty("events").GetArrayLength());
        Assert.Equal("api", detail.GetProperty("labels").GetProperty("payload.service").GetString());

        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(3, (await app.GetJsonAsync($"/v1/groups/{key}?{Scope}")).GetProperty("event_count").GetInt32());
        Assert.Empty(listener.Requests);
        clock.Advance(TimeSpan.FromSeconds(1));

        await listener.WaitForRequestsAsync(2, Limit, "one notification per group after group_wait");
        var api = Notification(listener, "api");
        Assert.Equal("group_notification", api.GetProperty("action_type").GetString());
        Assert.Equal("notifications", api.GetProperty("namespace").GetString());
        Assert.Equal("tenant-1", api.GetProperty("tenant").GetString());
        var payload = api.GetProperty("payload");
        Assert.Equal(3, payload.GetProperty("event_count").GetInt32());
        Assert.Equal([1, 2, 3], payload.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("n").GetInt32()).Order());
        Assert.Equal(key, payload.GetProperty("group_key").GetString());
        await Wait.UntilAsync(async () => (await app.GetJsonAsync($"/v1/groups?{Scope}")).GetProperty("total").GetInt32() == 0, "ephemeral groups to end after their flush");
        Assert.Equal(2, listener.Requests.Count);
    }

    [Fact]
    public async Task Dispatch_PersistentGroup_GroupIntervalAfterNewEventsAndRepeatIntervalWithout()
    {
        var clock = new FakeTimeProvider();
        await using var listener = await WebhookListener.StartAsync();
        await using var app = App(listener, clock,
            "{type: group, group_by: [payload.service], group_wait_seconds: 30, group_interval_seconds: 60, repeat_interval_seconds: 600}");

        var first = await app.PostJsonAsync("/v1/dispatch", Alert("api", 1));
        var key = first.GetProperty("group_key").GetString()!;
        clock.Advance(TimeSpan.FromSeconds(30));
        await listener.WaitForRequestsAsync(1, Limit, "the first flush after group_wait");
        await Wait.UntilAsync(async () => (await app.GetJsonAsync($"/v1/groups/{key}?{Scope}")).GetProperty("state").GetString() == "notified", "the group to be notified");

        var added = await app.PostJsonAsync("/v1/dispatch", Alert("api", 2));
        Assert.Equal(clock.GetUtcNow().AddSeconds(60), DateTimeOffset.Parse(added.GetProperty("notify_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal("pending", (await app.GetJsonAsync($"/v1/groups/{key}?{Scope}")).GetProperty("state").GetString());
        Assert.Single(listener.Requests);
        clock.Advance(TimeSpan.FromSeconds(1));
        await listener.WaitForRequestsAsync(2, Limit, "the second flush group_interval after the new event");
        await Wait.UntilAsync(async () => (await app.GetJsonAsync($"/v1/groups/{key}?{Scope}")).GetProperty("state").GetString() == "notified", "the group to be notified again");

        clock.Advance(TimeSpan.FromSeconds(600));
        // A reminder due this far ahead is held in Orleans' reminder table and loaded again by its next refresh, which
        // needs the clock to move on: it is nudged a second at a time.
        await Wait.UntilAsync(() =>
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            return Task.FromResult(listener.Requests.Count >= 3);
        }, "the repeat flush repeat_interval later, with no new event", Limit);
        var counts = listener.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("payload").GetProperty("event_count").GetInt32()).Order();
        Assert.Equal([1, 2, 2], counts);
    }

    [Fact]
    public async Task Dispatch_GroupReachesMaxGroupSize_FlushesAtOnceWithEveryEventAndDropsNone()
    {
        var clock = new FakeTimeProvider();
        await using var listener = await WebhookListener.StartAsync();
        await using var app = App(listener, clock, "{type: group, group_by: [payload.service], group_wait_seconds: 300, max_group_size: 3}");

        await app.PostJsonAsync("/v1/dispatch", Alert("api", 1));
        await app.PostJsonAsync("/v1/dispatch", Alert("api", 2));
        var full = await app.PostJsonAsync("/v1/dispatch", Alert("api", 3));
        var next = await app.PostJsonAsync("/v1/dispatch", Alert("api", 4));

        Assert.Equal(3, full.GetProperty("group_size").GetInt32());
        Assert.Equal(1, next.GetProperty("group_size").GetInt32());
        await listener.WaitForRequestsAsync(1, Limit, "the full group's notification, with no time passing");
        var payload = JsonDocument.Parse(listener.Requests.Single().Body).RootElement.GetProperty("payload");
        Assert.Equal([1, 2, 3], payload.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("n").GetInt32()).Order());
    }

    [Fact]
    public async Task Dispatch_ManyConcurrentEventsToOneSmallGroup_EveryEventInExactlyOneNotification()
    {
        // Concurrent adds to one group are coalesced into one grain call; a full group flushes in the middle of one.
        var clock = new FakeTimeProvider();
        await using var listener = await WebhookListener.StartAsync();
        await using var app = App(listener, clock, "{type: group, group_by: [payload.service], group_wait_seconds: 300, max_group_size: 7}");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 70).Select(n => app.PostJsonAsync("/v1/dispatch", Alert("api", n))));

        Assert.All(outcomes, o => Assert.Equal("grouped", Outcome(o)));
        await listener.WaitForRequestsAsync(10, Limit, "ten full groups' notifications");
        var delivered = listener.Requests.SelectMany(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("payload").GetProperty("events").EnumerateArray())
            .Select(e => e.GetProperty("n").GetInt32()).Order();
        Assert.Equal(Enumerable.Range(0, 70), delivered);
        Assert.Equal(10, listener.Requests.Count);
    }

    [Fact]
    public async Task DeleteGroup_FlushesNowThenTheGroupIsGone()
    {
        var clock = new FakeTimeProvider();
        await using var listener = await WebhookListener.StartAsync();
        await using var app = App(listener, clock, "{type: group, group_by: [payload.service], group_wait_seconds: 300}");
        var first = await app.PostJsonAsync("/v1/dispatch", Alert("api", 1));
        await app.PostJsonAsync("/v1/dispatch", Alert("api", 2));
        var key = first.GetProperty("group_key").GetString()!;

        using var response = await app.CreateClient().DeleteAsync(new Uri($"/v1/groups/{key}?{Scope}", UriKind.Relative));
        var flushed = await GatewayApp.ReadAsync(response, HttpStatusCode.OK);

        Assert.Equal("flushed", flushed.GetProperty("status").GetString());
        Assert.Equal(2, flushed.GetProperty("event_count").GetInt32());
        Assert.Equal(first.GetProperty("group_id").GetString(), flushed.GetProperty("group_id").GetString());
        await listener.WaitForRequestsAsync(1, Limit, "the flushed group's notification");
        await app.GetJsonAsync($"/v1/groups/{key}?{Scope}", HttpStatusCode.NotFound);
        using var again = await app.CreateClient().DeleteAsync(new Uri($"/v1/groups/{key}?{Scope}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(2, (await app.GetJsonAsync("/health")).GetProperty("metrics").GetProperty("grouped").GetInt64());
        var prometheus = await app.CreateClient().GetStringAsync(new Uri("/metrics/prometheus", UriKind.Relative));
        Assert.Contains("acteon_groups_flushes_total", prometheus, StringComparison.Ordinal);
        Assert.Contains("acteon_groups_flushed_events_total", prometheus, StringComparison.Ordinal);
        var missing = await app.GetJsonAsync($"/v1/groups?tenant=tenant-1", HttpStatusCode.BadRequest);
        Assert.Contains("namespace", missing.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Single(listener.Requests);
    }

    [Fact]
    public async Task Restart_OnSqliteBetweenAddingAndFlushing_TheNotificationCarriesEveryEvent()
    {
        await using var listener = await WebhookListener.StartAsync();
        var rule = "{type: group, group_by: [payload.service], group_wait_seconds: 30}";
        string directory;
        await using (var first = App(listener, new FakeTimeProvider(), rule, backend: "sqlite"))
        {
            directory = first.Directory;
            await first.PostJsonAsync("/v1/dispatch", Alert("api", 1));
            await first.PostJsonAsync("/v1/dispatch", Alert("api", 2));
        }

        var clock = new FakeTimeProvider();
        await using var second = App(listener, clock, rule, backend: "sqlite", directory: directory);
        await second.PostJsonAsync("/v1/dispatch", Alert("api", 3));
        Assert.Empty(listener.Requests);
        clock.Advance(TimeSpan.FromSeconds(30));

        await listener.WaitForRequestsAsync(1, Limit, "the group's notification from the restarted node");
        var payload = JsonDocument.Parse(listener.Requests.Single().Body).RootElement.GetProperty("payload");
        Assert.Equal([1, 2, 3], payload.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("n").GetInt32()).Order());
    }

    [Fact]
    public async Task Restart_OnSqlitePersistentGroupAfterAFlush_TheNextNotificationCarriesTheKeptAndTheNewEvents()
    {
        await using var listener = await WebhookListener.StartAsync();
        var rule = "{type: group, group_by: [payload.service], group_wait_seconds: 30, group_interval_seconds: 30, repeat_interval_seconds: 600}";
        string directory;
        var clock = new FakeTimeProvider();
        await using (var first = App(listener, clock, rule, backend: "sqlite"))
        {
            directory = first.Directory;
            await first.PostJsonAsync("/v1/dispatch", Alert("api", 1));
            await first.PostJsonAsync("/v1/dispatch", Alert("api", 2));
            clock.Advance(TimeSpan.FromSeconds(30));
            await listener.WaitForRequestsAsync(1, Limit, "the group's first notification");
            await first.PostJsonAsync("/v1/dispatch", Alert("api", 3));
        }

        // The group is kept (events 1 and 2) and pending again with event 3, due 30 s after it came.
        await using var second = App(listener, clock, rule, backend: "sqlite", directory: directory);
        var held = await second.GetJsonAsync($"/v1/groups/{Notification(listener, "api").GetProperty("payload").GetProperty("group_key").GetString()}?{Scope}");
        Assert.Equal(3, held.GetProperty("event_count").GetInt32());
        clock.Advance(TimeSpan.FromSeconds(30));

        await listener.WaitForRequestsAsync(2, Limit, "the group's second notification from the restarted node");
        var notifications = listener.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("payload")).ToList();
        Assert.Equal(["1,2", "1,2,3"], notifications
            .Select(p => string.Join(",", p.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("n").GetInt32()).Order()))
            .Order(StringComparer.Ordinal));
    }

    private static GatewayApp App(WebhookListener listener, FakeTimeProvider clock, string action, string backend = "memory", string? directory = null) =>
        new(Hook(listener.Url), backend: backend, directory: directory, rules: Files(Rule("group-alerts", OnAlert, action)), time: clock, remindersOnTime: true);

    private static object Alert(string service, int n) => Act(actionType: "alert", payload: new { service, n });

    private static JsonElement Notification(WebhookListener listener, string service) => listener.Requests
        .Select(r => JsonDocument.Parse(r.Body).RootElement)
        .Single(n => n.GetProperty("payload").GetProperty("labels").GetProperty("payload.service").GetString() == service);
}
