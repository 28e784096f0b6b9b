using Acteon.Grains.Abstractions.Audit;
using Acteon.Silo.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Acteon.Silo.Storage;

/// <summary>
/// Deletes what has expired, so the store stays bounded under millions of one-off keys: grain state past its
/// <c>IExpiringState.ExpiresAt</c> (dedup keys, throttle windows) and audit records past <c>expires_at</c>.
/// </summary>
internal sealed class StorageJanitor(IGrainStateStore states, IAuditStore audit, TimeProvider time, IOptions<SiloOptions> options, SiloLog log)
    : BackgroundService
{
    private const int Batch = 10_000;

    /// <summary>One pass; returns how many grain states and audit records were deleted.</summary>
    public async Task<(int States, int Records)> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        int deleted, total = 0;
        do
        {
            deleted = await states.DeleteExpiredAsync(now, Batch, cancellationToken);
            total += deleted;
        }
        while (deleted == Batch && !cancellationToken.IsCancellationRequested);

        return (total, await audit.DeleteExpiredAsync(now, cancellationToken));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.CleanupInterval, time, stoppingToken);
                await SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                log.LoopFailed("Storage clean-up", error);
            }
        }
    }
}
