using System.Buffers;
using System.Text;
using System.Text.Json;
using Acteon.Gateway.Api.Dispatch;
using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Recurring;

namespace Acteon.Gateway.Api.Recurring;

/// <summary>The wire shapes of recurring actions (api-contract.md "Recurring").</summary>
internal static class RecurringJson
{
    public static IResult Result(int status, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, DispatchEndpoints.WriterOptions))
        {
            write(writer);
        }

        return Results.Text(Encoding.UTF8.GetString(buffer.WrittenSpan), "application/json; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>The 201 body of a create: <c>{recurring_id, next_execution, cron_expr, timezone, enabled}</c>.</summary>
    public static void WriteCreated(Utf8JsonWriter writer, RecurringDetail detail)
    {
        writer.WriteStartObject();
        writer.WriteString("recurring_id", detail.Definition.Id);
        Time(writer, "next_execution", detail.NextExecution);
        writer.WriteString("cron_expr", detail.Definition.CronExpr);
        writer.WriteString("timezone", detail.Definition.TimeZone);
        writer.WriteBoolean("enabled", detail.Enabled);
        writer.WriteEndObject();
    }

    public static void WriteList(Utf8JsonWriter writer, IReadOnlyList<RecurringDetail> details)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("recurring_actions");
        foreach (var detail in details)
        {
            WriteDetail(writer, detail);
        }

        writer.WriteEndArray();
        writer.WriteNumber("total", details.Count);
        writer.WriteEndObject();
    }

    public static void WriteDetail(Utf8JsonWriter writer, RecurringDetail detail)
    {
        var d = detail.Definition;
        writer.WriteStartObject();
        writer.WriteString("recurring_id", d.Id);
        writer.WriteString("namespace", d.Namespace);
        writer.WriteString("tenant", d.Tenant);
        writer.WriteString("cron_expr", d.CronExpr);
        writer.WriteString("timezone", d.TimeZone);
        writer.WriteBoolean("enabled", detail.Enabled);
        writer.WriteString("provider", d.Provider);
        writer.WriteString("action_type", d.ActionType);
        writer.WritePropertyName("payload");
        d.Payload.WriteTo(writer);
        writer.WriteString("description", d.Description);
        writer.WriteString("dedup_key", d.DedupKey);
        Time(writer, "end_date", d.EndDate);
        if (d.MaxExecutions is { } max)
        {
            writer.WriteNumber("max_executions", max);
        }
        else
        {
            writer.WriteNull("max_executions");
        }

        writer.WriteString("catch_up", d.CatchUp);
        Time(writer, "next_execution", detail.NextExecution);
        Time(writer, "last_executed_at", detail.LastExecutedAt);
        writer.WriteNumber("execution_count", detail.ExecutionCount);
        writer.WriteNumber("missed_count", detail.MissedCount);
        Time(writer, "created_at", detail.CreatedAt);
        Time(writer, "updated_at", detail.UpdatedAt);
        writer.WriteEndObject();
    }

    private static void Time(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } t)
        {
            writer.WriteString(name, JsonTime.Format(t));
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
