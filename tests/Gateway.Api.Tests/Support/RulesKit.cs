using System.Text.Json;

namespace Acteon.Gateway.Api.Tests.Support;

/// <summary>Rule files, provider sections and actions for the rules tests.</summary>
internal static class RulesKit
{
    /// <summary>A generous real-time limit for waits on background work.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>A webhook provider named <paramref name="name"/> posting to <paramref name="url"/>.</summary>
    public static string Hook(Uri url, string name = "hook") => $"""

        [[providers]]
        name = "{name}"
        type = "webhook"
        url = "{url}"
        timeout_seconds = 5

        """;

    /// <summary>One rule in flow style: <paramref name="condition"/> and <paramref name="action"/> are YAML mappings.</summary>
    public static string Rule(string name, string condition, string action, int priority = 1, bool enabled = true) => $"""
          - name: {name}
            priority: {priority}
            enabled: {(enabled ? "true" : "false")}
            description: rule {name}
            condition: {condition}
            action: {action}

        """;

    /// <summary>A rule file holding <paramref name="rules"/>.</summary>
    public static string File(params string[] rules) => "rules:\n" + string.Concat(rules);

    /// <summary>The single file <c>rules.yaml</c>.</summary>
    public static Dictionary<string, string> Files(params string[] rules) => new() { ["rules.yaml"] = File(rules) };

    public static object Act(string provider = "hook", string actionType = "send", object? payload = null, string? dedupKey = null, string tenant = "tenant-1") =>
        new Dictionary<string, object?>
        {
            ["namespace"] = "notifications",
            ["tenant"] = tenant,
            ["provider"] = provider,
            ["action_type"] = actionType,
            ["payload"] = payload ?? new { to = "user@example.com" },
            ["dedup_key"] = dedupKey,
        }.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value);

    public static string Outcome(JsonElement body) => body.GetProperty("outcome").GetString()!;

    /// <summary>The number of audit records after flushing the writer.</summary>
    public static async Task<long> AuditCountAsync(GatewayApp app, string query = "")
    {
        await app.FlushAuditAsync();
        var page = await app.GetJsonAsync($"/v1/audit{query}");
        return page.GetProperty("total").GetInt64();
    }
}
