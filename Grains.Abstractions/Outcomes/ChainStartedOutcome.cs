namespace Acteon.Grains.Abstractions.Outcomes;

/// <summary>A chain was started for the action; its steps run in its chain grain.</summary>
public sealed record ChainStartedOutcome(string ChainId, string ChainName, int TotalSteps, string FirstStep) : DispatchOutcome
{
    public override string Name => "chain_started";
}
