using Acteon.Gateway.Api.Tests.Support;
using Acteon.Tests.Shared;
using Microsoft.Extensions.Time.Testing;
using static Acteon.Gateway.Api.Tests.Support.ChainKit;
using static Acteon.Gateway.Api.Tests.Support.RulesKit;

namespace Acteon.Gateway.Api.Tests.Chains;

/// <summary>Chains started by a rule and run by their grain, through the real HTTP API, on a driven clock.</summary>
public sealed class ChainEndpointsTests
{
    [Fact]
    public async Task Dispatch_ChainRule_FirstStepAtOnceSecondAfterItsDelayWithTemplatesFilled()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(60));
        await using var hook = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Hook(hook.Url) + Triage, time: clock, rules: ChainRule("triage"), services: FastReminders);

        var started = await app.PostJsonAsync("/v1/dispatch", Incident());

        Assert.Equal("chain_started", Outcome(started));
        var chainId = started.GetProperty("chain_id").GetString()!;
        Assert.Equal(("triage", 2, "classify"), (started.GetProperty("chain_name").GetString(), started.GetProperty("total_steps").GetInt32(), started.GetProperty("first_step").GetString()));
        await hook.WaitForRequestsAsync(1, Limit, "the first step to run at once");
        var classify = Assert.Single(Calls(hook, "classify"));
        Assert.Equal($"{chainId}:classify:a1", classify.GetProperty("id").GetString());
        Assert.Equal("""{"alert":"user@example.com","chain":"CHAIN","tenant":"tenant-1"}""".Replace("CHAIN", chainId, StringComparison.Ordinal), classify.GetProperty("payload").GetRawText());
        await Wait.UntilAsync(async () => (await DetailAsync(app, chainId)).GetProperty("current_step").GetInt32() == 1, "the chain to wait for its second step");
        var waiting = await DetailAsync(app, chainId);
        Assert.Equal(("running", "completed", "pending"), (waiting.GetProperty("status").GetString(),
            waiting.GetProperty("steps")[0].GetProperty("status").GetString(), waiting.GetProperty("steps")[1].GetProperty("status").GetString()));
        Assert.Single(hook.Requests);

        clock.Advance(TimeSpan.FromSeconds(60));

        await hook.WaitForRequestsAsync(2, Limit, "the second step after its delay");
        var ticket = Assert.Single(Calls(hook, "ticket"));
        Assert.Equal("""{"accepted":true,"text":"classified true at step 1","missing":null}""", ticket.GetProperty("payload").GetRawText());
        await Wait.UntilAsync(async () => await StatusAsync(app, chainId) == "completed", "the chain to complete");
        var done = await DetailAsync(app, chainId);
        Assert.Equal(["classify", "ticket"], done.GetProperty("execution_path").EnumerateArray().Select(e => e.GetString()));
        Assert.True(done.GetProperty("steps")[1].GetProperty("response_body").GetProperty("accepted").GetBoolean());
        var listed = Assert.Single((await app.GetJsonAsync("/v1/chains?namespace=notifications&tenant=tenant-1")).GetProperty("chains").EnumerateArray());
        Assert.Equal((chainId, "completed", 2), (listed.GetProperty("chain_id").GetString(), listed.GetProperty("status").GetString(), listed.GetProperty("total_steps").GetInt32()));
        Assert.Equal(2, hook.Requests.Count);
    }

    [Fact]
    public async Task Chain_Audit_OneRecordPerStepAndTheStartAndEndAllWithTheChainId()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(60));
        await using var hook = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Hook(hook.Url) + Triage, time: clock, rules: ChainRule("triage"), services: FastReminders);
        var chainId = (await app.PostJsonAsync("/v1/dispatch", Incident())).GetProperty("chain_id").GetString()!;
        await Wait.UntilAsync(async () => (await DetailAsync(app, chainId)).GetProperty("current_step").GetInt32() == 1, "the first step");
        clock.Advance(TimeSpan.FromSeconds(60));
        await Wait.UntilAsync(async () => await StatusAsync(app, chainId) == "completed", "the chain to complete");

        await app.FlushAuditAsync();
        var records = (await app.GetJsonAsync($"/v1/audit?chain_id={chainId}")).GetProperty("records").EnumerateArray().ToList();

        Assert.Equal(["chain_completed", "chain_started", "chain_step_completed", "chain_step_completed"], records.Select(r => r.GetProperty("outcome").GetString()).Order(StringComparer.Ordinal));
        Assert.All(records, r => Assert.Equal(chainId, r.GetProperty("chain_id").GetString()));
        Assert.Equal(2, records.Count(r => r.GetProperty("verdict").GetString() == "chain" && r.GetProperty("provider").GetString() == "hook" && r.GetProperty("outcome").GetString() == "chain_step_completed"));
    }

    [Fact]
    public async Task Chain_Branches_FirstMatchingBranchDecidesThenTheListOrder()
    {
        await using var hook = await WebhookListener.StartAsync();
        const string Route = """

            [[chains]]
            name = "route"

            [[chains.steps]]
            name = "check"
            provider = "hook"
            action_type = "check"
            default_next = "normal"
              [[chains.steps.branches]]
              field = "body.accepted"
              operator = "eq"
              value = false
              target = "normal"
              [[chains.steps.branches]]
              field = "success"
              operator = "eq"
              value = true
              target = "escalate"

            [[chains.steps]]
            name = "normal"
            provider = "hook"
            action_type = "normal"
            default_next = "done"

            [[chains.steps]]
            name = "escalate"
            provider = "hook"
            action_type = "escalate"

            [[chains.steps]]
            name = "done"
            provider = "hook"
            action_type = "done"

            """;
        await using var app = new GatewayApp(Hook(hook.Url) + Route, rules: ChainRule("route"), services: FastReminders);

        var chainId = (await app.PostJsonAsync("/v1/dispatch", Incident())).GetProperty("chain_id").GetString()!;

        await Wait.UntilAsync(async () => await StatusAsync(app, chainId) == "completed", "the chain to complete");
        var detail = await DetailAsync(app, chainId);
        Assert.Equal(["check", "escalate", "done"], detail.GetProperty("execution_path").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(Calls(hook, "normal"));
        Assert.Equal("pending", detail.GetProperty("steps")[1].GetProperty("status").GetString());
        Assert.Equal(3, hook.Requests.Count);
    }

    [Theory]
    [InlineData("skip", "completed", "skipped", 1)]
    [InlineData("abort", "failed", "failed", 0)]
    public async Task Chain_StepFails_SkipGoesOnAbortFailsTheChain(string onFailure, string chainStatus, string stepStatus, int laterCalls)
    {
        await using var hook = await WebhookListener.StartAsync();
        await using var broken = await WebhookListener.StartAsync(400, 400, 400, 400);
        var careful = $"""

            [[chains]]
            name = "careful"

            [[chains.steps]]
            name = "risky"
            provider = "broken"
            action_type = "risky"
            on_failure = "{onFailure}"

            [[chains.steps]]
            name = "after"
            provider = "hook"
            action_type = "after"

            """;
        await using var app = new GatewayApp(Hook(hook.Url) + Hook(broken.Url, "broken") + careful, rules: ChainRule("careful"), services: FastReminders);

        var chainId = (await app.PostJsonAsync("/v1/dispatch", Incident())).GetProperty("chain_id").GetString()!;

        await Wait.UntilAsync(async () => await StatusAsync(app, chainId) == chainStatus, $"the chain to be {chainStatus}");
        var risky = (await DetailAsync(app, chainId)).GetProperty("steps")[0];
        Assert.Equal(stepStatus, risky.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(risky.GetProperty("error").GetString()));
        Assert.Single(broken.Requests);
        Assert.Equal(laterCalls, Calls(hook, "after").Count);
    }

    [Fact]
    public async Task Cancel_RunningChain_CancelledThenAgain409UnknownIs404AndTheNextStepNeverRuns()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(60));
        await using var hook = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Hook(hook.Url) + Triage, time: clock, rules: ChainRule("triage"), services: FastReminders);
        var chainId = (await app.PostJsonAsync("/v1/dispatch", Incident())).GetProperty("chain_id").GetString()!;
        await Wait.UntilAsync(async () => (await DetailAsync(app, chainId)).GetProperty("current_step").GetInt32() == 1, "the first step");
        var body = new { @namespace = "notifications", tenant = "tenant-1", reason = "false alarm" };

        var cancelled = await app.PostJsonAsync($"/v1/chains/{chainId}/cancel", body);
        var again = await app.PostJsonAsync($"/v1/chains/{chainId}/cancel", body, HttpStatusCode.Conflict);
        await app.PostJsonAsync($"/v1/chains/{Guid.CreateVersion7()}/cancel", body, HttpStatusCode.NotFound);
        var noTenant = await app.PostJsonAsync($"/v1/chains/{chainId}/cancel", new { @namespace = "notifications" }, HttpStatusCode.BadRequest);
        clock.Advance(TimeSpan.FromSeconds(120));

        Assert.Equal(("cancelled", "false alarm"), (cancelled.GetProperty("status").GetString(), cancelled.GetProperty("cancel_reason").GetString()));
        Assert.Contains("not running", again.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("$.tenant", noTenant.GetProperty("details")[0].GetProperty("path").GetString());
        await Wait.UntilAsync(async () => await AuditCountAsync(app, $"?chain_id={chainId}&outcome=chain_cancelled") == 1, "the cancellation's audit record");
        Assert.Equal("cancelled", await StatusAsync(app, chainId));
        Assert.Empty(Calls(hook, "ticket"));
        await DetailAsync(app, Guid.CreateVersion7().ToString(), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Chain_TimeoutBeforeTheNextStep_TimedOutByReminderAndTheStepNeverRuns()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(60));
        await using var hook = await WebhookListener.StartAsync();
        var slow = Triage.Replace("name = \"triage\"\n", "name = \"triage\"\ntimeout_seconds = 30\n", StringComparison.Ordinal);
        await using var app = new GatewayApp(Hook(hook.Url) + slow, time: clock, rules: ChainRule("triage"), services: FastReminders);
        var chainId = (await app.PostJsonAsync("/v1/dispatch", Incident())).GetProperty("chain_id").GetString()!;
        await Wait.UntilAsync(async () => (await DetailAsync(app, chainId)).GetProperty("current_step").GetInt32() == 1, "the first step");

        clock.Advance(TimeSpan.FromSeconds(31));

        await Wait.UntilAsync(async () => await StatusAsync(app, chainId) == "timed_out", "the chain to time out");
        clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(1, await AuditCountAsync(app, $"?chain_id={chainId}&outcome=chain_timed_out"));
        Assert.Equal("timed_out", await StatusAsync(app, chainId));
        Assert.Empty(Calls(hook, "ticket"));
    }

    [Fact]
    public async Task Chain_Ended_KeptForSevenDaysThenGone()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(60));
        await using var hook = await WebhookListener.StartAsync();
        await using var app = new GatewayApp(Hook(hook.Url) + Triage, time: clock, rules: ChainRule("triage"), services: FastReminders);
        var chainId = (await app.PostJsonAsync("/v1/dispatch", Incident())).GetProperty("chain_id").GetString()!;
        await Wait.UntilAsync(async () => (await DetailAsync(app, chainId)).GetProperty("current_step").GetInt32() == 1, "the first step");
        await app.PostJsonAsync($"/v1/chains/{chainId}/cancel", new { @namespace = "notifications", tenant = "tenant-1" });

        clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(1, (await app.GetJsonAsync("/v1/chains?namespace=notifications&tenant=tenant-1")).GetProperty("total").GetInt32());
        clock.Advance(TimeSpan.FromDays(1));

        await Wait.UntilAsync(async () => (await app.GetJsonAsync("/v1/chains?namespace=notifications&tenant=tenant-1")).GetProperty("total").GetInt32() == 0,
            "the ended chain to leave the list after 7 days");
        await DetailAsync(app, chainId, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ChainsList_MissingScopeOrUnknownStatus_400NamingIt()
    {
        await using var app = new GatewayApp();

        var error = await app.GetJsonAsync("/v1/chains?tenant=t", HttpStatusCode.BadRequest);
        var badStatus = await app.GetJsonAsync("/v1/chains?namespace=n&tenant=t&status=done", HttpStatusCode.BadRequest);

        Assert.Equal("namespace", error.GetProperty("details")[0].GetProperty("path").GetString());
        Assert.Equal("status", badStatus.GetProperty("details")[0].GetProperty("path").GetString());
    }
}
