using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Acteon.Silo.Runtime;

/// <summary>Runs the catalog's collection every interval, or at once when the activation bound is passed.</summary>
internal sealed class ActivationCollector(GrainCatalog catalog, IOptions<SiloOptions> options, SiloLog log) : BackgroundService
{
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await catalog.DeactivateAllAsync();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await catalog.WaitForCollectionAsync(options.Value.CollectionInterval, stoppingToken);
                await catalog.CollectAsync();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                log.LoopFailed("Activation collection", error);
            }
        }
    }
}
