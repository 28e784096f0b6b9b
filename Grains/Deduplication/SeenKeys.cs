namespace Acteon.Grains.Deduplication;

/// <summary>
/// Keys known to be claimed until a time: a claim never ends early, so answering "seen" from here is always right.
/// Bounded: when full, the oldest half is dropped (those keys are then asked of the store again).
/// </summary>
internal sealed class SeenKeys(int capacity)
{
    private readonly Dictionary<string, DateTimeOffset> _until = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public bool IsSeen(string key, DateTimeOffset now) => _until.TryGetValue(key, out var until) && until > now;

    public void Add(string key, DateTimeOffset until)
    {
        if (_until.TryAdd(key, until))
        {
            _order.Enqueue(key);
        }
        else
        {
            _until[key] = until;
        }

        while (_until.Count > capacity)
        {
            for (var i = capacity / 2; i > 0 && _order.TryDequeue(out var old); i--)
            {
                _until.Remove(old);
            }
        }
    }
}
