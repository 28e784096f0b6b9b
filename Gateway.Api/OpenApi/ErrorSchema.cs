namespace Acteon.Gateway.Api.OpenApi;

/// <summary>Every 4xx/5xx body.</summary>
public sealed record ErrorSchema(string Error, IReadOnlyList<Http.FieldError>? Details);
