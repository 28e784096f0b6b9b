using System.Text.Json;
using Acteon.Gateway.Api.Http;

namespace Acteon.Gateway.Api.Dispatch;

/// <summary>What both dispatch endpoints read first: the <c>dry_run</c> flag and the JSON body.</summary>
public static class DispatchRequest
{
    public static async Task<(bool DryRun, JsonDocument? Body, ApiError? Error)> ReadAsync(HttpContext http, JsonRequestReader reader)
    {
        if (!QueryFlags.TryRead(http.Request, "dry_run", out var dryRun, out var flagError))
        {
            return (false, null, flagError);
        }

        var (document, error) = await reader.ReadAsync(http.Request, http.RequestAborted);
        return (dryRun, document, error);
    }
}
