using System.Diagnostics;

namespace Acteon.Gateway.Api.Telemetry;

/// <summary>The caller's W3C trace context: the server span ASP.NET Core started from it, or the headers themselves.</summary>
public static class TraceParent
{
    public static ActivityContext From(HttpContext http)
    {
        if (Activity.Current is { } current)
        {
            return current.Context;
        }

        var headers = http.Request.Headers;
        return ActivityContext.TryParse(headers.TraceParent, headers.TraceState, isRemote: true, out var context) ? context : default;
    }
}
