using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Deduplication;
using Acteon.Grains.Abstractions.Recurring;
using Acteon.Grains.Dispatch;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Acteon.Grains.Recurring;

/// <summary>
/// Dispatches one occurrence through the full pipeline, at most once cluster-wide: the action's id is derived from
/// the recurring id and the occurrence time (<see cref="RecurringKey.OccurrenceId"/>), and that id is claimed in the
/// store (the dedup claim) before the dispatch. A tick delivered twice, a second activation during a membership
/// change, or a node that takes over after the one that dispatched died before recording it, finds the claim taken
/// and does not dispatch again.
/// </summary>
public sealed partial class OccurrenceRunner(
    IGrainFactory grains,
    IServiceProvider services,
    [FromKeyedServices(GatewayClock.Key)] TimeProvider time,
    ILogger<OccurrenceRunner> logger)
{
    /// <summary>How long an occurrence's claim is kept: far longer than any occurrence waits to be recorded.</summary>
    public static readonly TimeSpan ClaimTtl = TimeSpan.FromDays(7);

    public const string CallerId = "recurring";

    private readonly IDeduplicationGrain _claims = grains.Reference<IDeduplicationGrain>(IDeduplicationGrain.LocalKey);

    /// <summary>The store key of an occurrence's claim (scoped like every dedup key).</summary>
    public static string ClaimKey(RecurringDefinition definition, string actionId) =>
        RecurringKey.Of(definition.Namespace, definition.Tenant, $"recurring-occurrence/{actionId}");

    /// <summary>Runs the occurrence unless it was claimed before; returns the time it is done.</summary>
    public async Task<DateTimeOffset> RunAsync(RecurringDefinition definition, DateTimeOffset occurrence)
    {
        var action = Action(definition, occurrence, time.GetUtcNow());
        if (!await _claims.TryClaimAsync(ClaimKey(definition, action.Id), ClaimTtl))
        {
            LogAlreadyDispatched(logger, definition.Id, occurrence, action.Id);
            return time.GetUtcNow();
        }

        try
        {
            var pipeline = services.GetRequiredService<DispatchPipeline>();
            await pipeline.DispatchAsync(action, new DispatchContext { CallerId = CallerId }, CancellationToken.None);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // The claim is taken, so a retry could not run it either; the occurrence counts as done (and failed).
            LogDispatchFailed(logger, error, definition.Id, occurrence, action.Id);
        }

        return time.GetUtcNow();
    }

    public static GatewayAction Action(RecurringDefinition definition, DateTimeOffset occurrence, DateTimeOffset now)
    {
        var at = JsonTime.Format(occurrence);
        return new GatewayAction
        {
            Id = RecurringKey.OccurrenceId(definition.Id, occurrence),
            Namespace = definition.Namespace,
            Tenant = definition.Tenant,
            Provider = definition.Provider,
            ActionType = definition.ActionType,
            Payload = definition.Payload,
            DedupKey = definition.DedupKey?.Replace("{{recurring_id}}", definition.Id, StringComparison.Ordinal)
                .Replace("{{execution_time}}", at, StringComparison.Ordinal),
            Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["recurring_id"] = definition.Id, ["recurring_occurrence"] = at },
            CreatedAt = now,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recurring action {Id}: the occurrence {Occurrence} (action {ActionId}) was dispatched before; not again")]
    private static partial void LogAlreadyDispatched(ILogger logger, string id, DateTimeOffset occurrence, string actionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recurring action {Id}: the dispatch of occurrence {Occurrence} (action {ActionId}) failed")]
    private static partial void LogDispatchFailed(ILogger logger, Exception error, string id, DateTimeOffset occurrence, string actionId);
}
