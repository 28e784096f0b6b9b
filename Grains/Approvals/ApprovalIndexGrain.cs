using Acteon.Grains.Abstractions.Approvals;
using Acteon.Grains.State;

namespace Acteon.Grains.Approvals;

/// <summary>The approvals of one namespace and tenant; entries leave when their approval's retention ends.</summary>
[GrainType(TypeName)]
internal sealed class ApprovalIndexGrain([PersistentState("approval-index", GrainStorage.Name)] IPersistentState<ApprovalIndexState> state)
    : Grain, IApprovalIndexGrain
{
    public const string TypeName = "approval-index";

    public Task PutAsync(ApprovalSummary summary) => state.UpdateAsync(stored =>
    {
        if (stored.Approvals.TryGetValue(summary.Id, out var existing) && existing == summary)
        {
            return ((ApprovalIndexState?)null, 0);
        }

        var next = new Dictionary<string, ApprovalSummary>(stored.Approvals, StringComparer.Ordinal) { [summary.Id] = summary };
        return (new ApprovalIndexState { Approvals = next }, 0);
    });

    public Task RemoveAsync(string id) => state.UpdateAsync(stored =>
    {
        if (!stored.Approvals.ContainsKey(id))
        {
            return ((ApprovalIndexState?)null, 0);
        }

        var next = new Dictionary<string, ApprovalSummary>(stored.Approvals, StringComparer.Ordinal);
        next.Remove(id);
        return (new ApprovalIndexState { Approvals = next }, 0);
    });

    public Task<ApprovalPage> ListAsync(string? status, int offset, int limit)
    {
        var matching = state.State.Approvals.Values
            .Where(a => status is null || a.Status == status)
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(new ApprovalPage([.. matching.Skip(offset).Take(limit)], matching.Count));
    }
}
