using System.Text.Json;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Rules;
using Acteon.Grains.Rules.Loading;

namespace Acteon.Grains.Tests.Rules;

/// <summary>Loads YAML rules as the gateway does and evaluates them against actions.</summary>
internal static class RuleTestKit
{
    public static readonly DateTimeOffset Noon = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    public static RuleParseContext Context(bool embeddings = false, IReadOnlyDictionary<string, string>? env = null) =>
        new(name => name is "log" or "email" or "sms" or "slack" or "devops-pagerduty", embeddings, TimeZoneInfo.Utc, env ?? new Dictionary<string, string> { ["REGION"] = "eu-west-1" })
        {
            ChainExists = name => name is "triage" or "incident-triage",
            ApprovalKeysConfigured = true,
        };

    public static RuleSet Load(string yaml, RuleParseContext? context = null) =>
        new(RuleFileParser.Parse(yaml, "rules/test.yaml", context ?? Context()), new Dictionary<string, bool>());

    public static GatewayAction Action(string payloadJson = "{}", string actionType = "send", string tenant = "t1", Dictionary<string, string>? labels = null)
    {
        using var doc = JsonDocument.Parse(payloadJson);
        return new GatewayAction
        {
            Id = "a1",
            Namespace = "ns",
            Tenant = tenant,
            Provider = "email",
            ActionType = actionType,
            Payload = doc.RootElement.Clone(),
            Labels = labels ?? [],
            CreatedAt = Noon,
        };
    }

    public static string? Match(RuleSet rules, GatewayAction action, DateTimeOffset? at = null, RuleParseContext? context = null) =>
        rules.EvaluateAsync(new EvaluationContext(action, at ?? Noon, (context ?? Context()).Environment, null)).AsTask().GetAwaiter().GetResult().RuleName;

    /// <summary>One rule named "r" with the given condition (YAML, indented under condition:).</summary>
    public static RuleSet Single(string condition) => Load($"""
        rules:
          - name: r
            condition:
        {Indent(condition, 6)}
            action:
              type: suppress
        """);

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.Split('\n').Select(line => new string(' ', spaces) + line));
}
