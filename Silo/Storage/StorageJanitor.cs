using Acteon.Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Acteon.Grains.Abstractions.Audit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Acteon.Silo.Storage;

/// <summary>
/// Deletes what has expired, so the store stays bounded under millions of one-off keys: grain state past its
/// <c>IExpiringState.ExpiresAt</c> (dedup keys, throttle windows) and audit records past <c>expires_at</c>.
/// </summary>
internal sealed partial class StorageJanitor(IGrainStateStore states, IAuditStore audit, [FromKeyedServices(GatewayClock.Key)] TimeProvider time, TimeSpan interval, ILogger<StorageJanitor> logger)
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
                await Task.Delay(interval, time, stoppingToken);
                await SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                LogSweepFailed(logger, error);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage clean-up failed; retrying")]
    private static partial void LogSweepFailed(ILogger logger, Exception error);
}
