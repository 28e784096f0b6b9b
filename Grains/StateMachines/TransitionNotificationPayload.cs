namespace Acteon.Grains.StateMachines;

/// <summary>The payload of a <c>transition_notification</c> action (an operator's <c>notify</c> transition).</summary>
internal sealed record TransitionNotificationPayload
{
    public required string Fingerprint { get; init; }
    public required string StateMachine { get; init; }
    public required string PreviousState { get; init; }
    public required string NewState { get; init; }
    public required string By { get; init; }
    public required string TransitionedAt { get; init; }
}
