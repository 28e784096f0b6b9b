using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Recurring;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;

namespace Acteon.Grains.Recurring;

/// <summary>Reads a tenant's ids from the index and asks each of their grains (only those) for its detail.</summary>
[StatelessWorker(1), Reentrant, GrainType("recurring-directory")]
internal sealed class RecurringDirectoryGrain(IServiceProvider services, IGrainFactory grains) : Grain, IRecurringDirectoryGrain
{
    public async Task<IReadOnlyList<RecurringDetail>> ListAsync(string ns, string tenant, bool? enabled)
    {
        var ids = await services.GetRequiredService<IRecurringIndex>().ListAsync(ns, tenant, CancellationToken.None);
        var details = await Task.WhenAll(ids.Select(id => grains.Reference<IRecurringActionGrain>(RecurringKey.Of(ns, tenant, id)).GetAsync()));
        var found = new List<RecurringDetail>(details.Length);
        foreach (var detail in details)
        {
            if (detail is not null && (enabled is not { } wanted || detail.Enabled == wanted))
            {
                found.Add(detail);
            }
        }

        return found;
    }
}
