using Acteon.Grains.Abstractions.Recurring;

namespace Acteon.Grains.Recurring;

/// <summary>Durable state of one recurring action; <see cref="Definition"/> is null when there is none (never created, or deleted).</summary>
[GenerateSerializer, Alias("acteon.recurring-state")]
public sealed record RecurringState
{
    [Id(0)] public RecurringDefinition? Definition { get; init; }
    [Id(1)] public bool Enabled { get; init; }

    /// <summary>The occurrence the reminder is armed for; null while paused or once ended.</summary>
    [Id(2)] public DateTimeOffset? NextExecution { get; init; }

    [Id(3)] public DateTimeOffset? LastExecutedAt { get; init; }

    /// <summary>The last occurrence that ran; the next one is computed from it, not from the time its tick came.</summary>
    [Id(4)] public DateTimeOffset? LastOccurrence { get; init; }

    [Id(5)] public long ExecutionCount { get; init; }
    [Id(6)] public long MissedCount { get; init; }
    [Id(7)] public DateTimeOffset CreatedAt { get; init; }
    [Id(8)] public DateTimeOffset UpdatedAt { get; init; }

    public RecurringDetail ToDetail() => new()
    {
        Definition = Definition!,
        Enabled = Enabled,
        NextExecution = NextExecution,
        LastExecutedAt = LastExecutedAt,
        ExecutionCount = ExecutionCount,
        MissedCount = MissedCount,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
    };
}
