namespace Acteon.Grains.StateMachines;

/// <summary>The payload of a <c>timeout_notification</c> action.</summary>
internal sealed record TimeoutNotificationPayload
{
    public required string Fingerprint { get; init; }
    public required string StateMachine { get; init; }
    public required string PreviousState { get; init; }
    public required string NewState { get; init; }
    public required string FiredAt { get; init; }
}
