namespace Acteon.Gateway.Api.OpenApi;

public sealed record MetadataSchema(IReadOnlyDictionary<string, string>? Labels);
