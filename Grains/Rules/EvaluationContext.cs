using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Rules.Embeddings;

namespace Acteon.Grains.Rules;

/// <summary>What one evaluation sees: the action, the instant, the environment and the embedding service.</summary>
public sealed class EvaluationContext(GatewayAction action, DateTimeOffset now, IReadOnlyDictionary<string, string> environment, EmbeddingService? embeddings)
{
    private const int MemoCapacity = 8;
    private TimeZoneInfo? _cachedZone;
    private DateTime _cachedLocal;
    private (string Path, RuleValue Value)[]? _memo;
    private int _memoCount;

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

    /// <summary>
    /// Payload values read during one evaluation, so that rules reading the same path neither walk the JSON again nor
    /// allocate its string again. Keyed by interned path (reference equality); the action never changes, so a value read
    /// once stays right; <see cref="BeginEvaluation"/> starts afresh so each evaluation does its own reads.
    /// </summary>
    internal bool TryRecall(string internedPath, out RuleValue value)
    {
        for (var i = 0; i < _memoCount; i++)
        {
            if (ReferenceEquals(_memo![i].Path, internedPath))
            {
                value = _memo[i].Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    internal void Remember(string internedPath, in RuleValue value)
    {
        if (_memoCount < MemoCapacity)
        {
            _memo ??= new (string, RuleValue)[MemoCapacity];
            _memo[_memoCount++] = (internedPath, value);
        }
    }

    internal void BeginEvaluation() => _memoCount = 0;
}
