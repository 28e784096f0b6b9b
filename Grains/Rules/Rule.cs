using Acteon.Grains.Rules.Actions;
using Acteon.Grains.Rules.Conditions;

namespace Acteon.Grains.Rules;

/// <summary>A loaded rule: condition compiled, action validated. <see cref="Enabled"/> is as written in its file.</summary>
public sealed record Rule(
    string Name, int Priority, string? Description, bool Enabled, TimeZoneInfo TimeZone,
    Condition Condition, RuleAction Action, string File, int Line);
