using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Acteon.Grains.Approvals;
using Microsoft.Extensions.DependencyInjection;

namespace Acteon.Gateway.Api.Tests.Support;

/// <summary>Approval keys, rules and links for the approval tests; <see cref="Sign"/> is the contract's canonical string, written out again here.</summary>
internal static class ApprovalKit
{
    public const string Key1 = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    public const string Key2 = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";
    public const string ExternalUrl = "https://gateway.example:8443";

    /// <summary><c>[server]</c> with the external URL and the keys (the first signs).</summary>
    public static string Server(params (string Id, string Secret)[] keys) => $$"""

        [server]
        external_url = "{{ExternalUrl}}"
        approval_keys = [{{string.Join(", ", keys.Select(k => $"{{id = \"{k.Id}\", secret = \"{k.Secret}\"}}"))}}]

        """;

    public static string ApprovalRule(string notify = "notify", int timeoutSeconds = 3600) =>
        RulesKit.Rule("needs-human", "{field: action.action_type, eq: send}", $"{{type: request_approval, notify_provider: {notify}, timeout_seconds: {timeoutSeconds}, message: refunds need a human}}");

    /// <summary>Reminders that look at the (driven) gateway clock every second of real time.</summary>
    public static void FastReminders(IServiceCollection services) => services.Configure<ApprovalOptions>(o =>
    {
        o.WakeInterval = TimeSpan.FromSeconds(1);
        o.RetentionWakeInterval = TimeSpan.FromSeconds(1);
    });

    public static string Sign(string secretHex, string ns, string tenant, string id, long expiresAt, string decision)
    {
        var canonical = string.Create(CultureInfo.InvariantCulture,
            $"{Encoding.UTF8.GetByteCount(ns)}:{ns}\n{Encoding.UTF8.GetByteCount(tenant)}:{tenant}\n{Encoding.UTF8.GetByteCount(id)}:{id}\n{expiresAt}\n{decision}");
        return Convert.ToHexStringLower(HMACSHA256.HashData(Convert.FromHexString(secretHex), Encoding.UTF8.GetBytes(canonical)));
    }

    public static string Link(string ns, string tenant, string id, string decision, string sig, long expiresAt, string kid) =>
        string.Create(CultureInfo.InvariantCulture, $"/v1/approvals/{ns}/{tenant}/{id}/{decision}?sig={sig}&expires_at={expiresAt}&kid={kid}");

    /// <summary>POSTs to a link (absolute, as in the outcome, or a path) with no body.</summary>
    public static async Task<JsonElement> ClickAsync(GatewayApp app, string link, HttpStatusCode expected)
    {
        var path = link.StartsWith("http", StringComparison.Ordinal) ? new Uri(link).PathAndQuery : link;
        using var response = await app.CreateClient().PostAsync(new Uri(path, UriKind.Relative), null);
        return await GatewayApp.ReadAsync(response, expected);
    }

    public static async Task<JsonElement> ListAsync(GatewayApp app, string query = "") =>
        await app.GetJsonAsync($"/v1/approvals?namespace=notifications&tenant=tenant-1{query}");
}
