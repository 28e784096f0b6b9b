using Acteon.Grains.Abstractions.Runtime;
using Acteon.Grains.Threading;
using Acteon.Silo.Runtime;
using Acteon.Silo.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Acteon.Silo.Reminders;

/// <summary>
/// Fires durable reminders. Due rows are leased to this node, delivered as a turn of the grain, then moved to
/// their next due time (or deleted). A node that dies holding a lease stops renewing it, and after the lease
/// another node fires the reminder again: delivery is at least once.
/// </summary>
internal sealed class ReminderService(
    IReminderStore store,
    GrainCatalog catalog,
    TimeProvider time,
    IOptions<SiloOptions> options,
    SiloLog log) : BackgroundService, IReminderRegistry
{
    private const int BatchSize = 100;
    private readonly SiloOptions _options = options.Value;
    private readonly SemaphoreSlim _wake = new(0, 1);

    public async Task RegisterAsync(GrainId grainId, string name, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, TimeSpan.Zero);
        await store.UpsertAsync(grainId, name, time.GetUtcNow() + dueTime, period, cancellationToken);
        Wake();
    }

    public Task UnregisterAsync(GrainId grainId, string name, CancellationToken cancellationToken) =>
        store.RemoveAsync(grainId, name, cancellationToken);

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = _options.ReminderPollInterval;
            try
            {
                var now = time.GetUtcNow();
                var due = await store.ClaimDueAsync(now, _options.NodeId, _options.ReminderLease, BatchSize, stoppingToken);
                await Task.WhenAll(due.Select(entry => FireAsync(entry, now)));
                if (due.Count == BatchSize)
                {
                    continue;
                }

                if (await store.NextDueAsync(stoppingToken) is { } next && next > now && next - now < delay)
                {
                    delay = next - now;
                }
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                log.LoopFailed("Reminder polling", error);
            }

            await SleepAsync(delay, stoppingToken);
        }
    }

    private async Task FireAsync(ReminderEntry entry, DateTimeOffset now)
    {
        try
        {
            var status = new TickStatus(entry.DueAt, entry.Period, now);
            await catalog.InvokeAsync(entry.GrainId, async grain =>
            {
                await ((IRemindable)grain).ReceiveReminder(entry.Name, status);
                return true;
            });
            await store.CompleteAsync(entry, NextDue(entry, now), CancellationToken.None);
        }
        catch (Exception error)
        {
            log.ReminderFailed(entry.GrainId, entry.Name, error);
        }
    }

    private static DateTimeOffset? NextDue(ReminderEntry entry, DateTimeOffset now)
    {
        if (entry.Period <= TimeSpan.Zero)
        {
            return null;
        }

        // Missed ticks are not replayed one by one: the next tick is the first period boundary after now.
        var missed = (now - entry.DueAt).Ticks / entry.Period.Ticks;
        return entry.DueAt + TimeSpan.FromTicks((missed + 1) * entry.Period.Ticks);
    }

    /// <summary>Re-reads the store now (a registration here, or a notification from another node).</summary>
    internal void Wake() => _wake.Signal();

    private async Task SleepAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        try
        {
            await Task.WhenAny(Task.Delay(delay, time, cancel.Token), _wake.WaitAsync(cancel.Token));
        }
        finally
        {
            await cancel.CancelAsync();
        }
    }
}
