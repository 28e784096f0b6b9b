using System.Text.Json;

namespace Acteon.Gateway.Api.OpenApi;

/// <summary>OpenAPI description of an action (request of POST /v1/dispatch); the endpoint itself validates by hand.</summary>
public sealed record ActionSchema(
    string Namespace, string Tenant, string Provider, string ActionType, JsonElement Payload,
    string? Id, string? DedupKey, MetadataSchema? Metadata, string? Status, string? Fingerprint,
    DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, DateTimeOffset? CreatedAt);
