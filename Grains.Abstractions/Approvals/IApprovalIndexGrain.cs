namespace Acteon.Grains.Abstractions.Approvals;

/// <summary>The approvals of one namespace and tenant (key <c>{namespace}:{tenant}</c>), for listing; each approval grain keeps its entry current.</summary>
[Alias("acteon.approval-index")]
public interface IApprovalIndexGrain : IGrainWithStringKey
{
    [Alias("PutAsync")]
    Task PutAsync(ApprovalSummary summary);

    [Alias("RemoveAsync")]
    Task RemoveAsync(string id);

    /// <summary>Newest first; <paramref name="status"/> null: every status.</summary>
    [Alias("ListAsync")]
    Task<ApprovalPage> ListAsync(string? status, int offset, int limit);
}
