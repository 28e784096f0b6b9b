namespace Acteon.Grains.Abstractions.Outcomes;

public sealed record DeduplicatedOutcome(string ActionId, string DedupKey) : DispatchOutcome
{
    public override string Name => "deduplicated";
}
