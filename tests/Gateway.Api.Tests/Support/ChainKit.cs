using System.Text.Json;
using Acteon.Grains.Chains;
using Microsoft.Extensions.DependencyInjection;

namespace Acteon.Gateway.Api.Tests.Support;

/// <summary>Chain definitions, rules and reads for the chain tests.</summary>
internal static class ChainKit
{
    /// <summary>Two steps on <c>hook</c>: the first at once, the second 60 s later, both with templates.</summary>
    public const string Triage = """

        [[chains]]
        name = "triage"

        [[chains.steps]]
        name = "classify"
        provider = "hook"
        action_type = "classify"
        payload_template = { alert = "{{origin.payload.to}}", chain = "{{chain_id}}", tenant = "{{origin.tenant}}" }

        [[chains.steps]]
        name = "ticket"
        provider = "hook"
        action_type = "ticket"
        delay_seconds = 60
        payload_template = { accepted = "{{prev.body.accepted}}", text = "classified {{steps.classify.body.accepted}} at step {{step_index}}", missing = "{{origin.payload.nothing}}" }

        """;

    /// <summary>A rule that starts <paramref name="chain"/> for every action of type <c>incident</c>.</summary>
    public static Dictionary<string, string> ChainRule(string chain) =>
        RulesKit.Files(RulesKit.Rule($"start-{chain}", "{field: action.action_type, eq: incident}", $"{{type: chain, chain: {chain}}}"));

    public static object Incident() => RulesKit.Act(actionType: "incident");

    /// <summary>Reminders that look at the (driven) gateway clock every second of real time.</summary>
    public static void FastReminders(IServiceCollection services) => services.Configure<ChainOptions>(o =>
    {
        o.WakeInterval = TimeSpan.FromSeconds(1);
        o.RetentionWakeInterval = TimeSpan.FromSeconds(1);
    });

    public static Task<JsonElement> DetailAsync(GatewayApp app, string chainId, HttpStatusCode expected = HttpStatusCode.OK) =>
        app.GetJsonAsync($"/v1/chains/{chainId}?namespace=notifications&tenant=tenant-1", expected);

    public static async Task<string> StatusAsync(GatewayApp app, string chainId) => (await DetailAsync(app, chainId)).GetProperty("status").GetString()!;

    /// <summary>The requests a listener got with this action type, their bodies parsed.</summary>
    public static List<JsonElement> Calls(WebhookListener listener, string actionType) =>
        [.. listener.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).Where(b => b.GetProperty("action_type").GetString() == actionType)];
}
