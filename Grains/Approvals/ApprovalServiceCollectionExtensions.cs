using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Acteon.Grains.Approvals;

public static class ApprovalServiceCollectionExtensions
{
    /// <summary>The approval signer and requester and the serialization of the approval grains' state.</summary>
    public static IServiceCollection AddApprovals(this IServiceCollection services)
    {
        services.AddOptions<ApprovalOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IJsonTypeInfoResolver>(ApprovalsJsonContext.Default));
        services.TryAddSingleton<ApprovalSigner>();
        services.TryAddSingleton<ApprovalRequester>();
        services.TryAddSingleton<ApprovalAudit>();
        return services;
    }
}
