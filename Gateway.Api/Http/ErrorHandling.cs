using Acteon.Silo.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace Acteon.Gateway.Api.Http;

/// <summary>Unhandled faults, unknown routes and wrong methods also answer with the JSON error body.</summary>
public static class ErrorHandling
{
    public static WebApplication UseGatewayErrors(this WebApplication app)
    {
        app.UseExceptionHandler(handler => handler.Run(async http =>
        {
            var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
            var apiError = ToApiError(error);
            await ApiErrorResult.WriteAsync(http.Response, apiError);
        }));
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var message = http.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => $"no route for {http.Request.Method} {http.Request.Path}",
                StatusCodes.Status405MethodNotAllowed => $"method {http.Request.Method} is not allowed on {http.Request.Path}",
                StatusCodes.Status415UnsupportedMediaType => JsonRequestReader.WrongContentType(http.Request.ContentType),
                var status => $"request failed with status {status}",
            };
            await ApiErrorResult.WriteAsync(http.Response, new ApiError(http.Response.StatusCode, message));
        });
        app.UseRequestTextCheck();
        return app;
    }

    /// <summary>The one place that turns a failure into its status and message; anything unexpected is a 500.</summary>
    public static ApiError ToApiError(Exception? error) => error switch
    {
        BadHttpRequestException bad => new ApiError(bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "the request body is too large" : bad.Message),
        _ when StoreUnavailableException.FindIn(error) is { } store => StoreUnavailable(store),
        TimeoutException or SiloUnavailableException or OrleansMessageRejectionException or ClientNotAvailableException =>
            new ApiError(StatusCodes.Status503ServiceUnavailable, $"unavailable: {error.Message}; the request may be retried (with the same dedup_key it runs at most once)"),
        _ => new ApiError(StatusCodes.Status500InternalServerError, "internal error: the gateway could not handle this request; see its log"),
    };

    /// <summary>The state store (PostgreSQL) cannot be reached: the request may be retried once it is back.</summary>
    public static ApiError StoreUnavailable(StoreUnavailableException error) =>
        new(StatusCodes.Status503ServiceUnavailable, $"state store unavailable: {error.Message}");
}
