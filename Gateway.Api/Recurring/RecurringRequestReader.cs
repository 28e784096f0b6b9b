using System.Text.Json;
using Acteon.Gateway.Api.Http;
using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Providers;
using Acteon.Grains.Abstractions.Recurring;
using Acteon.Grains.Recurring;
using Microsoft.Extensions.Options;

namespace Acteon.Gateway.Api.Recurring;

/// <summary>Validates the bodies of <c>POST</c> and <c>PUT /v1/recurring</c>; every bad field is reported with its JSON path.</summary>
public sealed class RecurringRequestReader(
    IProviderRegistry providers, IOptions<RecurringOptions> options, [FromKeyedServices(GatewayClock.Key)] TimeProvider time)
{
    private static readonly string[] CreateFields =
        ["namespace", "tenant", "cron_expr", "timezone", "provider", "action_type", "payload", "description", "dedup_key", "end_date", "max_executions", "catch_up"];

    private readonly RecurringOptions _options = options.Value;

    public RecurringDefinition? ReadCreate(JsonElement body, List<FieldError> errors)
    {
        if (!IsObject(body, errors))
        {
            return null;
        }

        var fields = new RecurringFields(body, errors);
        fields.RejectUnknown(CreateFields);
        var ns = fields.Name("namespace", required: true);
        var tenant = fields.Name("tenant", required: true);
        var provider = Provider(fields.Name("provider", required: true), errors);
        var actionType = fields.Name("action_type", required: true);
        var payload = fields.Payload(required: true);
        var cron = fields.Name("cron_expr", required: true);
        var zone = fields.Name("timezone", required: false) ?? "UTC";
        var endDate = fields.Time("end_date");
        var maxExecutions = fields.PositiveInteger("max_executions");
        var catchUp = CatchUp(fields, errors) ?? RecurringCatchUp.None;
        var description = fields.OptionalString("description");
        var dedupKey = fields.OptionalString("dedup_key");
        if (errors.Count > 0)
        {
            return null;
        }

        if (Schedule(cron!, zone, errors) is not { } schedule)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (schedule.NextAfter(now) is not { } first)
        {
            errors.Add(new FieldError("$.cron_expr", "never occurs"));
            return null;
        }

        if (endDate is { } end && end < first)
        {
            errors.Add(new FieldError("$.end_date", $"is before the first occurrence ({JsonTime.Format(first)}), so the action would never run"));
            return null;
        }

        return new RecurringDefinition
        {
            Id = Guid.CreateVersion7(now).ToString(),
            Namespace = ns!, Tenant = tenant!, CronExpr = cron!, TimeZone = zone, Provider = provider!, ActionType = actionType!,
            Payload = payload!.Value, Description = description, DedupKey = dedupKey, EndDate = endDate, MaxExecutions = maxExecutions,
            CatchUp = catchUp,
        };
    }

    /// <summary>A partial update; <c>namespace</c> and <c>tenant</c> may be repeated in the body only as the query gives them.</summary>
    public RecurringPatch? ReadPatch(JsonElement body, string ns, string tenant, List<FieldError> errors)
    {
        if (!IsObject(body, errors))
        {
            return null;
        }

        var fields = new RecurringFields(body, errors);
        fields.RejectUnknown(CreateFields);
        Same(fields.Name("namespace", required: false), ns, "namespace", errors);
        Same(fields.Name("tenant", required: false), tenant, "tenant", errors);
        string[] notNull = ["cron_expr", "timezone", "provider", "action_type", "payload", "catch_up"];
        foreach (var field in notNull)
        {
            if (fields.IsNull(field))
            {
                errors.Add(new FieldError($"$.{field}", "cannot be removed (null); leave it out to keep it"));
            }
        }

        var cron = fields.Name("cron_expr", required: false);
        var zone = fields.Name("timezone", required: false);
        var patch = new RecurringPatch
        {
            CronExpr = cron,
            TimeZone = zone,
            Provider = Provider(fields.Name("provider", required: false), errors),
            ActionType = fields.Name("action_type", required: false),
            Payload = fields.Payload(required: false),
            Description = fields.OptionalString("description"),
            DedupKey = fields.OptionalString("dedup_key"),
            EndDate = fields.Time("end_date"),
            MaxExecutions = fields.PositiveInteger("max_executions"),
            CatchUp = CatchUp(fields, errors),
            Cleared = [.. new[] { RecurringPatch.DescriptionField, RecurringPatch.DedupKeyField, RecurringPatch.EndDateField, RecurringPatch.MaxExecutionsField }
                .Where(fields.IsNull)],
        };
        if (errors.Count == 0 && (cron is not null || zone is not null))
        {
            // The cron is checked in the zone the update gives (else UTC): its gaps do not depend on the zone.
            Schedule(cron ?? "0 0 1 1 *", zone ?? "UTC", errors);
        }

        return errors.Count == 0 ? patch : null;
    }

    private CronSchedule? Schedule(string cron, string zone, List<FieldError> errors)
    {
        if (!CronSchedule.TryParseCron(cron, out _, out var cronError))
        {
            errors.Add(new FieldError("$.cron_expr", cronError!));
        }

        if (!CronSchedule.TryFindZone(zone, out _))
        {
            errors.Add(new FieldError("$.timezone", $"'{zone}' is not an IANA time zone (e.g. UTC, US/Eastern, Europe/Paris)"));
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var schedule = CronSchedule.Of(cron, zone);
        if (schedule.CheckInterval(time.GetUtcNow(), _options.MinInterval) is { } tooOften)
        {
            errors.Add(new FieldError("$.cron_expr", tooOften));
            return null;
        }

        return schedule;
    }

    private string? Provider(string? name, List<FieldError> errors)
    {
        if (name is not null && !providers.TryGet(name, out _))
        {
            errors.Add(new FieldError("$.provider", $"provider not found: {name}"));
            return null;
        }

        return name;
    }

    private static string? CatchUp(RecurringFields fields, List<FieldError> errors)
    {
        var value = fields.OptionalString("catch_up");
        if (value is not (null or RecurringCatchUp.None or RecurringCatchUp.Last))
        {
            errors.Add(new FieldError("$.catch_up", $"must be \"{RecurringCatchUp.None}\" or \"{RecurringCatchUp.Last}\", not \"{value}\""));
            return null;
        }

        return value;
    }

    private static void Same(string? given, string expected, string field, List<FieldError> errors)
    {
        if (given is not null && given != expected)
        {
            errors.Add(new FieldError($"$.{field}", $"is '{given}' but the query says '{expected}'; a recurring action cannot move"));
        }
    }

    private static bool IsObject(JsonElement body, List<FieldError> errors)
    {
        if (body.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        errors.Add(new FieldError("$", "must be a JSON object"));
        return false;
    }
}
