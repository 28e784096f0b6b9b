using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Rules.Fields;

namespace Acteon.Grains.Rules.Actions;

/// <summary>
/// The fields of a rule's <c>group_by</c> or <c>fingerprint_fields</c>: rule condition paths, the <c>action.</c> prefix
/// optional (<c>payload.service</c>, <c>metadata.labels.cluster</c>, <c>metadata.cluster</c>), compiled at load time.
/// </summary>
public sealed class KeyFields
{
    private static readonly IReadOnlyDictionary<string, string> NoEnvironment = new Dictionary<string, string>();
    private readonly FieldAccessor[] _accessors;

    private KeyFields(IReadOnlyList<string> paths, FieldAccessor[] accessors) => (Paths, _accessors) = (paths, accessors);

    public IReadOnlyList<string> Paths { get; }

    /// <exception cref="FormatException">A path names no action field.</exception>
    public static KeyFields Compile(IReadOnlyList<string> paths)
    {
        var accessors = new FieldAccessor[paths.Count];
        for (var i = 0; i < paths.Count; i++)
        {
            var path = paths[i].StartsWith("action.", StringComparison.Ordinal) ? paths[i] : "action." + paths[i];
            accessors[i] = FieldPathCompiler.Compile(path, TimeZoneInfo.Utc);
        }

        return new KeyFields(paths, accessors);
    }

    /// <summary>Each field (as written in the rule) with its value; fields without a value are left out.</summary>
    public Dictionary<string, string> Values(GatewayAction action)
    {
        var context = new EvaluationContext(action, action.CreatedAt, NoEnvironment, null);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < _accessors.Length; i++)
        {
            if (Text(_accessors[i].Get(context)) is { } text)
            {
                values[Paths[i]] = text;
            }
        }

        return values;
    }

    /// <summary>hex(SHA-256(<c>ns:tenant:</c> + Σ <c>field=value;</c>)) over the fields that have a value, in order.</summary>
    public string GroupKey(GatewayAction action, IReadOnlyDictionary<string, string> values)
    {
        var text = new StringBuilder().Append(action.Namespace).Append(':').Append(action.Tenant).Append(':');
        foreach (var path in Paths)
        {
            if (values.TryGetValue(path, out var value))
            {
                text.Append(path).Append('=').Append(value).Append(';');
            }
        }

        return Hash(text.ToString());
    }

    /// <summary>The action's fingerprint, else hex(SHA-256(Σ <c>field=value;</c>)), a field without a value hashed as empty.</summary>
    public string Fingerprint(GatewayAction action)
    {
        if (action.Fingerprint is { Length: > 0 } given)
        {
            return given;
        }

        var values = Values(action);
        var text = new StringBuilder();
        foreach (var path in Paths)
        {
            text.Append(path).Append('=').Append(values.GetValueOrDefault(path, "")).Append(';');
        }

        return Hash(text.ToString());
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string? Text(RuleValue value) => value.Kind switch
    {
        RuleValueKind.String => value.Text,
        RuleValueKind.Number => value.Number.ToString(CultureInfo.InvariantCulture),
        RuleValueKind.Bool => value.Bool ? "true" : "false",
        RuleValueKind.Json => value.Json.GetRawText(),
        _ => null,
    };
}
