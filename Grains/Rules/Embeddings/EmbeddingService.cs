using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Acteon.Grains.Rules.Embeddings;

/// <summary>Cosine similarity of two texts, with a bounded cache of vectors; concurrent misses of one text share one request.</summary>
public sealed class EmbeddingService
{
    private readonly IEmbeddingProvider _provider;
    private readonly EmbeddingOptions _options;
    private readonly ConcurrentDictionary<string, Lazy<Task<float[]>>> _cache = new(StringComparer.Ordinal);

    public EmbeddingService(IOptions<EmbeddingOptions> options, IHttpClientFactory httpClients)
    {
        _options = options.Value;
        _provider = _options.Provider == "openai"
            ? new OpenAiEmbeddingProvider(httpClients.CreateClient("embeddings"), _options)
            : new LocalEmbeddingProvider();
    }

    public EmbeddingOptions Options => _options;

    public async Task<double> SimilarityAsync(string text, string topic, CancellationToken cancellationToken)
    {
        var a = await EmbedAsync(text, cancellationToken);
        var b = await EmbedAsync(topic, cancellationToken);
        if (a.Length != b.Length || a.Length == 0)
        {
            return 0;
        }

        return Cosine(a, b);
    }

    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double dot = 0, normA = 0, normB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * (double)b[i];
            normA += a[i] * (double)a[i];
            normB += b[i] * (double)b[i];
        }

        return normA == 0 || normB == 0 ? 0 : dot / (Math.Sqrt(normA) * Math.Sqrt(normB));
    }

    private async Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken)
    {
        if (_cache.Count >= _options.CacheCapacity)
        {
            _cache.Clear();
        }

        var entry = _cache.GetOrAdd(text, t => new Lazy<Task<float[]>>(() => _provider.EmbedAsync(t, CancellationToken.None)));
        try
        {
            return await entry.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (entry.Value.IsFaulted)
        {
            _cache.TryRemove(new KeyValuePair<string, Lazy<Task<float[]>>>(text, entry));
            throw;
        }
    }
}
