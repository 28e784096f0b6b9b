using System.Collections.Concurrent;
using System.Net.Http.Json;
using Acteon.Gateway.Api.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Acteon.Gateway.Api.Tests.Dispatch;

public sealed class OtlpExportTests
{
    [Fact]
    public async Task Dispatch_WithOtlpEndpoint_ExportsTheCallersTraceOverOtlp()
    {
        var received = new ConcurrentBag<(string ContentType, byte[] Body)>();
        var traceId = Convert.FromHexString("0af7651916cd43dd8448eb211c80319c");
        var exported = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var collector = builder.Build();
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
        await collector.StartAsync();
        var address = collector.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        await using (var app = new GatewayApp($"[telemetry]\notlp_endpoint = \"{address}/v1/traces\"\notlp_protocol = \"http/protobuf\"\nservice_name = \"acteon-test\""))
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
