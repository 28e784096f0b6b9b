using System.Diagnostics.Metrics;
using System.Text;
using System.Threading.Channels;
using Acteon.Grains.Abstractions;
using Acteon.Grains.Cluster;
using Acteon.Grains.Dispatch;
using Acteon.Silo.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Acteon.Silo.Cluster;

/// <summary>
/// The cluster's fan-out on PostgreSQL LISTEN/NOTIFY: every node LISTENs on one channel on a connection of its own,
/// and sends what its <see cref="ClusterBus"/> gives it as NOTIFYs, as many messages per NOTIFY as fit in PostgreSQL's
/// 8000-byte payload (one NOTIFY per message when idle, batches under load). A payload is this node's id, then one
/// line per message: <c>topic TAB payload</c> (compact JSON has no raw line breaks). The outgoing queue is bounded.
/// </summary>
internal sealed partial class PostgresClusterTransport : BackgroundService, IClusterTransport
{
    public const string Channel = "acteon_bus";

    private const int MaxPayloadBytes = 7900;
    private const int QueueCapacity = 10_000;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly string _nodeId = Guid.NewGuid().ToString("N");
    private readonly Channel<(string Topic, string Payload)> _outbox = System.Threading.Channels.Channel.CreateBounded<(string, string)>(
        new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    private readonly NpgsqlDataSource _source;
    private readonly IServiceProvider _services;
    private readonly TimeProvider _time;
    private readonly ILogger<PostgresClusterTransport> _logger;
    private long _dropped;

    /// <remarks>The bus is looked up when first needed: it holds this transport, so it cannot be a constructor argument.</remarks>
    public PostgresClusterTransport(
        string url, IServiceProvider services, IMeterFactory meters, [FromKeyedServices(GatewayClock.Key)] TimeProvider time, ILogger<PostgresClusterTransport> logger)
    {
        meters.Create(DispatchMetrics.MeterName).CreateObservableCounter("acteon.cluster_bus.dropped", () => Interlocked.Read(ref _dropped), "{message}",
            "Messages to other nodes dropped: the outgoing queue was full, a message was too large for a NOTIFY, or a NOTIFY failed");
        var builder = new NpgsqlDataSourceBuilder(PostgresConnectionString.Build(url));
        builder.ConnectionStringBuilder.ApplicationName = "acteon-bus";
        builder.ConnectionStringBuilder.KeepAlive = 15;
        _source = builder.Build();
        (_services, _time, _logger) = (services, time, logger);
    }

    private ClusterBus Bus => _services.GetRequiredService<ClusterBus>();

    public void Send(string topic, string payload)
    {
        if (!_outbox.Writer.TryWrite((topic, payload)))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _source.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _source.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => Receive(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                Bus.Reconnected();
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
                LogListenFailed(_logger, error);
                await DelayAsync(stoppingToken);
            }
        }
    }

    private void Receive(string payload)
    {
        var end = payload.IndexOf('\n', StringComparison.Ordinal);
        if (end < 0 || payload.AsSpan(0, end).SequenceEqual(_nodeId))
        {
            return;
        }

        foreach (var line in payload.AsSpan(end + 1).EnumerateLines())
        {
            var tab = line.IndexOf('\t');
            if (tab <= 0)
            {
                continue;
            }

            try
            {
                Bus.Deliver(line[..tab].ToString(), line[(tab + 1)..].ToString());
            }
            catch (Exception error)
            {
                LogReceiveFailed(_logger, error);
            }
        }
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        var reader = _outbox.Reader;
        var batch = new StringBuilder(MaxPayloadBytes);
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear().Append(_nodeId);
                var bytes = _nodeId.Length;
                while (reader.TryPeek(out var message))
                {
                    var size = 2 + Encoding.UTF8.GetByteCount(message.Topic) + Encoding.UTF8.GetByteCount(message.Payload);
                    if (bytes + size > MaxPayloadBytes && bytes > _nodeId.Length)
                    {
                        break;
                    }

                    reader.TryRead(out _);
                    if (_nodeId.Length + size > MaxPayloadBytes)
                    {
                        Interlocked.Increment(ref _dropped);
                        LogTooLarge(_logger, message.Topic, size);
                        continue;
                    }

                    batch.Append('\n').Append(message.Topic).Append('\t').Append(message.Payload);
                    bytes += size;
                }

                if (bytes > _nodeId.Length)
                {
                    await NotifyAsync(batch.ToString(), stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task NotifyAsync(string payload, CancellationToken stoppingToken)
    {
        try
        {
            await using var command = _source.CreateCommand("SELECT pg_notify($1, $2)");
            command.Parameters.Add(new NpgsqlParameter { Value = Channel });
            command.Parameters.Add(new NpgsqlParameter { Value = payload });
            await command.ExecuteNonQueryAsync(stoppingToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The other nodes miss this batch; their breaker caches re-read the grains when their LISTEN reconnects.
            Interlocked.Increment(ref _dropped);
            LogNotifyFailed(_logger, error);
            await DelayAsync(stoppingToken);
        }
    }

    private Task DelayAsync(CancellationToken stoppingToken) =>
        Task.Delay(RetryDelay, _time, stoppingToken).ContinueWith(static _ => { }, TaskScheduler.Default);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster bus: LISTEN connection failed; reconnecting")]
    private static partial void LogListenFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster bus: NOTIFY failed; the batch is dropped")]
    private static partial void LogNotifyFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cluster bus: a received message could not be handled")]
    private static partial void LogReceiveFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster bus: a '{Topic}' message of {Size} bytes is too large for NOTIFY and is dropped")]
    private static partial void LogTooLarge(ILogger logger, string topic, int size);
}
