using System.Globalization;
using System.Text.Json;
using Acteon.Grains.Rules.Actions;
using YamlDotNet.RepresentationModel;

namespace Acteon.Grains.Rules.Loading;

/// <summary>Validates a rule's <c>action: {type: ..., ...}</c> (fields as acteon-behaviour.md §3.3).</summary>
internal sealed class ActionParser(RuleParseContext context)
{
    public static readonly string[] Types =
        ["allow", "deny", "suppress", "deduplicate", "throttle", "reroute", "modify", "schedule", "group", "state_machine", "request_approval", "chain"];

    public RuleAction Parse(YamlNode node)
    {
        if (node is not YamlMappingNode map || YamlNodes.Get(map, "type") is not YamlScalarNode { Value: { } type })
        {
            throw new RuleSyntaxException(YamlNodes.Line(node), $"an action must be a mapping with a type: {string.Join(", ", Types)}");
        }

        if (RuleFeaturesNotImplemented.ActionTypes.ContainsKey(type))
        {
            throw new RuleSyntaxException(YamlNodes.Line(YamlNodes.Get(map, "type")!), RuleFeaturesNotImplemented.ActionTypeMessage(type));
        }

        var reader = new Fields(map);
        RuleAction action = type switch
        {
            "allow" => AllowAction.Instance,
            "deny" => new DenyAction(),
            "suppress" => new SuppressAction(),
            "deduplicate" => new DeduplicateAction(reader.Seconds("ttl_seconds", 1, 365L * 86_400, required: false)),
            "throttle" => new ThrottleAction((int)reader.Integer("max_count", 1, int.MaxValue, required: true)!, reader.Seconds("window_seconds", 1, 365L * 86_400, required: true)!.Value),
            "reroute" => new RerouteAction(Provider(reader, "target_provider")),
            "modify" => new ModifyAction(reader.Object("changes")),
            "schedule" => new ScheduleAction(reader.Seconds("delay_seconds", 1, 604_800, required: true)!.Value),
            "group" => new GroupAction(reader.KeyFields("group_by", required: true), reader.Seconds("group_wait_seconds", 0, 86_400, false) ?? TimeSpan.FromSeconds(30),
                reader.Seconds("group_interval_seconds", 1, 86_400, false) ?? TimeSpan.FromMinutes(5), reader.Seconds("repeat_interval_seconds", 1, 30L * 86_400, false),
                (int)(reader.Integer("max_group_size", 1, 100_000, false) ?? 100), YamlNodes.Get(map, "notify_provider") is null ? null : Provider(reader, "notify_provider")),
            "state_machine" => new StateMachineAction(StateMachine(reader), reader.KeyFields("fingerprint_fields", required: false)),
            "request_approval" when !context.ApprovalKeysConfigured => throw new RuleSyntaxException(YamlNodes.Line(map),
                "a request_approval rule needs [server] approval_keys = [{id = \"k1\", secret = \"<hex>\"}] in acteon.toml to sign its approve/reject links"),
            "request_approval" => new RequestApprovalAction(Provider(reader, "notify_provider"),
                reader.Seconds("timeout_seconds", 1, 30L * 86_400, false) ?? TimeSpan.FromHours(1), reader.Text("message", required: false)),
            "chain" => new ChainAction(Chain(reader)),
            _ => throw new RuleSyntaxException(YamlNodes.Line(map), $"unknown action type '{type}'; use one of {string.Join(", ", Types)}"),
        };
        return action;
    }

    private string Provider(Fields reader, string key)
    {
        var name = reader.Text(key, required: true)!;
        return context.ProviderExists(name)
            ? name
            : throw new RuleSyntaxException(reader.LineOf(key), $"{key} '{name}' is not a configured provider");
    }

    private string StateMachine(Fields reader)
    {
        var name = reader.Text("state_machine", required: true)!;
        return context.StateMachineExists?.Invoke(name) ?? true
            ? name
            : throw new RuleSyntaxException(reader.LineOf("state_machine"), $"state_machine '{name}' is not configured ([[state_machines]] in acteon.toml)");
    }

    private string Chain(Fields reader)
    {
        var name = reader.Text("chain", required: true)!;
        return context.ChainExists(name)
            ? name
            : throw new RuleSyntaxException(reader.LineOf("chain"), $"chain '{name}' is not defined ([[chains]] in acteon.toml)");
    }

    private sealed class Fields(YamlMappingNode map)
    {
        public KeyFields KeyFields(string key, bool required)
        {
            var paths = Strings(key, required);
            try
            {
                return Actions.KeyFields.Compile(paths);
            }
            catch (FormatException error)
            {
                throw new RuleSyntaxException(LineOf(key), $"'{key}': {error.Message}");
            }
        }

        public int LineOf(string key) => YamlNodes.Get(map, key) is { } node ? YamlNodes.Line(node) : YamlNodes.Line(map);

        public string? Text(string key, bool required) => YamlNodes.Get(map, key) switch
        {
            null when required => throw Missing(key),
            null => null,
            YamlScalarNode { Value: { Length: > 0 } value } => value,
            var node => throw new RuleSyntaxException(YamlNodes.Line(node), $"'{key}' must be a non-empty string"),
        };

        public long? Integer(string key, long min, long max, bool required)
        {
            var node = YamlNodes.Get(map, key);
            if (node is null)
            {
                return required ? throw Missing(key) : null;
            }

            return node is YamlScalarNode { Value: { } text } && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value
                : throw new RuleSyntaxException(YamlNodes.Line(node), string.Create(CultureInfo.InvariantCulture, $"'{key}' must be a whole number from {min} to {max}"));
        }

        public TimeSpan? Seconds(string key, long min, long max, bool required) =>
            Integer(key, min, max, required) is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

        public IReadOnlyList<string> Strings(string key, bool required)
        {
            var node = YamlNodes.Get(map, key);
            if (node is null)
            {
                return required ? throw Missing(key) : [];
            }

            return node is YamlSequenceNode seq && seq.Children.All(c => c is YamlScalarNode { Value.Length: > 0 })
                ? [.. seq.Children.Select(c => ((YamlScalarNode)c).Value!)]
                : throw new RuleSyntaxException(YamlNodes.Line(node), $"'{key}' must be a list of strings");
        }

        public JsonElement Object(string key)
        {
            var node = YamlNodes.Get(map, key) ?? throw Missing(key);
            var element = YamlNodes.ToElement(node);
            return element.ValueKind == JsonValueKind.Object
                ? element
                : throw new RuleSyntaxException(YamlNodes.Line(node), $"'{key}' must be a mapping (a JSON merge patch)");
        }

        private RuleSyntaxException Missing(string key) => new(YamlNodes.Line(map), $"action '{YamlNodes.Get(map, "type")}' needs '{key}'");
    }
}
