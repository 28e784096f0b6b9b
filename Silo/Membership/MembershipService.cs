using Acteon.Silo.Runtime;
using Acteon.Silo.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Acteon.Silo.Membership;

/// <summary>Registers this node in the membership table and keeps its heartbeat fresh.</summary>
internal sealed class MembershipService(IMembershipStore store, TimeProvider time, IOptions<SiloOptions> options, SiloLog log) : BackgroundService
{
    public const string Active = "active";
    public const string Dead = "dead";

    private readonly SiloOptions _options = options.Value;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await store.UpsertAsync(new MembershipEntry(_options.NodeId, _options.Address, now, now, Active), cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await store.SetStatusAsync(_options.NodeId, Dead, cancellationToken);
        }
        catch (Exception error)
        {
            // The row goes stale by itself and is then shown as dead; a failed goodbye changes nothing else.
            log.LoopFailed("Membership leave", error);
        }
    }

    /// <summary>Active rows whose heartbeat is too old are shown as dead.</summary>
    public static string EffectiveStatus(MembershipEntry entry, DateTimeOffset now, TimeSpan deadAfter) =>
        entry.Status == Active && now - entry.LastHeartbeat <= deadAfter ? Active : Dead;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.HeartbeatInterval, time, stoppingToken);
                await store.HeartbeatAsync(_options.NodeId, time.GetUtcNow(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                log.LoopFailed("Membership heartbeat", error);
            }
        }
    }
}
