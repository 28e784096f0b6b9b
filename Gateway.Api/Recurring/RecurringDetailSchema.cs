using System.Text.Json;

namespace Acteon.Gateway.Api.Recurring;

/// <summary>A recurring action as GET, PUT, pause and resume answer it.</summary>
public sealed record RecurringDetailSchema(
    string RecurringId, string Namespace, string Tenant, string CronExpr, string Timezone, bool Enabled, string Provider,
    string ActionType, JsonElement Payload, string? Description, string? DedupKey, DateTimeOffset? EndDate, long? MaxExecutions,
    string CatchUp, DateTimeOffset? NextExecution, DateTimeOffset? LastExecutedAt, long ExecutionCount, long MissedCount,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
