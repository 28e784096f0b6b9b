namespace Acteon.Grains.Abstractions.Recurring;

/// <summary>A recurring action as <c>GET /v1/recurring/{id}</c> shows it.</summary>
[GenerateSerializer, Immutable, Alias("acteon.recurring-detail")]
public sealed record RecurringDetail
{
    [Id(0)] public required RecurringDefinition Definition { get; init; }
    [Id(1)] public required bool Enabled { get; init; }

    /// <summary>The next occurrence (UTC); null while paused or once ended.</summary>
    [Id(2)] public DateTimeOffset? NextExecution { get; init; }

    [Id(3)] public DateTimeOffset? LastExecutedAt { get; init; }
    [Id(4)] public long ExecutionCount { get; init; }
    [Id(5)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(6)] public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Occurrences skipped because they were missed (see <see cref="RecurringCatchUp"/>).</summary>
    [Id(7)] public long MissedCount { get; init; }
}
