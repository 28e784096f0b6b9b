namespace Acteon.Grains.Streaming;

/// <summary>An event as this node holds and sends it: the members the filters read, and its <c>data:</c> JSON.</summary>
/// <param name="Id">The event id (UUIDv7), the SSE <c>id:</c>.</param>
/// <param name="Type">The type tag, the SSE <c>event:</c>.</param>
/// <param name="Namespace">Its namespace.</param>
/// <param name="Tenant">Its tenant.</param>
/// <param name="ActionType">Its action type, when it has one.</param>
/// <param name="Outcome">The outcome name of an <c>action_dispatched</c> event.</param>
/// <param name="Json">The sanitised event, the SSE <c>data:</c> line.</param>
public sealed record StreamEntry(string Id, string Type, string Namespace, string Tenant, string? ActionType, string? Outcome, string Json);
