namespace Acteon.Gateway.Api.OpenApi;

public sealed record FailureSchema(string Code, string Message, bool Retryable, int Attempts);
