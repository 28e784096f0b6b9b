using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Acteon.Grains.Rules.Loading;

/// <summary>Typed reads from YamlDotNet nodes, with YAML 1.2 core-schema scalars (plain scalars may be numbers, booleans, null).</summary>
internal static class YamlNodes
{
    public static int Line(YamlNode node) => (int)node.Start.Line;

    public static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static IEnumerable<string> Keys(YamlMappingNode map) =>
        map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "");

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>A scalar as a JSON value: plain scalars that read as numbers, booleans or null become those.</summary>
    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? "", ToJson(kv.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(ToJson)]),
        YamlScalarNode scalar when IsNull(scalar) => null,
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => PlainScalar(scalar.Value!),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new FormatException("aliases and other YAML node kinds are not supported here"),
    };

    public static JsonElement ToElement(YamlNode node)
    {
        using var doc = JsonDocument.Parse(ToJson(node)?.ToJsonString() ?? "null");
        return doc.RootElement.Clone();
    }

    private static JsonValue PlainScalar(string text)
    {
        if (text is "true" or "True" or "TRUE")
        {
            return JsonValue.Create(true);
        }

        if (text is "false" or "False" or "FALSE")
        {
            return JsonValue.Create(false);
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? JsonValue.Create(number)
            : JsonValue.Create(text);
    }
}
