using System.Text.Json;

namespace Acteon.Gateway.Api.Recurring;

/// <summary>OpenAPI description of the body of POST (all required fields) and PUT (any of them) <c>/v1/recurring</c>; the endpoints validate by hand.</summary>
public sealed record RecurringRequestSchema(
    string Namespace, string Tenant, string CronExpr, string Provider, string ActionType, JsonElement Payload,
    string? Timezone, string? Description, string? DedupKey, DateTimeOffset? EndDate, long? MaxExecutions, string? CatchUp);
