using System.Text.Json;
using Acteon.Gateway.Api.Tests.Support;
using Acteon.Grains.Abstractions;
using Acteon.Tests.Shared;
using Microsoft.Extensions.Time.Testing;
using static Acteon.Gateway.Api.Tests.Support.ApprovalKit;
using static Acteon.Gateway.Api.Tests.Support.RulesKit;

namespace Acteon.Gateway.Api.Tests.Approvals;

/// <summary>A request_approval rule, its signed links and its decisions through the real HTTP API, on a driven clock.</summary>
public sealed class ApprovalEndpointsTests
{
    [Fact]
    public async Task Dispatch_RequestApprovalRule_PendingWithSignedLinksNotificationSentAndNothingRun()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero));
        await using var hook = await WebhookListener.StartAsync();
        await using var notify = await WebhookListener.StartAsync();
        await using var app = NewApp(hook, notify, clock);

        var body = await app.PostJsonAsync("/v1/dispatch", Act());

        Assert.Equal("pending_approval", Outcome(body));
        var id = body.GetProperty("approval_id").GetString()!;
        var expires = clock.GetUtcNow().AddHours(1).ToUnixTimeSeconds();
        Assert.Equal(JsonTime.Format(DateTimeOffset.FromUnixTimeSeconds(expires)), body.GetProperty("expires_at").GetString());
        var approve = body.GetProperty("approve_url").GetString();
        var reject = body.GetProperty("reject_url").GetString();
        Assert.Equal($"{ExternalUrl}{Link("notifications", "tenant-1", id, "approve", Sign(Key1, "notifications", "tenant-1", id, expires, "approve"), expires, "k1")}", approve);
        Assert.Equal($"{ExternalUrl}{Link("notifications", "tenant-1", id, "reject", Sign(Key1, "notifications", "tenant-1", id, expires, "reject"), expires, "k1")}", reject);

        var notification = JsonDocument.Parse(Assert.Single(notify.Requests).Body).RootElement;
        Assert.Equal("approval_notification", notification.GetProperty("action_type").GetString());
        Assert.Equal(approve, notification.GetProperty("payload").GetProperty("approval_url").GetString());
        Assert.Equal(reject, notification.GetProperty("payload").GetProperty("reject_url").GetString());
        Assert.Contains("refunds need a human", notification.GetProperty("payload").GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Empty(hook.Requests);

        var listed = Assert.Single((await ListAsync(app)).GetProperty("approvals").EnumerateArray());
        Assert.Equal((id, "pending", "needs-human", "hook", "send"), (listed.GetProperty("id").GetString(), listed.GetProperty("status").GetString(),
            listed.GetProperty("rule").GetString(), listed.GetProperty("provider").GetString(), listed.GetProperty("action_type").GetString()));
        Assert.Equal("refunds need a human", listed.GetProperty("message").GetString());

        await app.FlushAuditAsync();
        var audit = (await app.GetJsonAsync("/v1/audit?outcome=pending_approval")).GetProperty("records")[0];
        Assert.Equal("[redacted]", audit.GetProperty("outcome_details").GetProperty("approve_url").GetString());
    }

    [Fact]
    public async Task Approve_TwiceAndThenReject_FirstRunsTheActionOnceTheOthers409()
    {
        await using var hook = await WebhookListener.StartAsync();
        await using var notify = await WebhookListener.StartAsync();
        await using var app = NewApp(hook, notify, new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(60)));
        var pending = await app.PostJsonAsync("/v1/dispatch", Act());

        var approved = await ClickAsync(app, pending.GetProperty("approve_url").GetString()!, HttpStatusCode.OK);
        var again = await ClickAsync(app, pending.GetProperty("approve_url").GetString()!, HttpStatusCode.Conflict);
        var reject = await ClickAsync(app, pending.GetProperty("reject_url").GetString()!, HttpStatusCode.Conflict);

        Assert.Equal(pending.GetProperty("approval_id").GetString(), approved.GetProperty("id").GetString());
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Equal("executed", approved.GetProperty("outcome").GetProperty("outcome").GetString());
        Assert.Equal("success", approved.GetProperty("outcome").GetProperty("response").GetProperty("status").GetString());
        Assert.Contains("already approved", again.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("already approved", reject.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Single(hook.Requests);
        Assert.Equal("approved", (await ListAsync(app)).GetProperty("approvals")[0].GetProperty("status").GetString());
        Assert.Equal(1, await AuditCountAsync(app, "?caller_id=approval&outcome=executed"));
    }

    [Fact]
    public async Task ApproveConcurrently_TwentyClicksAtOnce_OneExecution()
    {
        await using var hook = await WebhookListener.StartAsync();
        await using var notify = await WebhookListener.StartAsync();
        await using var app = NewApp(hook, notify, new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(60)));
        var link = (await app.PostJsonAsync("/v1/dispatch", Act())).GetProperty("approve_url").GetString()!;

        var statuses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var response = await app.CreateClient().PostAsync(new Uri(new Uri(link).PathAndQuery, UriKind.Relative), null);
            return response.StatusCode;
        }));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(19, statuses.Count(s => s == HttpStatusCode.Conflict));
        Assert.Single(hook.Requests);
    }

    [Fact]
    public async Task Reject_ValidLink_NothingRunsAndApproveAfterIs409()
    {
        await using var hook = await WebhookListener.StartAsync();
        await using var notify = await WebhookListener.StartAsync();
        await using var app = NewApp(hook, notify, new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(60)));
        var pending = await app.PostJsonAsync("/v1/dispatch", Act());

        var rejected = await ClickAsync(app, pending.GetProperty("reject_url").GetString()!, HttpStatusCode.OK);
        await ClickAsync(app, pending.GetProperty("approve_url").GetString()!, HttpStatusCode.Conflict);

        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        Assert.False(rejected.TryGetProperty("outcome", out _));
        Assert.Empty(hook.Requests);
        Assert.Equal("rejected", (await ListAsync(app, "&status=rejected")).GetProperty("approvals")[0].GetProperty("status").GetString());
        Assert.Equal(0, (await ListAsync(app, "&status=pending")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Decide_AnyFieldOfTheLinkChanged_403AndTheApprovalStaysPending()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(60));
        await using var hook = await WebhookListener.StartAsync();
        await using var notify = await WebhookListener.StartAsync();
        await using var app = NewApp(hook, notify, clock);
        var pending = await app.PostJsonAsync("/v1/dispatch", Act());
        var id = pending.GetProperty("approval_id").GetString()!;
        var expires = clock.GetUtcNow().AddHours(1).ToUnixTimeSeconds();
        var sig = Sign(Key1, "notifications", "tenant-1", id, expires, "approve");
        var otherId = Guid.CreateVersion7().ToString();

        string[] tampered =
        [
            Link("other-ns", "tenant-1", id, "approve", sig, expires, "k1"),
            Link("notifications", "tenant-2", id, "approve", sig, expires, "k1"),
            Link("notifications", "tenant-1", otherId, "approve", sig, expires, "k1"),
            Link("notifications", "tenant-1", id, "approve", sig, expires + 3600, "k1"),
            Link("notifications", "tenant-1", id, "reject", sig, expires, "k1"),
            Link("notifications", "tenant-1", id, "approve", sig, expires, "k-unknown"),
            Link("notifications", "tenant-1", id, "approve", sig.ToUpperInvariant(), expires, "k1"),
            Link("notifications", "tenant-1", id, "approve", Sign(Key2, "notifications", "tenant-1", id, expires, "approve"), expires, "k1"),
        ];
        foreach (var link in tampered)
        {
            var error = await ClickAsync(app, link, HttpStatusCode.Forbidden);
            Assert.Contains("not valid", error.GetProperty("error").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal("pending", (await ListAsync(app)).GetProperty("approvals")[0].GetProperty("status").GetString());
        Assert.Empty(hook.Requests);
        await ClickAsync(app, Link("notifications", "tenant-1", id, "approve", sig, expires, "k1"), HttpStatusCode.OK);
        Assert.Single(hook.Requests);
    }

    [Fact]
    public async Task Decide_MissingOrMalformedQuery_400NamingTheParameter()
    {
        await using var hook = await WebhookListener.StartAsync();
        await using var notify = await WebhookListener.StartAsync();
        await using var app = NewApp(hook, notify, new FakeTimeProvider());

        var noSig = await ClickAsync(app, "/v1/approvals/ns/t/x/approve?expires_at=1", HttpStatusCode.BadRequest);
        var badExpiry = await ClickAsync(app, "/v1/approvals/ns/t/x/approve?sig=ab&expires_at=soon", HttpStatusCode.BadRequest);
        var noScope = await app.GetJsonAsync("/v1/approvals?namespace=notifications", HttpStatusCode.BadRequest);
        // A link opened in a browser (GET) decides nothing.
        await app.GetJsonAsync("/v1/approvals/ns/t/x/approve?sig=ab&expires_at=1", HttpStatusCode.MethodNotAllowed);

        Assert.Equal("sig", noSig.GetProperty("details")[0].GetProperty("path").GetString());
        Assert.Equal("expires_at", badExpiry.GetProperty("details")[0].GetProperty("path").GetString());
        Assert.Equal("tenant", noScope.GetProperty("details")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task Decide_UnknownApprovalWithAValidSignature_404()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(60));
        await using var hook = await WebhookListener.StartAsync();
        await using var notify = await WebhookListener.StartAsync();
        await using var app = NewApp(hook, notify, clock);
        var id = Guid.CreateVersion7().ToString();
        var expires = clock.GetUtcNow().AddHours(1).ToUnixTimeSeconds();

        await ClickAsync(app, Link("notifications", "tenant-1", id, "approve", Sign(Key1, "notifications", "tenant-1", id, expires, "approve"), expires, "k1"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Approve_KeysRotated_OldKeysLinksStillWorkNewLinksUseTheFirstKey()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(60));
        await using var hook = await WebhookListener.StartAsync();
        await using var notify = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Hook(hook.Url) + Hook(notify.Url, "notify") + Server(("k2", Key2), ("k1", Key1)),
            time: clock, rules: Files(ApprovalRule()), services: FastReminders);
        var first = await app.PostJsonAsync("/v1/dispatch", Act());
        var second = await app.PostJsonAsync("/v1/dispatch", Act());
        var expires = clock.GetUtcNow().AddHours(1).ToUnixTimeSeconds();
        var firstId = first.GetProperty("approval_id").GetString()!;
        var secondId = second.GetProperty("approval_id").GetString()!;

        Assert.EndsWith("&kid=k2", first.GetProperty("approve_url").GetString(), StringComparison.Ordinal);
        // A link signed before the rotation (by k1, now second in the list) still verifies, with its kid or without one.
        await ClickAsync(app, Link("notifications", "tenant-1", firstId, "approve", Sign(Key1, "notifications", "tenant-1", firstId, expires, "approve"), expires, "k1"), HttpStatusCode.OK);
        // A k1 signature presented as k2's does not.
        await ClickAsync(app, Link("notifications", "tenant-1", secondId, "approve", Sign(Key1, "notifications", "tenant-1", secondId, expires, "approve"), expires, "k2"), HttpStatusCode.Forbidden);
        var noKid = $"/v1/approvals/notifications/tenant-1/{secondId}/reject?sig={Sign(Key1, "notifications", "tenant-1", secondId, expires, "reject")}&expires_at={expires}";
        await ClickAsync(app, noKid, HttpStatusCode.OK);
        Assert.Single(hook.Requests);
    }

    [Fact]
    public async Task Approval_NotDecidedInTime_ExpiresByReminderAndItsLinkIs403()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(60));
        await using var hook = await WebhookListener.StartAsync();
        await using var notify = await WebhookListener.StartAsync();
        await using var app = NewApp(hook, notify, clock, timeoutSeconds: 60);
        var pending = await app.PostJsonAsync("/v1/dispatch", Act());

        clock.Advance(TimeSpan.FromSeconds(61));
        await Wait.UntilAsync(async () => (await ListAsync(app)).GetProperty("approvals")[0].GetProperty("status").GetString() == "expired", "the approval to expire by its reminder");
        var error = await ClickAsync(app, pending.GetProperty("approve_url").GetString()!, HttpStatusCode.Forbidden);

        Assert.Contains("expired", error.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(hook.Requests);
    }

    [Fact]
    public async Task Approval_Decided_KeptForRetentionDaysThenGone()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(60));
        await using var hook = await WebhookListener.StartAsync();
        await using var notify = await WebhookListener.StartAsync();
        await using var app = NewApp(hook, notify, clock, extra: "[approvals]\nretention_days = 2\n");
        var pending = await app.PostJsonAsync("/v1/dispatch", Act());
        await ClickAsync(app, pending.GetProperty("reject_url").GetString()!, HttpStatusCode.OK);

        clock.Advance(TimeSpan.FromDays(1));
        clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(1, (await ListAsync(app)).GetProperty("total").GetInt32());
        clock.Advance(TimeSpan.FromHours(1));

        await Wait.UntilAsync(async () => (await ListAsync(app)).GetProperty("total").GetInt32() == 0, "the decided approval to be removed after 2 days");
    }

    [Fact]
    public async Task Approve_RulesChangedSinceTheRequest_TheNewVerdictApplies()
    {
        await using var hook = await WebhookListener.StartAsync();
        await using var notify = await WebhookListener.StartAsync();
        var rules = Files(ApprovalRule(), Rule("freeze", "{field: action.action_type, eq: send}", "{type: suppress}", priority: 0, enabled: false));
        await using var app = new GatewayApp(Hook(hook.Url) + Hook(notify.Url, "notify") + Server(("k1", Key1)),
            time: new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(60)), rules: rules, services: FastReminders);
        var pending = await app.PostJsonAsync("/v1/dispatch", Act());
        Assert.Equal("pending_approval", Outcome(pending));

        await app.PutJsonAsync("/v1/rules/freeze/enabled", new { enabled = true });
        var approved = await ClickAsync(app, pending.GetProperty("approve_url").GetString()!, HttpStatusCode.OK);

        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Equal("suppressed", approved.GetProperty("outcome").GetProperty("outcome").GetString());
        Assert.Equal("freeze", approved.GetProperty("outcome").GetProperty("rule").GetString());
        Assert.Empty(hook.Requests);
    }

    [Fact]
    public async Task Notification_ProviderFailsAtFirst_RetriedByTheReminderUntilSent()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(60));
        await using var hook = await WebhookListener.StartAsync();
        // 400 is not retryable: the executor gives up at once, so the reminder has to send it again.
        await using var notify = await WebhookListener.StartAsync(400, 400);
        await using var app = NewApp(hook, notify, clock);

        await app.PostJsonAsync("/v1/dispatch", Act());

        await notify.WaitForRequestsAsync(3, Limit, "the notification to be retried until notify answers 200");
        Assert.All(notify.Requests, r => Assert.Contains("approval_notification", r.Body, StringComparison.Ordinal));
    }

    private static GatewayApp NewApp(WebhookListener hook, WebhookListener notify, TimeProvider clock, int timeoutSeconds = 3600, string extra = "") =>
        new(Hook(hook.Url) + Hook(notify.Url, "notify") + Server(("k1", Key1)) + extra, time: clock,
            rules: Files(ApprovalRule(timeoutSeconds: timeoutSeconds)), services: FastReminders);
}
