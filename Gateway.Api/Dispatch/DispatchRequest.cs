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

        // The action reader checks each action's text, so that in a batch a bad element fails alone.
        var (document, error) = await reader.ReadAsync(http.Request, http.RequestAborted, checkText: false);
        return (dryRun, document, error);
    }
}
