using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Acteon.Gateway.Api.Tests.Support;

/// <summary>
/// A local OpenAI-compatible embeddings endpoint: answers <c>{"data":[{"embedding":[...]}]}</c> with the vector scripted for
/// each input (or fails with a scripted status), recording the Authorization header, model and input of each call.
/// </summary>
public sealed class FakeEmbeddingEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeEmbeddingEndpoint(IReadOnlyDictionary<string, float[]> vectors, int? failWith)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/v1/embeddings", async (HttpContext http) =>
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body);
            var input = body.RootElement.GetProperty("input").GetString()!;
            Calls.Enqueue((http.Request.Headers.Authorization.ToString(), body.RootElement.GetProperty("model").GetString()!, input));
            http.Response.ContentType = "application/json";
            if (failWith is { } status)
            {
                http.Response.StatusCode = status;
                await http.Response.WriteAsync("{\"error\":{\"message\":\"down\"}}");
                return;
            }

            var vector = vectors.TryGetValue(input, out var v) ? v : [0f, 0f, 1f];
            await http.Response.WriteAsync(JsonSerializer.Serialize(new { data = new[] { new { embedding = vector, index = 0 } }, model = "fake" }));
        });
    }

    public ConcurrentQueue<(string Authorization, string Model, string Input)> Calls { get; } = new();

    public Uri Url { get; private set; } = null!;

    public static async Task<FakeEmbeddingEndpoint> StartAsync(IReadOnlyDictionary<string, float[]> vectors, int? failWith = null)
    {
        var endpoint = new FakeEmbeddingEndpoint(vectors, failWith);
        await endpoint._app.StartAsync();
        var address = endpoint._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        endpoint.Url = new Uri(new Uri(address), "/v1/embeddings");
        return endpoint;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
