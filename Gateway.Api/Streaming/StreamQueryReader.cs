using Acteon.Gateway.Api.Http;
using Acteon.Grains.Abstractions.Streaming;
using Acteon.Grains.Streaming;

namespace Acteon.Gateway.Api.Streaming;

/// <summary>The filters of <c>GET /v1/stream</c>; an unknown parameter, or an unknown event type or outcome, is a 400 naming it.</summary>
public static class StreamQueryReader
{
    public static readonly string[] Outcomes =
    [
        "executed", "deduplicated", "suppressed", "rerouted", "throttled", "failed", "grouped", "state_changed", "pending_approval",
        "chain_started", "scheduled", "circuit_open",
    ];

    private static readonly string[] Parameters = ["namespace", "action_type", "outcome", "event_type"];

    public static StreamFilter? Read(IQueryCollection query, out ApiError? error)
    {
        error = null;
        foreach (var (key, _) in query)
        {
            if (Array.IndexOf(Parameters, key) < 0)
            {
                error = Bad(key, $"unknown query parameter; known parameters are {string.Join(", ", Parameters)}");
                return null;
            }
        }

        var outcome = Text(query, "outcome");
        if (outcome is not null && Array.IndexOf(Outcomes, outcome) < 0)
        {
            error = Bad("outcome", $"unknown outcome \"{outcome}\"; one of {string.Join(", ", Outcomes)}");
            return null;
        }

        var eventType = Text(query, "event_type");
        if (eventType is not null && !StreamEvent.Types.Contains(eventType))
        {
            error = Bad("event_type", $"unknown event type \"{eventType}\"; one of {string.Join(", ", StreamEvent.Types)}");
            return null;
        }

        return new StreamFilter(Text(query, "namespace"), Text(query, "action_type"), outcome, eventType);
    }

    private static string? Text(IQueryCollection query, string name) => query.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    private static ApiError Bad(string parameter, string message) =>
        ApiError.BadRequest($"invalid query parameter '{parameter}': {message}", [new FieldError(parameter, message)]);
}
