using Acteon.Gateway.Api.Auth;
using System.Globalization;
using System.Text;
using Acteon.Gateway.Api.Http;
using Acteon.Gateway.Api.OpenApi;
using Acteon.Grains.Abstractions;
using Acteon.Grains.Streaming;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Acteon.Gateway.Api.Streaming;

/// <summary>
/// <c>GET /v1/stream</c>: Server-Sent Events of every node of the cluster (<c>event:</c> type, <c>id:</c> event id,
/// <c>data:</c> the event JSON), a <c>: ping</c> comment every keep-alive interval, <c>Last-Event-ID</c> resume from
/// this node's buffer, and <c>event: lagged</c> (<c>{"skipped":N}</c>, null when not known) when events were skipped.
/// </summary>
public static class StreamEndpoints
{
    public const string Path = "/v1/stream";

    public static RouteHandlerBuilder MapStreamEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGroup("").RequirePermission(Permission.StreamSubscribe).MapGet(Path, StreamAsync).WithTags("Stream").WithSummary("Real-time dispatch outcomes and other events (SSE)")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .Produces<ErrorSchema>(StatusCodes.Status400BadRequest)
            .Produces<ErrorSchema>(StatusCodes.Status403Forbidden)
            .Produces<ErrorSchema>(StatusCodes.Status429TooManyRequests)
            .Produces<ErrorSchema>(StatusCodes.Status503ServiceUnavailable);

    /// <summary>
    /// Connections are counted per tenant bucket: the tenants the caller's grants cover (every caller whose grants
    /// cover every tenant, and every caller while auth is off, share the bucket <c>*</c>).
    /// </summary>
    public static string Bucket(Caller caller) =>
        caller.TenantScopes is { } tenants ? string.Join(",", tenants.Order(StringComparer.Ordinal)) : "*";

    private static async Task StreamAsync(HttpContext http, Caller caller, StreamHub hub, StreamConnections connections, IOptions<StreamOptions> options,
        [FromKeyedServices(GatewayClock.Key)] TimeProvider time, IHostApplicationLifetime lifetime)
    {
        if (!hub.Enabled)
        {
            await ApiErrorResult.WriteAsync(http.Response, new ApiError(StatusCodes.Status503ServiceUnavailable, "SSE streaming is not enabled"));
            return;
        }

        var filter = StreamQueryReader.Read(http.Request.Query, out var error);
        if (filter is null)
        {
            await ApiErrorResult.WriteAsync(http.Response, error!);
            return;
        }

        // Tenant isolation: a scoped caller sees only the events of the tenants and namespaces its grants cover.
        filter = caller.HasGlobalScope ? filter : filter with { Visible = caller.CanManageScope };
        var bucket = Bucket(caller);
        if (!connections.TryOpen(bucket))
        {
            await ApiErrorResult.WriteAsync(http.Response, new ApiError(StatusCodes.Status429TooManyRequests, "too many concurrent SSE connections for this tenant"));
            return;
        }

        try
        {
            var lastEventId = http.Request.Headers["Last-Event-ID"].ToString() is { Length: > 0 } id ? id : null;
            using var subscription = hub.Subscribe(filter, lastEventId);
            // A stream never ends by itself: it ends when the client goes away or the node shuts down.
            using var end = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
            await PumpAsync(http, subscription, options.Value.KeepAliveInterval, time, end.Token);
        }
        finally
        {
            connections.Close(bucket);
        }
    }

    private static async Task PumpAsync(HttpContext http, StreamSubscription subscription, TimeSpan keepAlive, TimeProvider time, CancellationToken aborted)
    {
        var response = http.Response;
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        var frames = new StringBuilder(4096).Append(": connected\n\n");
        if (subscription.ResumeGap)
        {
            frames.Append("event: lagged\ndata: {\"skipped\":null}\n\n");
        }

        using var timer = new PeriodicTimer(keepAlive, time);
        Task<bool>? tick = null;
        Task<bool>? ready = null;
        try
        {
            while (true)
            {
                await response.WriteAsync(frames.ToString(), aborted);
                await response.Body.FlushAsync(aborted);
                frames.Clear();
                tick ??= timer.WaitForNextTickAsync(aborted).AsTask();
                ready ??= subscription.Reader.WaitToReadAsync(aborted).AsTask();
                var first = await Task.WhenAny(tick, ready);
                if (first == tick)
                {
                    tick = null;
                    frames.Append(": ping\n\n");
                    continue;
                }

                ready = null;
                if (!await first)
                {
                    return;
                }

                while (frames.Length < 64 * 1024 && subscription.Reader.TryRead(out var entry))
                {
                    var skipped = subscription.TakeSkipped();
                    if (skipped > 0)
                    {
                        frames.Append(CultureInfo.InvariantCulture, $"event: lagged\ndata: {{\"skipped\":{skipped}}}\n\n");
                    }

                    frames.Append("event: ").Append(entry.Type).Append("\nid: ").Append(entry.Id).Append("\ndata: ").Append(entry.Json).Append("\n\n");
                }
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away.
        }
    }
}
