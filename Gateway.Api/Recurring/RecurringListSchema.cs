namespace Acteon.Gateway.Api.Recurring;

/// <summary>The body of GET /v1/recurring.</summary>
public sealed record RecurringListSchema(IReadOnlyList<RecurringDetailSchema> RecurringActions, int Total);
