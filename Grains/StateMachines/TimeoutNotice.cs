namespace Acteon.Grains.StateMachines;

/// <summary>A timeout transition's notification; <see cref="NoticeId"/> is the notification action's id, stored before it is sent.</summary>
[GenerateSerializer, Alias("acteon.timeout-notice")]
public sealed record TimeoutNotice
{
    [Id(0)] public required string NoticeId { get; init; }
    [Id(1)] public required string PreviousState { get; init; }
    [Id(2)] public required string NewState { get; init; }
    [Id(3)] public required DateTimeOffset FiredAt { get; init; }
}
