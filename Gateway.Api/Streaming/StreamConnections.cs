using System.Collections.Concurrent;
using Acteon.Grains.Streaming;
using Microsoft.Extensions.Options;

namespace Acteon.Gateway.Api.Streaming;

/// <summary>Open streams per tenant bucket on this node, at most <see cref="StreamOptions.MaxConnectionsPerTenant"/> each.</summary>
public sealed class StreamConnections(IOptions<StreamOptions> options)
{
    private readonly int _max = options.Value.MaxConnectionsPerTenant;
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    public bool TryOpen(string bucket)
    {
        while (true)
        {
            var current = _open.GetOrAdd(bucket, 0);
            if (current >= _max)
            {
                return false;
            }

            if (_open.TryUpdate(bucket, current + 1, current))
            {
                return true;
            }
        }
    }

    public void Close(string bucket) => _open.AddOrUpdate(bucket, 0, static (_, n) => Math.Max(0, n - 1));
}
