using Acteon.Grains.Abstractions.Approvals;

namespace Acteon.Grains.Approvals;

public sealed record ApprovalIndexState
{
    public Dictionary<string, ApprovalSummary> Approvals { get; init; } = new(StringComparer.Ordinal);
}
