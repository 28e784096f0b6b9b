using System.Text.Json;

namespace Acteon.Grains.Abstractions.Recurring;

/// <summary>A partial update: a non-null member replaces that field; a field named in <see cref="Cleared"/> is removed (JSON null).</summary>
[GenerateSerializer, Immutable, Alias("acteon.recurring-patch")]
public sealed record RecurringPatch
{
    public const string DescriptionField = "description";
    public const string DedupKeyField = "dedup_key";
    public const string EndDateField = "end_date";
    public const string MaxExecutionsField = "max_executions";

    [Id(0)] public string? CronExpr { get; init; }
    [Id(1)] public string? TimeZone { get; init; }
    [Id(2)] public string? Provider { get; init; }
    [Id(3)] public string? ActionType { get; init; }
    [Id(4)] public JsonElement? Payload { get; init; }
    [Id(5)] public string? Description { get; init; }
    [Id(6)] public string? DedupKey { get; init; }
    [Id(7)] public DateTimeOffset? EndDate { get; init; }
    [Id(8)] public long? MaxExecutions { get; init; }
    [Id(9)] public string? CatchUp { get; init; }
    [Id(10)] public IReadOnlyList<string> Cleared { get; init; } = [];

    public RecurringDefinition ApplyTo(RecurringDefinition current) => current with
    {
        CronExpr = CronExpr ?? current.CronExpr,
        TimeZone = TimeZone ?? current.TimeZone,
        Provider = Provider ?? current.Provider,
        ActionType = ActionType ?? current.ActionType,
        Payload = Payload ?? current.Payload,
        Description = Cleared.Contains(DescriptionField) ? null : Description ?? current.Description,
        DedupKey = Cleared.Contains(DedupKeyField) ? null : DedupKey ?? current.DedupKey,
        EndDate = Cleared.Contains(EndDateField) ? null : EndDate ?? current.EndDate,
        MaxExecutions = Cleared.Contains(MaxExecutionsField) ? null : MaxExecutions ?? current.MaxExecutions,
        CatchUp = CatchUp ?? current.CatchUp,
    };
}
