using System.Collections.Concurrent;
using System.Text.Json;
using Acteon.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

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
        _app = Loopback.CreateHttpServer();
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
        endpoint.Url = new Uri(await Loopback.StartAsync(endpoint._app), "/v1/embeddings");
        return endpoint;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
