using System.Text.Json;
using Acteon.Grains.Abstractions;
using Acteon.Grains.Abstractions.Actions;
using Acteon.Grains.Abstractions.Approvals;

namespace Acteon.Grains.Approvals;

/// <summary>The <c>approval_notification</c> action sent to notify_provider (acteon-behaviour §6.1's payload).</summary>
internal static class ApprovalNotification
{
    public const string ActionType = "approval_notification";

    public static GatewayAction Create(ApprovalRequest request)
    {
        var action = request.Action;
        var payload = JsonSerializer.SerializeToElement(new Dictionary<string, string?>
        {
            ["subject"] = $"Approval Required: {action.ActionType}",
            ["body"] = $"Action '{action.ActionType}' requires approval.\n\nReason: {request.Message ?? "Approval required"}\n\nApprove: {request.ApproveUrl}\nReject: {request.RejectUrl}",
            ["approval_id"] = request.Id,
            ["approval_url"] = request.ApproveUrl,
            ["reject_url"] = request.RejectUrl,
            ["action_id"] = action.Id,
            ["action_type"] = action.ActionType,
            ["namespace"] = action.Namespace,
            ["tenant"] = action.Tenant,
            ["expires_at"] = JsonTime.Format(request.ExpiresAt),
        }, ApprovalsJsonContext.Default.DictionaryStringString);
        return new GatewayAction
        {
            Id = $"{request.Id}-notification",
            Namespace = action.Namespace,
            Tenant = action.Tenant,
            Provider = request.NotifyProvider,
            ActionType = ActionType,
            Payload = payload,
            CreatedAt = request.CreatedAt,
        };
    }
}
