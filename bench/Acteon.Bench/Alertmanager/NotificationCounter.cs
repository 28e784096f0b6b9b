using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Acteon.Bench.Alertmanager;

/// <summary>
/// The webhook receiver both systems notify (Kestrel on loopback): per group, when its first notification came and
/// which alerts (by <c>instance</c> label) the notifications carried. Reads Alertmanager's webhook body
/// (<c>groupLabels</c>, <c>alerts[].labels</c>) and the gateway's group_notification action (<c>payload.labels</c>,
/// <c>payload.events[].labels</c>).
/// </summary>
internal sealed class NotificationCounter : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Group> _groups = new(StringComparer.Ordinal);
    private long _notifications;

    private NotificationCounter(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public long Notifications => Interlocked.Read(ref _notifications);

    public Stopwatch Clock { get; } = new();

    public static async Task<NotificationCounter> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http1));
        var app = builder.Build();
        var counter = new NotificationCounter(app);
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var doc = await JsonDocument.ParseAsync(http.Request.Body);
            counter.Record(doc.RootElement);
            return Results.Ok();
        });
        await app.StartAsync();
        counter.Url = new Uri(new Uri(app.Urls.First()), "/hook");
        return counter;
    }

    /// <summary>Forgets what came so far (between runs) and restarts the clock.</summary>
    public void Reset()
    {
        _groups.Clear();
        Interlocked.Exchange(ref _notifications, 0);
        Clock.Restart();
    }

    /// <summary>The time until every one of <paramref name="groups"/> had a notification, and until they had carried <paramref name="alerts"/> alerts.</summary>
    public async Task<(TimeSpan FirstOfEvery, TimeSpan AllAlerts)> WaitAsync(int groups, int alerts, TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        TimeSpan? first = null;
        while (deadline.Elapsed < limit)
        {
            if (first is null && _groups.Count >= groups)
            {
                first = _groups.Values.Max(g => g.FirstAt);
            }

            if (_groups.Values.Sum(g => g.Count) >= alerts)
            {
                return (first ?? _groups.Values.Max(g => g.FirstAt), _groups.Values.Max(g => g.LastAt));
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"{_groups.Count} of {groups} groups notified, {_groups.Values.Sum(g => g.Count)} of {alerts} alerts delivered after {limit.TotalSeconds} s");
    }

    private void Record(JsonElement body)
    {
        Interlocked.Increment(ref _notifications);
        var now = Clock.Elapsed;
        string? group;
        JsonElement alerts;
        if (body.TryGetProperty("groupLabels", out var groupLabels))
        {
            group = groupLabels.GetProperty("group").GetString();
            alerts = body.GetProperty("alerts");
        }
        else
        {
            var payload = body.GetProperty("payload");
            group = payload.GetProperty("labels").GetProperty("metadata.group").GetString();
            alerts = payload.GetProperty("events");
        }

        var entry = _groups.GetOrAdd(group!, _ => new Group(now));
        lock (entry)
        {
            foreach (var alert in alerts.EnumerateArray())
            {
                entry.Instances.Add(alert.GetProperty("labels").GetProperty("instance").GetString()!);
            }

            entry.LastAt = now;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class Group(TimeSpan firstAt)
    {
        public TimeSpan FirstAt { get; } = firstAt;

        public TimeSpan LastAt { get; set; } = firstAt;

        public HashSet<string> Instances { get; } = new(StringComparer.Ordinal);

        public int Count
        {
            get
            {
                lock (this)
                {
                    return Instances.Count;
                }
            }
        }
    }
}
