namespace Acteon.Grains.Rules.Embeddings;

/// <summary><c>[embedding]</c>: <c>provider = "local"</c> (offline, lexical) or <c>"openai"</c> (any OpenAI-compatible endpoint).</summary>
public sealed class EmbeddingOptions
{
    public bool Enabled { get; set; }
    public string Provider { get; set; } = "local";
    public Uri Endpoint { get; set; } = new("https://api.openai.com/v1/embeddings");
    public string Model { get; set; } = "text-embedding-3-small";
    public string ApiKey { get; set; } = "";
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>When the provider fails: similarity 0 (the rule does not match) instead of failing the dispatch.</summary>
    public bool FailOpen { get; set; } = true;

    public int CacheCapacity { get; set; } = 10_000;
}
