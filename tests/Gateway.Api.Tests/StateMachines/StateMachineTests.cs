using System.Text.Json;
using Acteon.Gateway.Api.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Acteon.Gateway.Api.Tests.Support.RulesKit;

namespace Acteon.Gateway.Api.Tests.StateMachines;

/// <summary><c>[[state_machines]]</c>, the <c>state_machine</c> rule action and <c>/v1/events</c>, on a driven clock.</summary>
public sealed class StateMachineTests
{
    private const string Scope = "namespace=notifications&tenant=tenant-1";

    private const string Machine = """

        [[state_machines]]
        name = "alert"
        initial_state = "open"
        states = ["open", "acknowledged", "resolved"]
        transitions = [
          { from = "open", to = "acknowledged", notify = true },
          { from = "open", to = "resolved" },
          { from = "acknowledged", to = "resolved", notify = true },
        ]
        timeouts = [{ in_state = "acknowledged", after_seconds = 300, transition_to = "open" }]

        """;

    [Fact]
    public async Task Dispatch_StateMachineRule_AllowedTransitionNotifiesAndADisallowedOneKeepsTheStateAndSaysSo()
    {
        await using var listener = await WebhookListener.StartAsync();
        await using var app = App(listener, new FakeTimeProvider());

        var opened = await app.PostJsonAsync("/v1/dispatch", Incident("open"));
        var acknowledged = await app.PostJsonAsync("/v1/dispatch", Incident("acknowledged"));
        var bogus = await app.PostJsonAsync("/v1/dispatch", Incident("open"));

        Assert.Equal("state_changed", Outcome(opened));
        Assert.Equal("open", opened.GetProperty("new_state").GetString());
        Assert.False(opened.GetProperty("notify").GetBoolean());
        Assert.Equal("open", acknowledged.GetProperty("previous_state").GetString());
        Assert.Equal("acknowledged", acknowledged.GetProperty("new_state").GetString());
        Assert.True(acknowledged.GetProperty("notify").GetBoolean());
        Assert.Equal("acknowledged", bogus.GetProperty("new_state").GetString());
        Assert.Equal("acknowledged", bogus.GetProperty("previous_state").GetString());
        Assert.Equal("open", bogus.GetProperty("rejected_transition").GetString());
        Assert.Equal(opened.GetProperty("fingerprint").GetString(), bogus.GetProperty("fingerprint").GetString());
        await listener.WaitForRequestsAsync(1, Limit, "the notify transition's action at its provider");
        Assert.Equal("incident", JsonDocument.Parse(listener.Requests.Single().Body).RootElement.GetProperty("action_type").GetString());
        await app.FlushAuditAsync();
        var audit = await app.GetJsonAsync("/v1/audit?outcome=state_changed");
        Assert.Contains(audit.GetProperty("records").EnumerateArray(), r => r.GetRawText().Contains("\"rejected_transition\":\"open\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Events_ListGetAndTransition_ValidatedByTheMachine()
    {
        await using var listener = await WebhookListener.StartAsync();
        await using var app = App(listener, new FakeTimeProvider());
        var fingerprint = (await app.PostJsonAsync("/v1/dispatch", Incident("acknowledged"))).GetProperty("fingerprint").GetString()!;
        await app.PostJsonAsync("/v1/dispatch", Incident("open", host: "other"));

        var all = await app.GetJsonAsync($"/v1/events?{Scope}");
        var acked = await app.GetJsonAsync($"/v1/events?{Scope}&status=acknowledged");
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        Assert.Equal(fingerprint, acked.GetProperty("events").EnumerateArray().Single().GetProperty("fingerprint").GetString());
        Assert.Equal("alert", acked.GetProperty("events")[0].GetProperty("state_machine").GetString());

        var conflict = await app.PutJsonAsync($"/v1/events/{fingerprint}/transition", new { to_state = "open", @namespace = "notifications", tenant = "tenant-1" }, HttpStatusCode.Conflict);
        Assert.Equal(["resolved"], conflict.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("message").GetString()));
        var moved = await app.PutJsonAsync($"/v1/events/{fingerprint}/transition", new { to_state = "resolved", @namespace = "notifications", tenant = "tenant-1" });
        Assert.Equal("acknowledged", moved.GetProperty("previous_state").GetString());
        Assert.Equal("resolved", moved.GetProperty("new_state").GetString());
        Assert.True(moved.GetProperty("notify").GetBoolean());

        var detail = await app.GetJsonAsync($"/v1/events/{fingerprint}?{Scope}");
        Assert.Equal("resolved", detail.GetProperty("state").GetString());
        Assert.Equal(["open→acknowledged:dispatch", "acknowledged→resolved:api"],
            detail.GetProperty("history").EnumerateArray().Select(h => $"{h.GetProperty("from").GetString()}→{h.GetProperty("to").GetString()}:{h.GetProperty("by").GetString()}"));
        await app.GetJsonAsync($"/v1/events/unknown?{Scope}", HttpStatusCode.NotFound);
        await app.PutJsonAsync("/v1/events/unknown/transition", new { to_state = "open", @namespace = "notifications", tenant = "tenant-1" }, HttpStatusCode.NotFound);
        var bad = await app.PutJsonAsync($"/v1/events/{fingerprint}/transition", new { @namespace = "notifications", tenant = "tenant-1" }, HttpStatusCode.BadRequest);
        Assert.Equal("$.to_state", bad.GetProperty("details")[0].GetProperty("path").GetString());
        await app.GetJsonAsync("/v1/events?namespace=notifications", HttpStatusCode.BadRequest);
        var prometheus = await app.CreateClient().GetStringAsync(new Uri("/metrics/prometheus", UriKind.Relative));
        Assert.Contains("acteon_state_transitions_total{", prometheus, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventDetail_AllowedTransitions_AreTheMachinesTargetsFromTheCurrentState()
    {
        await using var listener = await WebhookListener.StartAsync();
        await using var app = App(listener, new FakeTimeProvider());
        var fingerprint = (await app.PostJsonAsync("/v1/dispatch", Incident("open"))).GetProperty("fingerprint").GetString()!;

        static string[] Allowed(JsonElement detail) => [.. detail.GetProperty("allowed_transitions").EnumerateArray().Select(t => t.GetString()!)];
        Assert.Equal(["acknowledged", "resolved"], Allowed(await app.GetJsonAsync($"/v1/events/{fingerprint}?{Scope}")));
        await app.PutJsonAsync($"/v1/events/{fingerprint}/transition", new { to_state = "acknowledged", @namespace = "notifications", tenant = "tenant-1" });
        Assert.Equal(["resolved"], Allowed(await app.GetJsonAsync($"/v1/events/{fingerprint}?{Scope}")));
        await app.PutJsonAsync($"/v1/events/{fingerprint}/transition", new { to_state = "resolved", @namespace = "notifications", tenant = "tenant-1" });
        Assert.Empty(Allowed(await app.GetJsonAsync($"/v1/events/{fingerprint}?{Scope}")));
    }

    [Fact]
    public async Task Transition_NotifyTransitionThroughTheApi_SendsItsNotificationOnceAfterTheWrite()
    {
        await using var listener = await WebhookListener.StartAsync();
        await using var app = App(listener, new FakeTimeProvider());
        var fingerprint = (await app.PostJsonAsync("/v1/dispatch", Incident("acknowledged"))).GetProperty("fingerprint").GetString()!;
        await listener.WaitForRequestsAsync(1, Limit, "the dispatched notify transition's action");

        var body = new { to_state = "resolved", @namespace = "notifications", tenant = "tenant-1" };
        var moved = await app.PutJsonAsync($"/v1/events/{fingerprint}/transition", body);
        var repeated = await app.PutJsonAsync($"/v1/events/{fingerprint}/transition", body);
        await app.PostJsonAsync("/v1/dispatch", Act());

        Assert.True(moved.GetProperty("notify").GetBoolean());
        Assert.Equal("resolved", repeated.GetProperty("previous_state").GetString());
        Assert.False(repeated.GetProperty("notify").GetBoolean());
        // The plain action comes last: once it has arrived, every notification sent before it has too.
        await listener.WaitForRequestsAsync(3, Limit, "the dispatch's action, the api transition's notification and the plain action");
        var sent = listener.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(["incident", "send", "transition_notification"], sent.Select(r => r.GetProperty("action_type").GetString()).Order(StringComparer.Ordinal));
        var payload = sent.Single(r => r.GetProperty("action_type").GetString() == "transition_notification").GetProperty("payload");
        Assert.Equal(fingerprint, payload.GetProperty("fingerprint").GetString());
        Assert.Equal("alert", payload.GetProperty("state_machine").GetString());
        Assert.Equal("acknowledged", payload.GetProperty("previous_state").GetString());
        Assert.Equal("resolved", payload.GetProperty("new_state").GetString());
        Assert.Equal("api", payload.GetProperty("by").GetString());
        await app.FlushAuditAsync();
        var audited = await app.GetJsonAsync("/v1/audit?action_type=transition_notification");
        Assert.Equal("executed", audited.GetProperty("records").EnumerateArray().Single().GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Timeout_StateLeftForItsTimeout_ReminderMovesItAndDispatchesATimeoutNotification()
    {
        var clock = new FakeTimeProvider();
        await using var listener = await WebhookListener.StartAsync();
        await using var app = App(listener, clock);
        var fingerprint = (await app.PostJsonAsync("/v1/dispatch", Incident("acknowledged"))).GetProperty("fingerprint").GetString()!;
        await listener.WaitForRequestsAsync(1, Limit, "the notify transition's action");

        clock.Advance(TimeSpan.FromSeconds(299));
        Assert.Equal("acknowledged", (await app.GetJsonAsync($"/v1/events/{fingerprint}?{Scope}")).GetProperty("state").GetString());
        clock.Advance(TimeSpan.FromSeconds(1));

        await listener.WaitForRequestsAsync(2, Limit, "the timeout_notification");
        var notice = listener.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).Single(r => r.GetProperty("action_type").GetString() == "timeout_notification");
        var payload = notice.GetProperty("payload");
        Assert.Equal(fingerprint, payload.GetProperty("fingerprint").GetString());
        Assert.Equal("acknowledged", payload.GetProperty("previous_state").GetString());
        Assert.Equal("open", payload.GetProperty("new_state").GetString());
        var detail = await app.GetJsonAsync($"/v1/events/{fingerprint}?{Scope}");
        Assert.Equal("open", detail.GetProperty("state").GetString());
        Assert.Equal("timeout", detail.GetProperty("history").EnumerateArray().Last().GetProperty("by").GetString());
    }

    private static GatewayApp App(WebhookListener listener, FakeTimeProvider clock) =>
        new(Hook(listener.Url) + Machine, time: clock, remindersOnTime: true, rules: Files(Rule("incidents", "{field: action.action_type, eq: incident}",
            "{type: state_machine, state_machine: alert, fingerprint_fields: [action_type, payload.host]}")));

    private static Dictionary<string, object?> Incident(string status, string host = "web-1")
    {
        var action = (Dictionary<string, object?>)Act(actionType: "incident", payload: new { host });
        action["status"] = status;
        return action;
    }
}
