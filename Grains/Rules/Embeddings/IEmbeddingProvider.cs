namespace Acteon.Grains.Rules.Embeddings;

/// <summary>Turns text into a vector; similarity is the cosine of two vectors.</summary>
public interface IEmbeddingProvider
{
    Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken);
}
