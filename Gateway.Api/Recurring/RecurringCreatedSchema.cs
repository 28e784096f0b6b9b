namespace Acteon.Gateway.Api.Recurring;

/// <summary>The 201 body of POST /v1/recurring.</summary>
public sealed record RecurringCreatedSchema(string RecurringId, DateTimeOffset? NextExecution, string CronExpr, string Timezone, bool Enabled);
