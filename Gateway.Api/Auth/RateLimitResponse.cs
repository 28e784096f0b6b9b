using System.Globalization;
using Acteon.Grains.Abstractions.Auth;

namespace Acteon.Gateway.Api.Auth;

/// <summary>The X-RateLimit headers and the 429 body <c>{"error","retry_after"}</c> with Retry-After.</summary>
public static class RateLimitResponse
{
    public static void SetHeaders(HttpResponse response, int limit, RateDecision decision)
    {
        response.Headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Reset"] = decision.ResetAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    }

    public static int RetryAfter(RateDecision decision, TimeProvider time) =>
        Math.Max(1, (int)Math.Ceiling((decision.ResetAt - time.GetUtcNow()).TotalSeconds));

    public static async Task WriteTooManyAsync(HttpResponse response, string message, int retryAfter)
    {
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        response.ContentType = "application/json; charset=utf-8";
        await using var writer = new System.Text.Json.Utf8JsonWriter(response.Body, Dispatch.DispatchEndpoints.WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("error", message);
        writer.WriteNumber("retry_after", retryAfter);
        writer.WriteEndObject();
    }

    public static IResult TooMany(string message, int retryAfter) => new TooManyResult(message, retryAfter);

    private sealed class TooManyResult(string message, int retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => WriteTooManyAsync(httpContext.Response, message, retryAfter);
    }
}
