using Acteon.Grains.Abstractions.Actions;

namespace Acteon.Grains.StateMachines;

/// <summary>
/// A notification a transition decided (a <c>notify</c> transition's action, a timeout's <c>timeout_notification</c>),
/// stored in the transition's own write and cleared once sent. <see cref="NoticeId"/> tells it apart when clearing.
/// </summary>
[GenerateSerializer, Alias("acteon.state-notice")]
public sealed record StateNotice
{
    [Id(0)] public required string NoticeId { get; init; }
    [Id(1)] public required GatewayAction Action { get; init; }
}
