namespace Acteon.Gateway.Api.OpenApi;

public sealed record ErrorMessageSchema(string Message);
