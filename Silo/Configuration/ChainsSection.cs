using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Grains.Chains;
using Acteon.Silo.Configuration.Toml;

namespace Acteon.Silo.Configuration;

/// <summary>
/// <c>[[chains]]</c> with <c>[[chains.steps]]</c> and <c>[[chains.steps.branches]]</c>: every step's provider must be
/// configured, every branch target and default_next must name a step, and no step may loop with no way to the end.
/// </summary>
internal static class ChainsSection
{
    public static Dictionary<string, ChainDefinition> Read(TomlTable root, string file, IReadOnlyList<ProviderSettings> providers)
    {
        var chains = new Dictionary<string, ChainDefinition>(StringComparer.Ordinal);
        if (!root.TryGetValue("chains", out var value))
        {
            return chains;
        }

        var array = value as TomlArray ?? throw new ConfigurationException($"{file}:{root.GetLine("chains")}: 'chains' must be an array of tables ([[chains]])");
        for (var i = 0; i < array.Count; i++)
        {
            var table = array[i] as TomlTable ?? throw new ConfigurationException($"{file}:{array.Line}: chains[{i}] must be a table");
            var s = new TomlSection(table, file, $"chains[{i}]");
            s.AllowOnly("name", "timeout_seconds", "steps");
            var name = s.String("name") is { Length: > 0 } n ? n : throw s.Error("name", "is required: the name a chain rule uses");
            if (chains.ContainsKey(name))
            {
                throw s.Error("name", $"chain '{name}' is defined twice");
            }

            var stepSections = Tables(table, "steps", s).Select((t, j) => new TomlSection(t, file, $"chains[{i}].steps[{j}]")).ToList();
            if (stepSections.Count == 0)
            {
                throw s.Error("steps", $"chain '{name}' needs at least one [[chains.steps]]");
            }

            var steps = stepSections.Select(step => Step(step, providers)).ToList();
            var definition = new ChainDefinition { Name = name, TimeoutSeconds = s.Integer("timeout_seconds", 1, 365L * 86_400), Steps = steps };
            if (ChainFlow.Check(definition) is var (index, problem))
            {
                throw new ConfigurationException($"{file}:{stepSections[index].Table.Line}: [chains] {problem}");
            }

            var names = steps.Select(x => x.Name).ToList();
            for (var j = 0; j < steps.Count; j++)
            {
                if (ChainTemplate.Check(steps[j].PayloadTemplate, names) is { } templateProblem)
                {
                    throw stepSections[j].Error("payload_template", templateProblem);
                }
            }

            chains[name] = definition;
        }

        return chains;
    }

    private static ChainStepDefinition Step(TomlSection s, IReadOnlyList<ProviderSettings> providers)
    {
        s.AllowOnly("name", "provider", "action_type", "payload_template", "delay_seconds", "on_failure", "branches", "default_next");
        var name = s.String("name") is { Length: > 0 } n && !n.Contains('.', StringComparison.Ordinal)
            ? n
            : throw s.Error("name", "is required, without dots (templates address steps as steps.NAME.body)");
        var provider = s.String("provider") is { Length: > 0 } p ? p : throw s.Error("provider", $"is required for step '{name}'");
        if (!providers.Any(x => x.Name == provider))
        {
            throw s.Error("provider", $"'{provider}' is not a configured provider ([[providers]] name)");
        }

        var template = Json(new TomlTable(0));
        if (s.Table.TryGetValue("payload_template", out var raw))
        {
            template = raw is TomlTable t ? Json(t) : throw s.Error("payload_template", "must be a table (the payload, with {{...}} templates in its strings)");
        }

        return new ChainStepDefinition
        {
            Name = name,
            Provider = provider,
            ActionType = s.String("action_type") is { Length: > 0 } a ? a : throw s.Error("action_type", $"is required for step '{name}'"),
            PayloadTemplate = template,
            DelaySeconds = s.Integer("delay_seconds", 0, 30L * 86_400) ?? 0,
            OnFailure = s.OneOf("on_failure", ChainStepDefinition.Abort, ChainStepDefinition.Abort, ChainStepDefinition.Skip),
            Branches = [.. Tables(s.Table, "branches", s).Select((b, k) => Branch(new TomlSection(b, s.File, $"{s.Name}.branches[{k}]")))],
            DefaultNext = s.String("default_next"),
        };
    }

    private static ChainBranch Branch(TomlSection s)
    {
        s.AllowOnly("field", "operator", "value", "target");
        var field = s.String("field") ?? throw s.Error("field", "is required: success, body or body.<path>");
        if (field is not ("success" or "body") && !field.StartsWith("body.", StringComparison.Ordinal))
        {
            throw s.Error("field", $"must be success, body or body.<path>, not \"{field}\"");
        }

        var op = s.OneOf("operator", "eq", ChainBranch.Operators);
        JsonElement? value = s.Table.TryGetValue("value", out var raw) ? Json(raw) : null;
        if (value is null && op != "exists")
        {
            throw s.Error("value", $"is required with operator \"{op}\"");
        }

        return new ChainBranch
        {
            Field = field,
            Operator = op,
            Value = value,
            Target = s.String("target") is { Length: > 0 } t ? t : throw s.Error("target", "is required: the name of the step to go to"),
        };
    }

    private static List<TomlTable> Tables(TomlTable table, string key, TomlSection s)
    {
        if (!table.TryGetValue(key, out var value))
        {
            return [];
        }

        return value is TomlArray array && array.All(e => e is TomlTable)
            ? [.. array.Cast<TomlTable>()]
            : throw s.Error(key, $"must be an array of tables ([[...{key}]])");
    }

    private static JsonElement Json(object value)
    {
        using var document = JsonDocument.Parse(Node(value)?.ToJsonString() ?? "null");
        return document.RootElement.Clone();
    }

    /// <summary>A TOML value as JSON (dates as their TOML text).</summary>
    private static JsonNode? Node(object value) => value switch
    {
        TomlTable t => new JsonObject(t.Select(kv => KeyValuePair.Create(kv.Key, Node(kv.Value)))),
        TomlArray a => new JsonArray([.. a.Select(Node)]),
        string text => JsonValue.Create(text),
        long number => JsonValue.Create(number),
        double number => JsonValue.Create(number),
        bool flag => JsonValue.Create(flag),
        IFormattable other => JsonValue.Create(other.ToString(null, CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(value.ToString()),
    };
}
