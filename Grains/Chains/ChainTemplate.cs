using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Acteon.Grains.Abstractions.Actions;

namespace Acteon.Grains.Chains;

/// <summary>
/// Fills a step's payload template: <c>{{origin.payload.x}}</c>, <c>{{origin.namespace|tenant|provider|action_type|id}}</c>,
/// <c>{{origin.metadata.k}}</c>, <c>{{prev.body.x}}</c>, <c>{{steps.NAME.body.x}}</c>, <c>{{chain_id}}</c>,
/// <c>{{step_index}}</c>. A string that is exactly one expression keeps the referenced JSON value; in a longer string
/// each expression is written as text; a reference to nothing is null (empty text inside a string).
/// </summary>
public static partial class ChainTemplate
{
    private static readonly string[] OriginFields = ["namespace", "tenant", "provider", "action_type", "id"];

    /// <summary>What the expressions of one step can see.</summary>
    public sealed record Scope(GatewayAction Origin, string ChainId, int StepIndex, JsonElement? PreviousBody, IReadOnlyDictionary<string, JsonElement?> StepBodies);

    public static JsonElement Render(JsonElement template, Scope scope)
    {
        var node = RenderNode(template, scope);
        return JsonSerializer.SerializeToElement(node, ChainsJsonContext.Default.JsonNode);
    }

    /// <summary>The first expression in <paramref name="template"/> this template language cannot resolve, with why; null when all are fine.</summary>
    public static string? Check(JsonElement template, IReadOnlyCollection<string> stepNames)
    {
        switch (template.ValueKind)
        {
            case JsonValueKind.Object:
                return template.EnumerateObject().Select(p => Check(p.Value, stepNames)).FirstOrDefault(p => p is not null);
            case JsonValueKind.Array:
                return template.EnumerateArray().Select(e => Check(e, stepNames)).FirstOrDefault(p => p is not null);
            case JsonValueKind.String:
                foreach (Match match in Expression().Matches(template.GetString()!))
                {
                    var expression = match.Groups[1].Value;
                    if (!Known(expression, stepNames))
                    {
                        return $"unknown template '{{{{{expression}}}}}'; use origin.payload.*, origin.metadata.*, origin.{string.Join("|", OriginFields)}, prev.body[.*], steps.NAME.body[.*], chain_id or step_index";
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>The value at a dotted path (array elements by index); null when there is none.</summary>
    public static JsonElement? Select(JsonElement root, string path)
    {
        var current = root;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(part, out var child))
            {
                current = child;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < current.GetArrayLength())
            {
                current = current[i];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    private static JsonNode? RenderNode(JsonElement template, Scope scope)
    {
        switch (template.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var property in template.EnumerateObject())
                {
                    obj[property.Name] = RenderNode(property.Value, scope);
                }

                return obj;
            case JsonValueKind.Array:
                var array = new JsonArray();
                foreach (var element in template.EnumerateArray())
                {
                    array.Add(RenderNode(element, scope));
                }

                return array;
            case JsonValueKind.String:
                var text = template.GetString()!;
                var whole = Expression().Match(text);
                if (whole.Success && whole.Length == text.Length)
                {
                    return Resolve(whole.Groups[1].Value, scope) is { } value ? JsonNode.Parse(value.GetRawText()) : null;
                }

                return JsonValue.Create(Expression().Replace(text, m => Resolve(m.Groups[1].Value, scope) switch
                {
                    null => "",
                    { ValueKind: JsonValueKind.String } s => s.GetString()!,
                    { ValueKind: JsonValueKind.Null } => "",
                    var other => other.Value.GetRawText(),
                }));
            default:
                return JsonNode.Parse(template.GetRawText());
        }
    }

    private static JsonElement? Resolve(string expression, Scope scope)
    {
        var (head, rest) = Split(expression);
        switch (head)
        {
            case "chain_id":
                return rest is null ? Text(scope.ChainId) : null;
            case "step_index":
                return rest is null ? JsonSerializer.SerializeToElement(scope.StepIndex, ChainsJsonContext.Default.Int32) : null;
            case "prev":
                return Body(scope.PreviousBody, rest);
            case "steps":
                var (name, afterName) = Split(rest ?? "");
                return scope.StepBodies.TryGetValue(name, out var body) ? Body(body, afterName) : null;
            case "origin":
                var (field, path) = Split(rest ?? "");
                return field switch
                {
                    "payload" => path is null ? scope.Origin.Payload : Select(scope.Origin.Payload, path),
                    "metadata" => path is not null && scope.Origin.Labels.TryGetValue(path, out var label) ? Text(label) : null,
                    "namespace" => Text(scope.Origin.Namespace),
                    "tenant" => Text(scope.Origin.Tenant),
                    "provider" => Text(scope.Origin.Provider),
                    "action_type" => Text(scope.Origin.ActionType),
                    "id" => Text(scope.Origin.Id),
                    _ => null,
                };
            default:
                return null;
        }
    }

    private static JsonElement? Body(JsonElement? body, string? rest)
    {
        if (body is not { } value || rest is null)
        {
            return null;
        }

        var (head, path) = Split(rest);
        return head != "body" ? null : path is null ? value : Select(value, path);
    }

    private static bool Known(string expression, IReadOnlyCollection<string> stepNames)
    {
        var (head, rest) = Split(expression);
        return head switch
        {
            "chain_id" or "step_index" => rest is null,
            "prev" => rest is not null && Split(rest).Head == "body",
            "steps" => Split(rest ?? "") is var (name, after) && stepNames.Contains(name) && after is not null && Split(after).Head == "body",
            "origin" => Split(rest ?? "") is var (field, path) && (field == "payload" || (field == "metadata" && path is not null) || (OriginFields.Contains(field) && path is null)),
            _ => false,
        };
    }

    private static (string Head, string? Tail) Split(string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? (path, null) : (path[..dot], path[(dot + 1)..]);
    }

    private static JsonElement Text(string value) => JsonSerializer.SerializeToElement(value, ChainsJsonContext.Default.String);

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_.\-]+)\s*\}\}")]
    private static partial Regex Expression();
}
