using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Acteon.Grains.Auth;

/// <summary>Windows are aligned to multiples of their length (UTC), so every node and every caller agrees on when one resets.</summary>
[GrainType(TypeName)]
internal sealed class RateCounterGrain([FromKeyedServices(GatewayClock.Key)] TimeProvider time) : Grain, IRateCounterGrain
{
    public const string TypeName = "rate-counter";

    private DateTimeOffset _windowEnd;
    private int _count;

    public Task<RateDecision> HitAsync(int limit, TimeSpan window, int cost)
    {
        var now = time.GetUtcNow();
        if (now >= _windowEnd)
        {
            var start = now.UtcTicks - (now.UtcTicks % window.Ticks);
            _windowEnd = new DateTimeOffset(start, TimeSpan.Zero) + window;
            _count = 0;
        }

        var admitted = cost == 0 ? _count < limit : _count + cost <= limit;
        if (admitted)
        {
            _count += cost;
        }

        return Task.FromResult(new RateDecision(admitted, Math.Max(0, limit - _count), _windowEnd));
    }
}
