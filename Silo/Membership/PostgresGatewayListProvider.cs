using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Messaging;

namespace Acteon.Silo.Membership;

/// <summary>For an Orleans client: the gateways of the active silos, as the PostgreSQL membership table lists them.</summary>
internal sealed class PostgresGatewayListProvider(PostgresMembershipTable table, IOptions<GatewayOptions> options) : IGatewayListProvider
{
    public TimeSpan MaxStaleness => options.Value.GatewayListRefreshPeriod;

    [Obsolete("Orleans no longer reads it: every provider is updatable")]
    public bool IsUpdatable => true;

    public Task InitializeGatewayListProvider() => Task.CompletedTask;

    public async Task<IList<Uri>> GetGateways()
    {
        var data = await table.ReadAll();
        var gateways = new List<Uri>();
        foreach (var (entry, _) in data.Members)
        {
            if (entry.Status == SiloStatus.Active && entry.ProxyPort > 0)
            {
                gateways.Add(SiloAddress.New(entry.SiloAddress.Endpoint.Address, entry.ProxyPort, entry.SiloAddress.Generation).ToGatewayUri());
            }
        }

        return gateways;
    }
}
