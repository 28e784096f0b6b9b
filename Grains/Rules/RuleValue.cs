using System.Text.Json;

namespace Acteon.Grains.Rules;

/// <summary>A value a rule compares: a field's value or a literal. <see cref="RuleValueKind.Json"/> holds arrays and objects.</summary>
public readonly record struct RuleValue(RuleValueKind Kind, string? Text = null, double Number = 0, bool Bool = false, JsonElement Json = default)
{
    public static readonly RuleValue Missing = new(RuleValueKind.Missing);
    public static readonly RuleValue Null = new(RuleValueKind.Null);

    public static RuleValue Of(string? text) => text is null ? Missing : new(RuleValueKind.String, Text: text);

    public static RuleValue Of(double number) => new(RuleValueKind.Number, Number: number);

    public static RuleValue Of(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => new(RuleValueKind.String, Text: element.GetString()),
        JsonValueKind.Number => new(RuleValueKind.Number, Number: element.GetDouble()),
        JsonValueKind.True => new(RuleValueKind.Bool, Bool: true),
        JsonValueKind.False => new(RuleValueKind.Bool, Bool: false),
        JsonValueKind.Null => Null,
        JsonValueKind.Undefined => Missing,
        _ => new(RuleValueKind.Json, Json: element),
    };

    /// <summary>Equality across kinds: numbers by value, strings ordinal, arrays and objects structurally.</summary>
    public bool SameAs(in RuleValue other) => (Kind, other.Kind) switch
    {
        (RuleValueKind.Missing, _) or (_, RuleValueKind.Missing) => false,
        (RuleValueKind.Number, RuleValueKind.Number) => Number.Equals(other.Number),
        (RuleValueKind.String, RuleValueKind.String) => string.Equals(Text, other.Text, StringComparison.Ordinal),
        (RuleValueKind.Bool, RuleValueKind.Bool) => Bool == other.Bool,
        (RuleValueKind.Null, RuleValueKind.Null) => true,
        (RuleValueKind.Json, RuleValueKind.Json) => JsonElement.DeepEquals(Json, other.Json),
        _ => false,
    };

    public override string ToString() => Kind switch
    {
        RuleValueKind.String => $"\"{Text}\"",
        RuleValueKind.Number => Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        RuleValueKind.Bool => Bool ? "true" : "false",
        RuleValueKind.Json => Json.GetRawText(),
        RuleValueKind.Null => "null",
        _ => "(missing)",
    };
}
