using System.Text.Json;

namespace Acteon.Grains.Abstractions.Recurring;

/// <summary>What a recurring action is: its schedule and the action template each occurrence dispatches.</summary>
[GenerateSerializer, Immutable, Alias("acteon.recurring-definition")]
public sealed record RecurringDefinition
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Namespace { get; init; }
    [Id(2)] public required string Tenant { get; init; }

    /// <summary>5-field cron, or 6-field with seconds first.</summary>
    [Id(3)] public required string CronExpr { get; init; }

    /// <summary>IANA time zone id the cron is read in.</summary>
    [Id(4)] public required string TimeZone { get; init; }

    [Id(5)] public required string Provider { get; init; }
    [Id(6)] public required string ActionType { get; init; }
    [Id(7)] public required JsonElement Payload { get; init; }
    [Id(8)] public string? Description { get; init; }

    /// <summary>Template of each occurrence's dedup_key: <c>{{recurring_id}}</c> and <c>{{execution_time}}</c> are replaced.</summary>
    [Id(9)] public string? DedupKey { get; init; }

    /// <summary>No occurrence after this time.</summary>
    [Id(10)] public DateTimeOffset? EndDate { get; init; }

    /// <summary>No occurrence after this many have run.</summary>
    [Id(11)] public long? MaxExecutions { get; init; }

    /// <summary><see cref="RecurringCatchUp.None"/> or <see cref="RecurringCatchUp.Last"/>: what happens to occurrences missed while no node ran.</summary>
    [Id(12)] public string CatchUp { get; init; } = RecurringCatchUp.None;
}
