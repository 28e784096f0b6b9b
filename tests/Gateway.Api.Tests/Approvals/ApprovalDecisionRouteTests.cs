using System.Net.Http.Json;
using System.Text.Json;
using Acteon.Gateway.Api.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Acteon.Gateway.Api.Tests.Support.ApprovalKit;
using static Acteon.Gateway.Api.Tests.Support.AuthKit;
using static Acteon.Gateway.Api.Tests.Support.RulesKit;

namespace Acteon.Gateway.Api.Tests.Approvals;

/// <summary>
/// <c>POST /v1/approvals/{ns}/{tenant}/{id}/decision</c>: the authenticated decision (ApprovalsDecide, within the
/// caller's grants) takes the signed links' path: once, 409 after, recorded as decided by the caller.
/// </summary>
public sealed class ApprovalDecisionRouteTests
{
    private const string Scope = "namespace=notifications&tenant=tenant-1";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Decide_OperatorApproves_RunsOnceAuditedAsTheCaller_ThenDecisionAndLinks409()
    {
        await using var hook = await WebhookListener.StartAsync();
        await using var notify = await WebhookListener.StartAsync();
        await using var app = NewApp(hook, notify);
        using var client = app.CreateClient();
        var admin = await LoginAsync(client, "admin");
        var ops = await LoginAsync(client, "ops");
        var pending = (await SendAsync(client, HttpMethod.Post, "/v1/dispatch", admin, Act())).Body;
        var id = pending.GetProperty("approval_id").GetString()!;

        var approved = await SendAsync(client, HttpMethod.Post, Decision(id), ops, new { decision = "approve" });
        var again = await SendAsync(client, HttpMethod.Post, Decision(id), ops, new { decision = "reject" });
        using var link = await client.PostAsync(new Uri(new Uri(pending.GetProperty("approve_url").GetString()!).PathAndQuery, UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, approved.Status);
        Assert.Equal((id, "approved"), (approved.Body.GetProperty("id").GetString(), approved.Body.GetProperty("status").GetString()));
        Assert.Equal("executed", approved.Body.GetProperty("outcome").GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Contains("already approved", again.Body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, link.StatusCode);
        Assert.Single(hook.Requests);
        var listed = (await SendAsync(client, HttpMethod.Get, $"/v1/approvals?{Scope}", ops)).Body.GetProperty("approvals")[0];
        Assert.Equal(("approved", "ops"), (listed.GetProperty("status").GetString(), listed.GetProperty("decided_by").GetString()));
        await app.FlushAuditAsync();
        var audit = (await SendAsync(client, HttpMethod.Get, "/v1/audit?caller_id=ops&outcome=executed", admin)).Body;
        Assert.Equal(1, audit.GetProperty("total").GetInt32());
        var decision = (await SendAsync(client, HttpMethod.Get, "/v1/audit?caller_id=ops&outcome=approval_approved", admin)).Body;
        Assert.Equal(1, decision.GetProperty("total").GetInt32());
        Assert.Equal(id, decision.GetProperty("records")[0].GetProperty("outcome_details").GetProperty("approval_id").GetString());
    }

    [Fact]
    public async Task Decide_ViewerOtherTenantBadBodyUnknownId_RefusedAndStillPending_ThenRejectRunsNothing()
    {
        await using var hook = await WebhookListener.StartAsync();
        await using var notify = await WebhookListener.StartAsync();
        await using var app = NewApp(hook, notify);
        using var client = app.CreateClient();
        var admin = await LoginAsync(client, "admin");
        var ops = await LoginAsync(client, "ops");
        var id = (await SendAsync(client, HttpMethod.Post, "/v1/dispatch", admin, Act())).Body.GetProperty("approval_id").GetString()!;

        var viewer = await SendAsync(client, HttpMethod.Post, Decision(id), await LoginAsync(client, "watcher"), new { decision = "approve" });
        var globex = await SendAsync(client, HttpMethod.Post, Decision(id), await LoginAsync(client, "globex-ops"), new { decision = "approve" });
        var otherProvider = await SendAsync(client, HttpMethod.Post, Decision(id), await LoginAsync(client, "mail-ops"), new { decision = "approve" });
        var bad = await SendAsync(client, HttpMethod.Post, Decision(id), ops, new { decision = "maybe" });
        var extra = await SendAsync(client, HttpMethod.Post, Decision(id), ops, new { decision = "approve", note = "x" });
        var unknown = await SendAsync(client, HttpMethod.Post, Decision("no-such-approval"), ops, new { decision = "approve" });

        Assert.Equal(HttpStatusCode.Forbidden, viewer.Status);
        Assert.Equal(HttpStatusCode.Forbidden, globex.Status);
        Assert.Contains("tenant=tenant-1", globex.Body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, otherProvider.Status);
        Assert.Contains("provider=", otherProvider.Body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal("$.decision", bad.Body.GetProperty("details")[0].GetProperty("path").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, extra.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        var still = (await SendAsync(client, HttpMethod.Get, $"/v1/approvals?{Scope}", ops)).Body.GetProperty("approvals")[0];
        Assert.Equal("pending", still.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, still.GetProperty("decided_by").ValueKind);

        var rejected = await SendAsync(client, HttpMethod.Post, Decision(id), ops, new { decision = "reject" });
        Assert.Equal(HttpStatusCode.OK, rejected.Status);
        Assert.Equal("rejected", rejected.Body.GetProperty("status").GetString());
        Assert.False(rejected.Body.TryGetProperty("outcome", out _));
        Assert.Empty(hook.Requests);
        await app.FlushAuditAsync();
        var audit = (await SendAsync(client, HttpMethod.Get, "/v1/audit?outcome=approval_rejected", admin)).Body;
        Assert.Equal("ops", audit.GetProperty("records").EnumerateArray().Single().GetProperty("caller_id").GetString());
    }

    private static string Decision(string id) => $"/v1/approvals/notifications/tenant-1/{id}/decision";

    private GatewayApp NewApp(WebhookListener hook, WebhookListener notify) => new(
        string.Join("\n",
            Hook(hook.Url) + Hook(notify.Url, "notify") + Server(("k1", Key1)),
            Settings(),
            User("admin", "admin", Everything),
            User("ops", "operator", Everything),
            User("watcher", "viewer", Everything),
            User("globex-ops", "operator", Grant("\"globex\"")),
            User("mail-ops", "operator", Grant("\"*\"", providers: "\"email\""))),
        time: _time, rules: Files(ApprovalRule()), services: FastReminders);

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient client, HttpMethod method, string url, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) }.WithBearer(token);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }
}
