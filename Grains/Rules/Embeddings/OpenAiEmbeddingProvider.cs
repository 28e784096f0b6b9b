using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Acteon.Grains.Rules.Embeddings;

/// <summary>An OpenAI-compatible embeddings endpoint: <c>POST {"model","input"}</c>, reads <c>data[0].embedding</c>.</summary>
internal sealed class OpenAiEmbeddingProvider(HttpClient http, EmbeddingOptions options) : IEmbeddingProvider
{
    public async Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Endpoint)
        {
            Content = JsonContent.Create(new Dictionary<string, string> { ["model"] = options.Model, ["input"] = text }),
        };
        if (options.ApiKey.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Timeout);
        using var response = await http.SendAsync(request, deadline.Token);
        var body = await response.Content.ReadAsByteArrayAsync(deadline.Token);
        if (!response.IsSuccessStatusCode)
        {
            throw new EmbeddingException($"embedding endpoint answered HTTP {(int)response.StatusCode}");
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            var embedding = doc.RootElement.GetProperty("data")[0].GetProperty("embedding");
            var vector = new float[embedding.GetArrayLength()];
            var i = 0;
            foreach (var number in embedding.EnumerateArray())
            {
                vector[i++] = number.GetSingle();
            }

            return vector;
        }
        catch (Exception error) when (error is JsonException or KeyNotFoundException or IndexOutOfRangeException or InvalidOperationException or FormatException)
        {
            throw new EmbeddingException($"embedding endpoint answered without data[0].embedding: {error.Message}");
        }
    }
}
