namespace Acteon.Grains.Rules.Actions;

/// <summary>What a matching rule decides; <see cref="Verdict"/> is the verdict tag of dry runs and the audit.</summary>
public abstract record RuleAction
{
    public abstract string Verdict { get; }
}
