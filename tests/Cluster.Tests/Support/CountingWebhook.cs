using System.Collections.Concurrent;
using Acteon.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Acteon.Cluster.Tests.Support;

/// <summary>
/// The provider the nodes call: a real HTTP listener on 127.0.0.1 that records each call's body and X-Source (the
/// calling node). While <see cref="Hold"/> is set, a call waits until it is released (to kill its caller mid-call).
/// </summary>
public sealed class CountingWebhook : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private TaskCompletionSource<(string Body, string Source)> _next = New();

    private CountingWebhook()
    {
        _app = Loopback.CreateHttpServer();
        _app.MapPost("/hook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var call = (Body: await reader.ReadToEndAsync(), Source: http.Request.Headers["X-Source"].ToString());
            Calls.Enqueue(call);
            TaskCompletionSource<(string, string)> signal;
            lock (_gate)
            {
                (signal, _next) = (_next, New());
            }

            signal.TrySetResult(call);
            if (Hold is { } hold)
            {
                await hold.Task;
            }

            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync("{\"accepted\":true}");
        });
    }

    public ConcurrentQueue<(string Body, string Source)> Calls { get; } = [];

    public Uri Url { get; private set; } = null!;

    /// <summary>When set, calls are answered only once it completes.</summary>
    public TaskCompletionSource? Hold { get; set; }

    public static async Task<CountingWebhook> StartAsync()
    {
        var webhook = new CountingWebhook();
        webhook.Url = new Uri(await Loopback.StartAsync(webhook._app), "/hook");
        return webhook;
    }

    /// <summary>Completes with the next call that arrives after this is called.</summary>
    public Task<(string Body, string Source)> NextCall()
    {
        lock (_gate)
        {
            return _next.Task;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Hold?.TrySetResult();
        await _app.DisposeAsync();
    }

    private static TaskCompletionSource<(string, string)> New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
