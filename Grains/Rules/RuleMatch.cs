using Acteon.Grains.Rules.Actions;

namespace Acteon.Grains.Rules;

/// <summary>The first enabled rule whose condition holds, or none (then the action is allowed).</summary>
public readonly record struct RuleMatch(Rule? Rule)
{
    public RuleAction Action => Rule?.Action ?? AllowAction.Instance;

    public string? RuleName => Rule?.Name;
}
