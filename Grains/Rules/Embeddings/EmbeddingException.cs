namespace Acteon.Grains.Rules.Embeddings;

public sealed class EmbeddingException(string message) : Exception(message);
