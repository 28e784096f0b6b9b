namespace Acteon.Grains.Rules.Actions;

/// <summary>Deduplicates on the action's dedup_key (else its id) for <see cref="Ttl"/> (null: the [dedup] default).</summary>
public sealed record DeduplicateAction(TimeSpan? Ttl) : RuleAction
{
    /// <summary>What an action carrying a dedup_key gets when no rule decides otherwise.</summary>
    public static readonly DeduplicateAction Default = new((TimeSpan?)null);

    public override string Verdict => "deduplicate";
}
