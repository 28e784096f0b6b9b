using System.Text.Json;
using System.Text.Json.Nodes;

namespace Acteon.Grains.Rules;

/// <summary>RFC 7396 JSON merge patch: objects merge recursively, null deletes a member, anything else replaces.</summary>
public static class JsonMergePatch
{
    public static JsonElement Apply(JsonElement target, JsonElement patch)
    {
        var merged = Merge(JsonNode.Parse(target.GetRawText()), JsonNode.Parse(patch.GetRawText()));
        using var doc = JsonDocument.Parse(merged?.ToJsonString() ?? "null");
        return doc.RootElement.Clone();
    }

    private static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject ?? [];
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                var existing = result[name];
                result.Remove(name);
                result[name] = Merge(existing, value);
            }
        }

        return result;
    }
}
