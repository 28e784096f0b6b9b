namespace Acteon.Grains.Rules;

/// <summary>
/// An immutable, priority-ordered set of rules (lowest priority first; ties keep load order) with the effective
/// enabled flag of each (file value overridden by stored toggles). First match wins.
/// </summary>
public sealed class RuleSet
{
    public static readonly RuleSet Empty = new([], new Dictionary<string, bool>());

    private readonly Rule[] _rules;
    private readonly bool[] _enabled;
    private readonly bool _anyAsync;

    public RuleSet(IEnumerable<Rule> rules, IReadOnlyDictionary<string, bool> toggles)
    {
        _rules = [.. rules.OrderBy(r => r.Priority)];
        _enabled = [.. _rules.Select(r => toggles.TryGetValue(r.Name, out var on) ? on : r.Enabled)];
        _anyAsync = _rules.Any(r => r.Condition.IsAsync);
    }

    public IReadOnlyList<Rule> Rules => _rules;

    public int Count => _rules.Length;

    public bool IsEnabled(int index) => _enabled[index];

    public Rule? Find(string name) => Array.Find(_rules, r => r.Name == name);

    public RuleSet WithToggles(IReadOnlyDictionary<string, bool> toggles) => new(_rules, toggles);

    public ValueTask<RuleMatch> EvaluateAsync(EvaluationContext context) =>
        _anyAsync ? EvaluateSlowAsync(context) : new ValueTask<RuleMatch>(Evaluate(context));

    /// <summary>Every rule's result, for the playground; <paramref name="evaluateAll"/> keeps going after the first match.</summary>
    public async Task<(RuleMatch Match, List<RuleTraceEntry> Trace)> TraceAsync(EvaluationContext context, bool includeDisabled, bool evaluateAll)
    {
        context.BeginEvaluation();
        var trace = new List<RuleTraceEntry>(_rules.Length);
        RuleMatch match = default;
        for (var i = 0; i < _rules.Length; i++)
        {
            var rule = _rules[i];
            if (!_enabled[i] && !includeDisabled)
            {
                trace.Add(new RuleTraceEntry(rule, false, "skipped", "disabled"));
                continue;
            }

            if (match.Rule is not null && !evaluateAll)
            {
                trace.Add(new RuleTraceEntry(rule, _enabled[i], "skipped", "earlier_rule_matched"));
                continue;
            }

            var matched = await rule.Condition.EvaluateAsync(context);
            trace.Add(new RuleTraceEntry(rule, _enabled[i], matched ? "matched" : "not_matched", matched ? null : "condition is false"));
            if (matched && match.Rule is null && _enabled[i])
            {
                match = new RuleMatch(rule);
            }
        }

        return (match, trace);
    }

    private RuleMatch Evaluate(EvaluationContext context)
    {
        context.BeginEvaluation();
        for (var i = 0; i < _rules.Length; i++)
        {
            if (_enabled[i] && _rules[i].Condition.Evaluate(context))
            {
                return new RuleMatch(_rules[i]);
            }
        }

        return default;
    }

    private async ValueTask<RuleMatch> EvaluateSlowAsync(EvaluationContext context)
    {
        context.BeginEvaluation();
        for (var i = 0; i < _rules.Length; i++)
        {
            var condition = _rules[i].Condition;
            if (_enabled[i] && (condition.IsAsync ? await condition.EvaluateAsync(context) : condition.Evaluate(context)))
            {
                return new RuleMatch(_rules[i]);
            }
        }

        return default;
    }
}
