using System.Globalization;
using System.Text;

namespace Acteon.Bench;

/// <summary>
/// N rules of mixed kinds (equality, list membership, regex, numeric comparison, nesting and negation) that the
/// benchmark's actions never match, so every dispatch evaluates all of them.
/// </summary>
internal static class BenchRules
{
    public static string Yaml(int count)
    {
        var yaml = new StringBuilder("rules:\n");
        for (var i = 0; i < count; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"""
                  - name: rule-{i}
                    priority: {i}
                    condition:
                      all:
                        - any:
                            - field: action.action_type
                              eq: type-{i}
                            - field: action.metadata.labels.team
                              in_list: [team-{i}, other-{i}]
                        - field: action.payload.message
                          matches: '^alert-{i}\s+\w+'
                        - not:
                            field: action.payload.n
                            gt: {i + 1_000_000}
                    action:
                      type: {(i % 2 == 0 ? "suppress" : "deny")}

                """);
        }

        return yaml.ToString();
    }
}
