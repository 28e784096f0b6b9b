using Acteon.Grains.Abstractions.Providers;

namespace Acteon.Grains.Abstractions.Outcomes;

/// <summary>The provider failed after every attempt the executor allowed.</summary>
public sealed record FailedOutcome(string ActionId, ProviderError Error, int Attempts) : DispatchOutcome
{
    public override string Name => "failed";
}
