namespace Acteon.Gateway.Api.Http;

/// <summary>A failed request: status, one sentence a person can act on, and per-field details for validation.</summary>
public sealed record ApiError(int Status, string Message, IReadOnlyList<FieldError>? Details = null)
{
    public static ApiError BadRequest(string message, IReadOnlyList<FieldError>? details = null) => new(StatusCodes.Status400BadRequest, message, details);

    public static ApiError NotFound(string message) => new(StatusCodes.Status404NotFound, message);

    public IResult ToResult() => new ApiErrorResult(this);
}
