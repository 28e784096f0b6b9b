using System.Globalization;
using System.Text;

namespace Acteon.Grains.Rules.Embeddings;

/// <summary>
/// Offline and lexical, NOT a language model: words and character trigrams are hashed into a fixed vector, so texts
/// that share words (or word stems) are similar and synonyms are not.
/// </summary>
internal sealed class LocalEmbeddingProvider : IEmbeddingProvider
{
    private const int Dimensions = 512;

    public Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken) => Task.FromResult(Embed(text));

    public static float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        foreach (var word in Words(text))
        {
            vector[Bucket(word)] += 2f;
            var padded = $"^{word}$";
            for (var i = 0; i + 3 <= padded.Length; i++)
            {
                vector[Bucket(padded.Substring(i, 3))] += 1f;
            }
        }

        return vector;
    }

    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    // FNV-1a: stable across processes, unlike string.GetHashCode.
    private static int Bucket(string token)
    {
        var hash = 2166136261u;
        foreach (var c in token)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Dimensions);
    }
}
