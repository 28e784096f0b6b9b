using System.Globalization;
using Acteon.Grains.Rules.Conditions;
using Acteon.Grains.Rules.Fields;
using YamlDotNet.RepresentationModel;

namespace Acteon.Grains.Rules.Loading;

/// <summary>Compiles a YAML condition: <c>all</c>, <c>any</c>, <c>not</c>, field comparisons and <c>semantic_match</c>.</summary>
internal sealed class ConditionParser(RuleParseContext context, TimeZoneInfo zone)
{
    private const int MaxDepth = 32;

    public Condition Parse(YamlNode node, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            throw new RuleSyntaxException(YamlNodes.Line(node), $"conditions are nested deeper than {MaxDepth} levels");
        }

        if (node is not YamlMappingNode map)
        {
            throw new RuleSyntaxException(YamlNodes.Line(node), "a condition must be a mapping: {all: [...]}, {any: [...]}, {not: ...}, {field: ..., <op>: ...} or {semantic_match: ...}");
        }

        var keys = YamlNodes.Keys(map).ToList();
        if (keys.Count == 1 && keys[0] is "all" or "any")
        {
            var children = YamlNodes.Get(map, keys[0]) as YamlSequenceNode
                ?? throw new RuleSyntaxException(YamlNodes.Line(map), $"'{keys[0]}' needs a list of conditions");
            if (children.Children.Count == 0)
            {
                throw new RuleSyntaxException(YamlNodes.Line(children), $"'{keys[0]}' needs at least one condition");
            }

            Condition[] parsed = [.. children.Children.Select(c => Parse(c, depth + 1))];
            return keys[0] == "all" ? new AllCondition(parsed) : new AnyCondition(parsed);
        }

        if (keys.Count == 1 && keys[0] == "not")
        {
            return new NotCondition(Parse(YamlNodes.Get(map, "not")!, depth + 1));
        }

        if (keys.Contains("semantic_match"))
        {
            return SemanticMatch(map, keys);
        }

        return keys.Contains("field")
            ? Field(map, keys)
            : throw new RuleSyntaxException(YamlNodes.Line(map), $"unknown condition with keys {string.Join(", ", keys)}; expected all, any, not, field or semantic_match");
    }

    private FieldCondition Field(YamlMappingNode map, List<string> keys)
    {
        var fieldNode = YamlNodes.Get(map, "field")!;
        var field = Path(fieldNode);
        var comparisons = new List<Comparison>();
        foreach (var key in keys.Where(k => k != "field"))
        {
            var valueNode = YamlNodes.Get(map, key)!;
            comparisons.Add(ComparisonParser.Parse(key, valueNode, field));
        }

        return comparisons.Count > 0
            ? new FieldCondition(field, [.. comparisons])
            : throw new RuleSyntaxException(YamlNodes.Line(map), $"field '{field.Path}' has no comparison; use one of {string.Join(", ", ComparisonParser.Operators)}");
    }

    private SemanticMatchCondition SemanticMatch(YamlMappingNode map, List<string> keys)
    {
        var line = YamlNodes.Line(map);
        if (keys.Except(["semantic_match", "threshold", "text_field"]).FirstOrDefault() is { } extra)
        {
            throw new RuleSyntaxException(line, $"semantic_match does not take '{extra}'; it takes threshold and text_field");
        }

        if (!context.EmbeddingsConfigured)
        {
            throw new RuleSyntaxException(line, "semantic_match needs an [embedding] provider in acteon.toml");
        }

        var topic = (YamlNodes.Get(map, "semantic_match") as YamlScalarNode)?.Value is { Length: > 0 } t
            ? t
            : throw new RuleSyntaxException(line, "semantic_match needs a topic (a non-empty string)");
        var threshold = 0.8;
        if (YamlNodes.Get(map, "threshold") is { } thresholdNode
            && (thresholdNode is not YamlScalarNode { Value: { } text } || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out threshold) || threshold is < -1 or > 1))
        {
            throw new RuleSyntaxException(YamlNodes.Line(thresholdNode), "threshold must be a number between -1 and 1");
        }

        var textField = YamlNodes.Get(map, "text_field") is { } textNode ? Path(textNode) : null;
        return new SemanticMatchCondition(topic, threshold, textField);
    }

    private FieldAccessor Path(YamlNode node)
    {
        if (node is not YamlScalarNode { Value: { Length: > 0 } path })
        {
            throw new RuleSyntaxException(YamlNodes.Line(node), "a field path must be a string such as action.payload.severity");
        }

        try
        {
            return FieldPathCompiler.Compile(path, zone);
        }
        catch (FormatException error)
        {
            throw new RuleSyntaxException(YamlNodes.Line(node), error.Message);
        }
    }
}
