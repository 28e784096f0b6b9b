namespace Acteon.Grains.Rules.Loading;

/// <summary>Loads every <c>*.yaml</c>/<c>*.yml</c> of a folder (not recursive); all files or none.</summary>
public static class RuleDirectoryLoader
{
    public static (List<Rule> Rules, List<RuleLoadError> Errors) Load(string directory, RuleParseContext context)
    {
        var rules = new List<Rule>();
        var errors = new List<RuleLoadError>();
        if (!Directory.Exists(directory))
        {
            errors.Add(new RuleLoadError(directory, $"{directory}: rules directory not found"));
            return (rules, errors);
        }

        var files = Directory.EnumerateFiles(directory)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        var seen = new Dictionary<string, Rule>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var name = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
            try
            {
                foreach (var rule in RuleFileParser.Parse(File.ReadAllText(file), name, context))
                {
                    if (seen.TryGetValue(rule.Name, out var first))
                    {
                        errors.Add(new RuleLoadError(name, $"{name}:{rule.Line}: rule '{rule.Name}' is already defined at {first.File}:{first.Line}"));
                        continue;
                    }

                    seen.Add(rule.Name, rule);
                    rules.Add(rule);
                }
            }
            catch (RuleLoadException error)
            {
                errors.Add(new RuleLoadError(name, error.Message));
            }
            catch (IOException error)
            {
                errors.Add(new RuleLoadError(name, $"{name}: cannot read: {error.Message}"));
            }
        }

        return (rules, errors);
    }
}
