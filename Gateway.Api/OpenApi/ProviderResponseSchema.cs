using System.Text.Json;

namespace Acteon.Gateway.Api.OpenApi;

public sealed record ProviderResponseSchema(string Status, JsonElement Body);
