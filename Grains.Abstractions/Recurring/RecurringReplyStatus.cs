namespace Acteon.Grains.Abstractions.Recurring;

public enum RecurringReplyStatus
{
    Ok,
    NotFound,
    Conflict,
}
