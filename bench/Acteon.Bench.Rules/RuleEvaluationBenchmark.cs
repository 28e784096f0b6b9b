using System.Globalization;
using System.Text;
using System.Text.Json;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Rules;
using Acteon.Grains.Rules.Loading;
using BenchmarkDotNet.Attributes;

namespace Acteon.Bench.Rules;

/// <summary>
/// 100 rules where only the last matches, with conditions of mixed kinds (eq, in_list, matches, numeric gt on the
/// payload, all/any/not nesting), evaluated against one prepared action. Target: mean ≤ 20 µs, ≤ 1 KB allocated.
/// </summary>
[MemoryDiagnoser]
public class RuleEvaluationBenchmark
{
    public const int RuleCount = 100;

    private RuleSet _rules = RuleSet.Empty;
    private EvaluationContext _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        var context = new RuleParseContext(name => name is "log" or "email", false, TimeZoneInfo.Utc, new Dictionary<string, string>());
        _rules = new RuleSet(RuleFileParser.Parse(RulesYaml(), "bench.yaml", context), new Dictionary<string, bool>());
        using var payload = JsonDocument.Parse("""
            {"message": "disk almost full on db-7", "amount": 250.5, "severity": "warning",
             "items": [{"sku": "A-100", "qty": 2}], "host": {"name": "db-7", "region": "eu-west-1"}}
            """);
        var action = new GatewayAction
        {
            Id = "bench-1",
            Namespace = "notifications",
            Tenant = "tenant-1",
            Provider = "email",
            ActionType = "send",
            Payload = payload.RootElement.Clone(),
            Labels = new Dictionary<string, string> { ["team"] = "storage", ["priority"] = "high" },
            CreatedAt = new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.Zero),
        };
        _context = new EvaluationContext(action, action.CreatedAt, new Dictionary<string, string>(), null);
        if (Evaluate().AsTask().GetAwaiter().GetResult() != "last-matches")
        {
            throw new InvalidOperationException("the benchmark's rules must match only the last one");
        }
    }

    [Benchmark]
    public async ValueTask<string?> Evaluate() => (await _rules.EvaluateAsync(_context)).RuleName;

    /// <summary>99 rules that do not match (each fails late, after several comparisons), then one that does.</summary>
    public static string RulesYaml()
    {
        var yaml = new StringBuilder("rules:\n");
        for (var i = 0; i < RuleCount - 1; i++)
        {
            var condition = (i % 5) switch
            {
                0 => $$$"""{all: [{field: action.namespace, eq: notifications}, {field: action.payload.amount, gt: 100}, {field: action.tenant, in_list: [tenant-1, tenant-2]}, {field: action.action_type, eq: type-{{{i}}}}]}""",
                1 => $$$"""{any: [{field: action.tenant, in_list: [acme-{{{i}}}, globex, initech]}, {field: action.payload.message, matches: '^(urgent|critical)-{{{i}}}'}, {field: action.payload.amount, gt: {{{10_000 + i}}}}]}""",
                2 => """{all: [{field: action.metadata.labels.team, eq: storage}, {not: {field: action.payload.severity, eq: warning}}]}""",
                3 => """{all: [{any: [{field: action.payload.items.0.sku, starts_with: A-}, {field: action.payload.host.region, eq: us-east-1}]}, {field: action.payload.host.name, matches: 'web-\d+$'}]}""",
                _ => """{all: [{field: action.payload.amount, gte: 250}, {field: action.payload.amount, lt: 251}, {field: action.metadata.labels.priority, in_list: [low, debug]}]}""",
            };
            yaml.Append(CultureInfo.InvariantCulture, $"  - name: rule-{i}\n    priority: {i}\n    condition: {condition}\n    action: {{type: suppress}}\n");
        }

        yaml.Append(CultureInfo.InvariantCulture, $$"""
              - name: last-matches
                priority: {{RuleCount}}
                condition: {all: [{field: action.action_type, eq: send}, {field: action.tenant, in_list: [tenant-1]}, {field: action.payload.message, matches: 'disk .* full'}, {field: action.payload.amount, gt: 100}, {any: [{field: action.metadata.labels.team, eq: storage}, {field: action.payload.severity, eq: critical}]}]}
                action: {type: reroute, target_provider: log}

            """);
        return yaml.ToString();
    }
}
