using System.Collections.Concurrent;
using System.Net.Http.Json;
using Acteon.Gateway.Api.Tests.Support;
using Acteon.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Acteon.Gateway.Api.Tests.Dispatch;

public sealed class OtlpExportTests
{
    [Fact]
    public async Task Dispatch_WithOtlpEndpoint_ExportsTheCallersTraceOverOtlp()
    {
        var received = new ConcurrentBag<(string ContentType, byte[] Body)>();
        var traceId = Convert.FromHexString("0af7651916cd43dd8448eb211c80319c");
        var exported = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var collector = Loopback.CreateHttpServer();
        collector.MapPost("/v1/traces", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            received.Add((http.Request.ContentType ?? "", body.ToArray()));
            if (body.ToArray().AsSpan().IndexOf(traceId) >= 0)
            {
                exported.TrySetResult();
            }

            http.Response.ContentType = "application/x-protobuf";
        });
        var address = new Uri(await Loopback.StartAsync(collector), "/v1/traces");

        await using (var app = new GatewayApp($"[telemetry]\notlp_endpoint = \"{address}\"\notlp_protocol = \"http/protobuf\"\nservice_name = \"acteon-test\""))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/dispatch") { Content = JsonContent.Create(GatewayApp.Action()) };
            request.Headers.Add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
            using var response = await app.CreateClient().SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Disposing the host flushes the exporter; the export itself may still be on its way.
        await exported.Task.WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(_ => { }, TaskScheduler.Default);
        Assert.Contains(received, r => r.ContentType.StartsWith("application/x-protobuf", StringComparison.Ordinal) && r.Body.AsSpan().IndexOf(traceId) >= 0);
    }
}
