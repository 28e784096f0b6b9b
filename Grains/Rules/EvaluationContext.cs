using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Rules.Embeddings;

namespace Acteon.Grains.Rules;

/// <summary>What one evaluation sees: the action, the instant, the environment and the embedding service.</summary>
public sealed class EvaluationContext(GatewayAction action, DateTimeOffset now, IReadOnlyDictionary<string, string> environment, EmbeddingService? embeddings)
{
    private TimeZoneInfo? _cachedZone;
    private DateTime _cachedLocal;

    public GatewayAction Action { get; } = action;
    public DateTimeOffset Now { get; } = now;
    public IReadOnlyDictionary<string, string> Environment { get; } = environment;
    public EmbeddingService? Embeddings { get; } = embeddings;

    /// <summary>The instant in <paramref name="zone"/> (DST-correct); the last zone asked for is cached.</summary>
    public DateTime LocalTime(TimeZoneInfo zone)
    {
        if (!ReferenceEquals(zone, _cachedZone))
        {
            _cachedLocal = TimeZoneInfo.ConvertTime(Now, zone).DateTime;
            _cachedZone = zone;
        }

        return _cachedLocal;
    }
}
