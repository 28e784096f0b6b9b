using Acteon.Gateway.Api.Tests.Support;
using Acteon.Tests.Shared;
using Microsoft.Extensions.Time.Testing;
using static Acteon.Gateway.Api.Tests.Support.ApprovalKit;
using static Acteon.Gateway.Api.Tests.Support.ChainKit;
using static Acteon.Gateway.Api.Tests.Support.RulesKit;

namespace Acteon.Gateway.Api.Tests.Chains;

/// <summary>A chain and an approval on SQLite outlive the gateway process that started them.</summary>
public sealed class ChainRestartTests
{
    [Fact]
    public async Task Chain_GatewayRestartedBetweenSteps_TheNextStepRunsOnceAfterTheRestart()
    {
        var start = DateTimeOffset.UnixEpoch.AddYears(60);
        await using var hook = await WebhookListener.StartAsync();
        string directory, chainId;
        await using (var first = new GatewayApp(Hook(hook.Url) + Triage, backend: "sqlite", time: new FakeTimeProvider(start), rules: ChainRule("triage"), services: ChainKit.FastReminders))
        {
            directory = first.Directory;
            chainId = (await first.PostJsonAsync("/v1/dispatch", Incident())).GetProperty("chain_id").GetString()!;
            await Wait.UntilAsync(async () => (await DetailAsync(first, chainId)).GetProperty("current_step").GetInt32() == 1, "the first step");
        }

        await using var second = new GatewayApp(Hook(hook.Url) + Triage, backend: "sqlite", directory: directory,
            time: new FakeTimeProvider(start.AddSeconds(61)), rules: ChainRule("triage"), services: ChainKit.FastReminders);

        await Wait.UntilAsync(async () => await StatusAsync(second, chainId) == "completed", "the restarted gateway to run the second step", Limit);
        Assert.Single(Calls(hook, "classify"));
        Assert.Single(Calls(hook, "ticket"));
    }

    [Fact]
    public async Task Approval_GatewayRestarted_TheLinkStillApprovesOnce()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(60));
        await using var hook = await WebhookListener.StartAsync();
        await using var notify = await WebhookListener.StartAsync();
        var toml = Hook(hook.Url) + Hook(notify.Url, "notify") + Server(("k1", Key1));
        string directory, link;
        await using (var first = new GatewayApp(toml, backend: "sqlite", time: clock, rules: Files(ApprovalRule()), services: ApprovalKit.FastReminders))
        {
            directory = first.Directory;
            link = (await first.PostJsonAsync("/v1/dispatch", Act())).GetProperty("approve_url").GetString()!;
        }

        await using var second = new GatewayApp(toml, backend: "sqlite", directory: directory, time: clock, rules: Files(ApprovalRule()), services: ApprovalKit.FastReminders);
        var approved = await ClickAsync(second, link, HttpStatusCode.OK);
        await ClickAsync(second, link, HttpStatusCode.Conflict);

        Assert.Equal("executed", approved.GetProperty("outcome").GetProperty("outcome").GetString());
        Assert.Single(hook.Requests);
    }
}
