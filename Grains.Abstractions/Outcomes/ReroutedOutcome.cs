using Acteon.Grains.Abstractions.Providers;

namespace Acteon.Grains.Abstractions.Outcomes;

public sealed record ReroutedOutcome(string ActionId, string OriginalProvider, string NewProvider, ProviderResponse Response) : DispatchOutcome
{
    public override string Name => "rerouted";
}
