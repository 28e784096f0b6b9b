using System.Text.Json;

namespace Acteon.Gateway.Api.Http;

/// <summary>The one place that writes the <c>{"error": ..., "details": [...]}</c> body.</summary>
public sealed class ApiErrorResult(ApiError error) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext.Response, error);

    public static async Task WriteAsync(HttpResponse response, ApiError error)
    {
        response.StatusCode = error.Status;
        response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(response.Body, Dispatch.DispatchEndpoints.WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("error", error.Message);
        if (error.Details is { Count: > 0 } details)
        {
            writer.WriteStartArray("details");
            foreach (var detail in details)
            {
                writer.WriteStartObject();
                writer.WriteString("path", detail.Path);
                writer.WriteString("message", detail.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}
