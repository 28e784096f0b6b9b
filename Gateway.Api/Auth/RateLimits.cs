using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Auth;
using Acteon.Silo.Configuration;

namespace Acteon.Gateway.Api.Auth;

/// <summary>
/// <c>[rate_limit]</c> and the login limits, counted cluster-wide in <see cref="IRateCounterGrain"/>s: requests per
/// caller (<see cref="CallerMiddleware"/>), actions per tenant (<see cref="TenantAsync"/>, by dispatch and batch),
/// failed logins per user and per client address.
/// </summary>
public sealed class RateLimits(IGrainFactory grains, ActeonConfig config, [FromKeyedServices(GatewayClock.Key)] TimeProvider time)
{
    public TimeProvider Time => time;

    /// <summary>Counts one action for <paramref name="tenant"/>; null when admitted (or unlimited), else the 429 to answer.</summary>
    public async Task<(string Message, int RetryAfter)?> TenantAsync(string tenant)
    {
        var limits = config.RateLimit;
        if (!limits.Enabled || limits.TenantLimit(tenant) is not (> 0 and var limit))
        {
            return null;
        }

        var decision = await grains.Reference<IRateCounterGrain>("tenant:" + tenant).HitAsync(limit, limits.Window, 1);
        return decision.Admitted ? null : ($"rate limit exceeded for tenant {tenant}", RateLimitResponse.RetryAfter(decision, time));
    }

    /// <summary>Requests per caller on every authenticated route; public routes are not counted. In the pipeline only while <c>[rate_limit]</c> is on.</summary>
    public async Task CallerMiddleware(HttpContext http, RequestDelegate next)
    {
        var limits = config.RateLimit;
        if (http.GetEndpoint()?.Metadata.GetMetadata<RequiredPermission>() is not null && Caller.From(http.User) is { } caller)
        {
            var id = caller.Method == Caller.Anonymous ? Caller.Anonymous : caller.Id;
            if (limits.CallerLimit(id) is > 0 and var limit)
            {
                var decision = await grains.Reference<IRateCounterGrain>("caller:" + id).HitAsync(limit, limits.Window, 1);
                RateLimitResponse.SetHeaders(http.Response, limit, decision);
                if (!decision.Admitted)
                {
                    await RateLimitResponse.WriteTooManyAsync(http.Response, "rate limit exceeded", RateLimitResponse.RetryAfter(decision, time));
                    return;
                }
            }
        }

        await next(http);
    }

    /// <summary>Seconds to wait when <paramref name="username"/> or <paramref name="address"/> used up its failed logins, else null.</summary>
    public async Task<int?> LoginBlockedAsync(string username, string address)
    {
        foreach (var key in LoginKeys(username, address))
        {
            var decision = await grains.Reference<IRateCounterGrain>(key).HitAsync(config.Auth.LoginMaxFailures, config.Auth.LoginWindow, 0);
            if (!decision.Admitted)
            {
                return RateLimitResponse.RetryAfter(decision, time);
            }
        }

        return null;
    }

    public Task LoginFailedAsync(string username, string address) =>
        Task.WhenAll(LoginKeys(username, address).Select(key =>
            grains.Reference<IRateCounterGrain>(key).HitAsync(config.Auth.LoginMaxFailures, config.Auth.LoginWindow, 1)));

    private static string[] LoginKeys(string username, string address) => ["login-user:" + username, "login-address:" + address];
}
