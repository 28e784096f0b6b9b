using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Acteon.Grains.Rules.Loading;

/// <summary>Reads one rule file: a top-level <c>rules:</c> list (a bare list is accepted too).</summary>
public static class RuleFileParser
{
    private static readonly string[] RuleKeys =
        ["name", "priority", "description", "enabled", "timezone", "condition", "action"];

    /// <exception cref="RuleLoadException">The message starts with "file:line:" and names the rule.</exception>
    public static List<Rule> Parse(string yaml, string file, RuleParseContext context)
    {
        YamlNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0)
            {
                return [];
            }

            root = stream.Documents[0].RootNode;
        }
        catch (YamlException error)
        {
            throw new RuleLoadException(file, $"{file}:{error.Start.Line}: invalid YAML: {error.InnerException?.Message ?? error.Message}");
        }
        catch (InvalidOperationException)
        {
            // Some malformed input makes YamlDotNet's scanner fail without a position: find the last line it could read.
            throw new RuleLoadException(file, $"{file}:{LastReadableLine(yaml)}: invalid YAML: unterminated or malformed flow collection or scalar");
        }

        var list = root switch
        {
            YamlMappingNode map when YamlNodes.Get(map, "rules") is YamlSequenceNode rules => rules,
            YamlSequenceNode rules => rules,
            _ => throw new RuleLoadException(file, $"{file}:{YamlNodes.Line(root)}: a rule file holds a top-level 'rules:' list"),
        };
        return [.. list.Children.Select(node => ParseRule(node, file, context))];
    }

    private static long LastReadableLine(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        long line = 1;
        try
        {
            while (parser.MoveNext())
            {
                line = parser.Current!.End.Line;
            }
        }
        catch (Exception error) when (error is YamlException or InvalidOperationException)
        {
            return error is YamlException scanned ? scanned.Start.Line : line;
        }

        return line;
    }

    private static Rule ParseRule(YamlNode node, string file, RuleParseContext context)
    {
        var name = node is YamlMappingNode m && YamlNodes.Get(m, "name") is YamlScalarNode { Value: { Length: > 0 } n } ? n : null;
        try
        {
            if (node is not YamlMappingNode map)
            {
                throw new RuleSyntaxException(YamlNodes.Line(node), "each rule must be a mapping");
            }

            if (YamlNodes.Keys(map).FirstOrDefault(RuleFeaturesNotImplemented.RuleKeys.ContainsKey) is { } notYet)
            {
                throw new RuleSyntaxException(YamlNodes.Line(YamlNodes.Get(map, notYet)!), RuleFeaturesNotImplemented.RuleKeyMessage(notYet));
            }

            if (YamlNodes.Keys(map).FirstOrDefault(k => Array.IndexOf(RuleKeys, k) < 0) is { } unknown)
            {
                throw new RuleSyntaxException(YamlNodes.Line(map), $"unknown key '{unknown}'; a rule has {string.Join(", ", RuleKeys)}");
            }

            if (name is null)
            {
                throw new RuleSyntaxException(YamlNodes.Line(map), "a rule needs a name");
            }

            var zone = TimeZone(map, context);
            var condition = YamlNodes.Get(map, "condition") ?? throw new RuleSyntaxException(YamlNodes.Line(map), "a rule needs a condition");
            var action = YamlNodes.Get(map, "action") ?? throw new RuleSyntaxException(YamlNodes.Line(map), "a rule needs an action");
            return new Rule(
                name,
                (int)(Integer(map, "priority") ?? 0),
                (YamlNodes.Get(map, "description") as YamlScalarNode)?.Value,
                Bool(map, "enabled") ?? true,
                zone,
                new ConditionParser(context, zone).Parse(condition),
                new ActionParser(context).Parse(action),
                file,
                YamlNodes.Line(map));
        }
        catch (RuleSyntaxException error)
        {
            var who = name is null ? "" : $"rule '{name}': ";
            throw new RuleLoadException(file, $"{file}:{error.Line}: {who}{error.Message}");
        }
    }

    private static TimeZoneInfo TimeZone(YamlMappingNode map, RuleParseContext context)
    {
        if (YamlNodes.Get(map, "timezone") is not { } node)
        {
            return context.DefaultTimeZone;
        }

        var id = (node as YamlScalarNode)?.Value ?? "";
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception error) when (error is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            throw new RuleSyntaxException(YamlNodes.Line(node), $"unknown time zone '{id}'; use an IANA name such as Europe/Paris or US/Eastern");
        }
    }

    private static long? Integer(YamlMappingNode map, string key) => YamlNodes.Get(map, key) switch
    {
        null => null,
        YamlScalarNode { Value: { } text } when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) => value,
        var node => throw new RuleSyntaxException(YamlNodes.Line(node), $"'{key}' must be a whole number"),
    };

    private static bool? Bool(YamlMappingNode map, string key) => YamlNodes.Get(map, key) switch
    {
        null => null,
        YamlScalarNode { Value: "true" or "True" } => true,
        YamlScalarNode { Value: "false" or "False" } => false,
        var node => throw new RuleSyntaxException(YamlNodes.Line(node), $"'{key}' must be true or false"),
    };
}
