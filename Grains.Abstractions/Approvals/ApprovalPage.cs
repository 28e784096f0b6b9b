namespace Acteon.Grains.Abstractions.Approvals;

[GenerateSerializer, Immutable, Alias("acteon.approval-page")]
public sealed record ApprovalPage([property: Id(0)] IReadOnlyList<ApprovalSummary> Approvals, [property: Id(1)] int Total);
