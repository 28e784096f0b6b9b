using Acteon.Grains.Abstractions.Providers;

namespace Acteon.Grains.Abstractions.Outcomes;

public sealed record ExecutedOutcome(string ActionId, ProviderResponse Response) : DispatchOutcome
{
    public override string Name => "executed";
}
