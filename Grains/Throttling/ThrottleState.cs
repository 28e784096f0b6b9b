namespace Acteon.Grains.Throttling;

public sealed record ThrottleState
{
    public DateTimeOffset? WindowStart { get; init; }
    public int Count { get; init; }
}
