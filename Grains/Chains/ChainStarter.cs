using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Chains;
using Acteon.Grains.Abstractions.Outcomes;
using Acteon.Grains.Dispatch;
using Acteon.Grains.Rules.Actions;
using Microsoft.Extensions.DependencyInjection;

namespace Acteon.Grains.Chains;

/// <summary>Carries out a <c>chain</c> verdict: a new chain grain holds the chain and runs its first step at once.</summary>
public sealed class ChainStarter(IGrainFactory grains, [FromKeyedServices(GatewayClock.Key)] TimeProvider time)
{
    public async Task<ChainStartedOutcome> StartAsync(GatewayAction action, ChainAction decision, string? rule)
    {
        var chainId = Guid.CreateVersion7(time.GetUtcNow()).ToString();
        var started = await grains.Reference<IChainGrain>(GrainKey(action.Namespace, action.Tenant, chainId))
            .StartAsync(new ChainStart { ChainId = chainId, ChainName = decision.Chain, Origin = action, Rule = rule });
        return new ChainStartedOutcome(chainId, decision.Chain, started.TotalSteps, started.FirstStep);
    }

    public static string GrainKey(string ns, string tenant, string chainId) => VerdictHandler.ScopedKey(ns, tenant, chainId);
}
