using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Acteon.Gateway.Api.Tests.Support;
using Acteon.Grains.Dispatch;

namespace Acteon.Gateway.Api.Tests.Dispatch;

public sealed class TraceContextTests : IDisposable
{
    private const string TraceId = "0af7651916cd43dd8448eb211c80319c";
    private readonly ConcurrentBag<Activity> _spans = [];
    private readonly ActivityListener _listener;

    public TraceContextTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GatewayTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Add,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public async Task Dispatch_WithTraceparent_ContinuesTheCallersTrace()
    {
        await using var app = new GatewayApp();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/dispatch") { Content = JsonContent.Create(GatewayApp.Action(actionType: "traced-single")) };
        request.Headers.Add("traceparent", $"00-{TraceId}-b7ad6b7169203331-01");
        request.Headers.Add("tracestate", "vendor=value");
        using var response = await app.CreateClient().SendAsync(request);
        await GatewayApp.ReadAsync(response, HttpStatusCode.OK);

        var span = Assert.Single(Spans("traced-single"));
        Assert.Equal(TraceId, span.TraceId.ToHexString());
    }

    [Fact]
    public async Task Batch_EachActionIsAChildSpanOfTheBatchSpan()
    {
        await using var app = new GatewayApp();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/dispatch/batch")
        {
            Content = JsonContent.Create(new { actions = new[] { GatewayApp.Action(actionType: "traced-batch"), GatewayApp.Action(actionType: "traced-batch") } }),
        };
        request.Headers.Add("traceparent", $"00-{TraceId}-b7ad6b7169203331-01");
        using var response = await app.CreateClient().SendAsync(request);
        await GatewayApp.ReadAsync(response, HttpStatusCode.OK);

        var children = Spans("traced-batch");
        var batch = Assert.Single(_spans, s => s.OperationName == "dispatch.batch" && children.Any(c => c.ParentSpanId == s.SpanId));
        Assert.Equal(2, children.Count);
        Assert.All(children, c => Assert.Equal(batch.SpanId, c.ParentSpanId));
        Assert.Equal(TraceId, batch.TraceId.ToHexString());
    }

    public void Dispose() => _listener.Dispose();

    private List<Activity> Spans(string actionType) =>
        [.. _spans.Where(s => s.OperationName == "dispatch" && (string?)s.GetTagItem("acteon.action_type") == actionType)];
}
