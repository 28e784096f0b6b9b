using System.Collections.Concurrent;
using Acteon.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Acteon.Gateway.Api.Tests.Support;

/// <summary>A real HTTP listener on 127.0.0.1 that answers webhook calls with scripted status codes.</summary>
public sealed class WebhookListener : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _script;
    private readonly Lock _gate = new();
    private TaskCompletionSource _received = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WebhookListener(IEnumerable<int> statuses)
    {
        _script = new ConcurrentQueue<int>(statuses);
        _app = Loopback.CreateHttpServer();
        _app.MapPost("/hook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            Requests.Add((await reader.ReadToEndAsync(), http.Request.Headers["X-Source"].ToString()));
            lock (_gate)
            {
                _received.SetResult();
                _received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            var status = _script.TryDequeue(out var next) ? next : 200;
            http.Response.StatusCode = status;
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(status == 200 ? "{\"accepted\":true}" : "{\"error\":\"nope\"}");
        });
    }

    public ConcurrentBag<(string Body, string SourceHeader)> Requests { get; } = [];

    public Uri Url { get; private set; } = null!;

    /// <summary>Completes once at least <paramref name="count"/> requests arrived; fails after <paramref name="limit"/> real time.</summary>
    public async Task WaitForRequestsAsync(int count, TimeSpan limit, string expectation)
    {
        if (!await TryWaitForRequestsAsync(count, limit))
        {
            Assert.Fail($"Timed out after {limit.TotalSeconds} s waiting for {expectation}; the listener got {Requests.Count} request(s).");
        }
    }

    /// <summary>True once at least <paramref name="count"/> requests arrived, false after <paramref name="limit"/> real time.</summary>
    public async Task<bool> TryWaitForRequestsAsync(int count, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (true)
        {
            Task next;
            lock (_gate)
            {
                if (Requests.Count >= count)
                {
                    return true;
                }

                next = _received.Task;
            }

            try
            {
                await next.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
    }

    public static async Task<WebhookListener> StartAsync(params int[] statuses)
    {
        var listener = new WebhookListener(statuses);
        listener.Url = new Uri(await Loopback.StartAsync(listener._app), "/hook");
        return listener;
    }

    /// <summary>A loopback URL where nothing listens: connections are refused.</summary>
    public static Uri RefusingUrl() => new($"http://127.0.0.1:{Loopback.FreePort()}/hook");

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
