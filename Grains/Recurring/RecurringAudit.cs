using System.Text.Json;
using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Audit;
using Acteon.Grains.Audit;
using Microsoft.Extensions.Options;

namespace Acteon.Grains.Recurring;

/// <summary>
/// The audit record of each create, update, delete, pause and resume: provider <c>system</c>, action type
/// <c>recurring.&lt;operation&gt;</c>, action id = the recurring id, the definition's payload and the schedule after the change.
/// </summary>
public sealed class RecurringAudit(IAuditSink sink, IOptions<AuditOptions> options)
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Pause = "pause";
    public const string Resume = "resume";

    public const string Provider = "system";

    private readonly AuditOptions _options = options.Value;

    internal async Task WriteAsync(string operation, RecurringState state, DateTimeOffset now)
    {
        if (!_options.Enabled || state.Definition is not { } definition)
        {
            return;
        }

        var details = Details(operation, state, definition);
        await sink.EnqueueAsync(new AuditRecord
        {
            Id = Guid.CreateVersion7(now).ToString(),
            ActionId = definition.Id,
            Namespace = definition.Namespace,
            Tenant = definition.Tenant,
            Provider = Provider,
            ActionType = $"recurring.{operation}",
            Verdict = "allow",
            Outcome = operation switch { Create => "created", Update => "updated", Delete => "deleted", Pause => "paused", _ => "resumed" },
            ActionPayload = _options.StorePayload ? definition.Payload : null,
            OutcomeDetails = details,
            DispatchedAt = now,
            CompletedAt = now,
            ExpiresAt = now + _options.Ttl,
        }, CancellationToken.None);
    }

    private static JsonElement Details(string operation, RecurringState state, Abstractions.Recurring.RecurringDefinition definition)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("recurring_id", definition.Id);
            writer.WriteString("cron_expr", definition.CronExpr);
            writer.WriteString("timezone", definition.TimeZone);
            writer.WriteBoolean("enabled", operation != Delete && state.Enabled);
            if (operation != Delete && state.NextExecution is { } next)
            {
                writer.WriteString("next_execution", JsonTime.Format(next));
            }
            else
            {
                writer.WriteNull("next_execution");
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
