using Acteon.Silo.Reminders;
using Acteon.Silo.Runtime;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Acteon.Silo.Storage.Postgres;

/// <summary>
/// LISTENs on <see cref="PostgresDatabase.ReminderChannel"/> and wakes the local reminder loop whenever any node
/// registers a reminder, so a reminder due sooner than the poll interval fires on time on whichever node claims it.
/// Polling stays the fallback: a lost connection is reopened after a second, and the loop is woken then too.
/// </summary>
internal sealed class PostgresReminderListener(PostgresDatabase db, ReminderService reminders, TimeProvider time, SiloLog log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await db.DataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => reminders.Wake();
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresDatabase.ReminderChannel};", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Notifications sent while this node was not listening are covered by one extra read.
                reminders.Wake();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                log.LoopFailed("Reminder notifications", error);
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
