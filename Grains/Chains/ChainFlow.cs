using System.Text.Json;

namespace Acteon.Grains.Chains;

/// <summary>Which step follows another: the first branch that holds, else <c>default_next</c>, else the next in the list, else the end.</summary>
public static class ChainFlow
{
    /// <summary>The index of the next step, or null when the chain is complete.</summary>
    public static int? Next(ChainDefinition chain, int index, bool success, JsonElement? body)
    {
        var step = chain.Steps[index];
        foreach (var branch in step.Branches)
        {
            if (Holds(branch, success, body))
            {
                return chain.IndexOf(branch.Target);
            }
        }

        if (step.DefaultNext is { } next)
        {
            return chain.IndexOf(next);
        }

        return index + 1 < chain.Steps.Count ? index + 1 : null;
    }

    /// <summary>
    /// What is wrong with the definition's graph, with the index of the step it concerns: duplicate names, targets
    /// that name no step, or steps from which the end cannot be reached (a cycle with no way out). Null: nothing.
    /// </summary>
    public static (int Step, string Problem)? Check(ChainDefinition chain)
    {
        var count = chain.Steps.Count;
        for (var i = 0; i < count; i++)
        {
            var step = chain.Steps[i];
            if (chain.IndexOf(step.Name) != i)
            {
                return (i, $"step name '{step.Name}' is used twice in chain '{chain.Name}'");
            }

            foreach (var target in Targets(step))
            {
                if (chain.IndexOf(target) < 0)
                {
                    return (i, $"step '{step.Name}' goes to '{target}', which is no step of chain '{chain.Name}'");
                }
            }
        }

        // Reverse reachability from the end: a step that cannot reach it loops for ever.
        var reachesEnd = new bool[count];
        for (var changed = true; changed;)
        {
            changed = false;
            for (var i = 0; i < count; i++)
            {
                if (!reachesEnd[i] && Successors(chain, i).Any(s => s is null || reachesEnd[s.Value]))
                {
                    reachesEnd[i] = changed = true;
                }
            }
        }

        for (var i = 0; i < count; i++)
        {
            if (!reachesEnd[i])
            {
                return (i, $"step '{chain.Steps[i].Name}' of chain '{chain.Name}' is in a cycle with no way out: no path from it reaches the end of the chain");
            }
        }

        return null;
    }

    private static IEnumerable<string> Targets(ChainStepDefinition step) =>
        step.DefaultNext is { } next ? step.Branches.Select(b => b.Target).Append(next) : step.Branches.Select(b => b.Target);

    private static IEnumerable<int?> Successors(ChainDefinition chain, int index)
    {
        var step = chain.Steps[index];
        foreach (var branch in step.Branches)
        {
            yield return chain.IndexOf(branch.Target);
        }

        yield return step.DefaultNext is { } next ? chain.IndexOf(next) : index + 1 < chain.Steps.Count ? index + 1 : null;
    }

    private static bool Holds(ChainBranch branch, bool success, JsonElement? body)
    {
        JsonElement? actual = branch.Field switch
        {
            "success" => JsonSerializer.SerializeToElement(success, ChainsJsonContext.Default.Boolean),
            "body" => body,
            _ => body is { } b ? ChainTemplate.Select(b, branch.Field["body.".Length..]) : null,
        };
        if (branch.Operator == "exists")
        {
            return actual is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined };
        }

        // A missing field equals nothing (so neq holds); the start-up check gives every other operator a value.
        if (actual is not { } value || branch.Value is not { } expected)
        {
            return branch.Operator == "neq";
        }

        return branch.Operator switch
        {
            "eq" => JsonElement.DeepEquals(value, expected),
            "neq" => !JsonElement.DeepEquals(value, expected),
            "contains" => Contains(value, expected),
            _ => Compare(value, expected) is { } order && branch.Operator switch
            {
                "gt" => order > 0,
                "lt" => order < 0,
                "gte" => order >= 0,
                _ => order <= 0,
            },
        };
    }

    private static bool Contains(JsonElement value, JsonElement expected) => value.ValueKind switch
    {
        JsonValueKind.String => expected.ValueKind == JsonValueKind.String && value.GetString()!.Contains(expected.GetString()!, StringComparison.Ordinal),
        JsonValueKind.Array => value.EnumerateArray().Any(e => JsonElement.DeepEquals(e, expected)),
        _ => false,
    };

    private static int? Compare(JsonElement value, JsonElement expected) => (value.ValueKind, expected.ValueKind) switch
    {
        (JsonValueKind.Number, JsonValueKind.Number) => value.GetDouble().CompareTo(expected.GetDouble()),
        (JsonValueKind.String, JsonValueKind.String) => string.CompareOrdinal(value.GetString(), expected.GetString()),
        _ => null,
    };
}
