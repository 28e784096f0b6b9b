namespace Acteon.Gateway.Api.OpenApi;

public sealed record BatchSchema(IReadOnlyList<ActionSchema> Actions);
