namespace Acteon.Gateway.Api.OpenApi;

public sealed record BatchResultSchema(IReadOnlyList<BatchElementSchema> Results);
