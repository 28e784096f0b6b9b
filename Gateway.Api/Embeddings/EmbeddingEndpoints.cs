using Acteon.Gateway.Api.Auth;
using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using Acteon.Gateway.Api.Dispatch;
using Acteon.Gateway.Api.Http;
using Acteon.Grains.Rules.Embeddings;
using Microsoft.Extensions.Options;

namespace Acteon.Gateway.Api.Embeddings;

public static class EmbeddingEndpoints
{
    private const string RatePolicy = "embeddings";

    /// <summary>5 requests per minute per caller (the client address until authentication exists).</summary>
    public static IServiceCollection AddEmbeddingRateLimit(this IServiceCollection services) => services.AddRateLimiter(o =>
    {
        o.AddPolicy(RatePolicy, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = 5, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        o.OnRejected = async (context, _) =>
        {
            if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            {
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            await ApiErrorResult.WriteAsync(context.HttpContext.Response,
                new ApiError(StatusCodes.Status429TooManyRequests, "rate limit exceeded: at most 5 similarity requests per minute"));
        };
    });

    public static RouteGroupBuilder MapEmbeddingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/embeddings").WithTags("Embeddings").RequirePermission(Permission.EmbeddingsUse).RequireRateLimiting(RatePolicy);
        group.MapPost("/similarity", SimilarityAsync).WithSummary("Cosine similarity of a text and a topic (for tuning semantic_match thresholds)");
        return group;
    }

    /// <summary>Longest text and topic: both are kept in the embedding cache.</summary>
    public const int MaxTextLength = 16_384;
    public const int MaxTopicLength = 1024;

    private static async Task<IResult> SimilarityAsync(HttpContext http, Caller caller, JsonRequestReader body, EmbeddingService embeddings, IOptions<EmbeddingOptions> options)
    {
        // Texts belong to no tenant; a caller whose grants cover nothing may not use the embedding provider either.
        if (caller.Grants.Count == 0)
        {
            return new ApiError(StatusCodes.Status403Forbidden, "forbidden: the caller has no grants").ToResult();
        }

        if (!options.Value.Enabled)
        {
            return ApiError.NotFound("embedding provider is not configured; add an [embedding] section to acteon.toml").ToResult();
        }

        var (document, error) = await body.ReadAsync(http.Request, http.RequestAborted);
        if (document is null)
        {
            return error!.ToResult();
        }

        using (document)
        {
            var errors = new List<FieldError>();
            var text = Text(document.RootElement, "text", MaxTextLength, errors);
            var topic = Text(document.RootElement, "topic", MaxTopicLength, errors);
            if (errors.Count > 0)
            {
                return ApiError.BadRequest($"invalid request: {errors[0].Path} {errors[0].Message}", errors).ToResult();
            }

            try
            {
                var similarity = await embeddings.SimilarityAsync(text!, topic!, http.RequestAborted);
                return DispatchEndpoints.Json(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("similarity", Math.Round(similarity, 6));
                    writer.WriteString("topic", topic);
                    writer.WriteEndObject();
                });
            }
            catch (Exception failure) when (failure is EmbeddingException or HttpRequestException or TaskCanceledException)
            {
                return new ApiError(StatusCodes.Status502BadGateway, $"embedding similarity failed: {failure.Message}").ToResult();
            }
        }
    }

    private static string? Text(JsonElement root, string name, int maxLength, List<FieldError> errors)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
        {
            if (text.Length <= maxLength)
            {
                return text;
            }

            errors.Add(new FieldError($"$.{name}", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"is {text.Length} characters long; the limit is {maxLength}")));
            return null;
        }

        errors.Add(new FieldError($"$.{name}", "is required (a non-empty string)"));
        return null;
    }
}
