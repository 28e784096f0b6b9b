using System.Text.Json;
using Acteon.Grains.Abstractions.Providers;

namespace Acteon.Providers.Aws.Protocols;

/// <summary>Typed reads of an action payload; a missing or mistyped field fails before anything is sent.</summary>
internal readonly struct Payload(JsonElement root)
{
    public JsonElement? Raw(string name) => TryGet(name, out var value) ? value : null;

    public string RequireString(string name) =>
        String(name) is { Length: > 0 } value ? value : throw Missing(name);

    public string? String(string name) => !TryGet(name, out var value)
        ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString() : throw Wrong(name, "a string");

    /// <summary>The first present of several accepted names (seed name first, then aliases).</summary>
    public string? String(string name, string alias) => String(name) ?? String(alias);

    public long? Integer(string name) => !TryGet(name, out var value)
        ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : throw Wrong(name, "an integer");

    public long RequireInteger(string name) => Integer(name) ?? throw Missing(name);

    /// <summary>An integer that fits the 32 bits the AWSSDK models give it.</summary>
    public int? Int32(string name) => Integer(name) is not { } n
        ? null
        : n is >= int.MinValue and <= int.MaxValue ? (int)n : throw Wrong(name, "an integer between -2147483648 and 2147483647");

    public bool? Bool(string name) => !TryGet(name, out var value)
        ? null
        : value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw Wrong(name, "true or false");

    public IReadOnlyList<string> StringList(string name)
    {
        if (!TryGet(name, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            throw Wrong(name, "an array of strings");
        }

        return [.. value.EnumerateArray().Select(v => v.GetString()!)];
    }

    public IReadOnlyList<string> RequireStringList(string name) =>
        StringList(name) is { Count: > 0 } list ? list : throw Missing(name);

    public IReadOnlyList<KeyValuePair<string, string>> StringMap(string name)
    {
        if (!TryGet(name, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Wrong(name, "an object of strings");
        }

        return [.. value.EnumerateObject().Select(p => new KeyValuePair<string, string>(
            p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : throw Wrong($"{name}.{p.Name}", "a string")))];
    }

    public static AwsCallException Missing(string name) =>
        new(ProviderError.Serialization($"invalid payload: missing required field '{name}'"));

    public static AwsCallException Wrong(string name, string expected) =>
        new(ProviderError.Serialization($"invalid payload: field '{name}' must be {expected}"));

    private bool TryGet(string name, out JsonElement value)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }
}
