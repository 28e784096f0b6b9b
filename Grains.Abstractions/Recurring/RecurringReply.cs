namespace Acteon.Grains.Abstractions.Recurring;

/// <summary>The answer of a change to a recurring action: the detail after it, or why there is none.</summary>
[GenerateSerializer, Immutable, Alias("acteon.recurring-reply")]
public sealed record RecurringReply(
    [property: Id(0)] RecurringReplyStatus Status,
    [property: Id(1)] RecurringDetail? Detail = null,
    [property: Id(2)] string? Message = null)
{
    public static readonly RecurringReply NotFound = new(RecurringReplyStatus.NotFound);

    public static RecurringReply Ok(RecurringDetail detail) => new(RecurringReplyStatus.Ok, detail);

    public static RecurringReply Conflict(string message) => new(RecurringReplyStatus.Conflict, Message: message);
}
